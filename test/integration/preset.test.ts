import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { findPreset, PRESETS, presetCatalogue, presetParams } from '../../src/poster/presets.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;
const KEY = 'operator-key-123';

const maxAge = (response: Response) =>
  Number(/^public, max-age=(\d+)$/.exec(response.headers.get('cache-control') ?? '')?.[1] ?? Number.NaN);

/** Counts of the calls that spend the operator's quota (MDBList, the stream addon) around `work`. */
async function quotaCalls(app: App, work: () => Promise<void>) {
  const before = { mdblist: app.fake.requests.count('mdblist'), addon: app.fake.requests.count('addon') };
  await work();
  return {
    mdblist: app.fake.requests.count('mdblist') - before.mdblist,
    addon: app.fake.requests.count('addon') - before.addon,
  };
}

describe('preset catalogue (data)', () => {
  it('has the ten gallery ids in order, then the fork’s six public ids, the eight retired ids, no duplicates', () => {
    expect(presetCatalogue().map((preset) => preset.id)).toEqual([
      'tinted_mini_notch',
      'tinted_mini_sash',
      'bar_notch',
      'bar_sash',
      'ratingbar_notch',
      'ratingbar_sash',
      'clean_notch',
      'clean_sash',
      'mini_sash_oa',
      'bar_notch_oa',
      'default',
      'awards',
      'minimalist',
      'letterboxd',
      'cinephile',
      'quality',
    ]);
    expect(PRESETS.filter((preset) => preset.retired).map((preset) => preset.id)).toEqual([
      'prestige_rating_bar',
      'light_rating_bar',
      'mini',
      'frosted_notch',
      'black_rating_bar_light_notch',
      'black_rating_bar_oa',
      'frosted_rating_bar_oa',
      'mini_oa',
    ]);
    expect(new Set(PRESETS.map((preset) => preset.id)).size).toBe(PRESETS.length);
  });

  it('every preset query parses cleanly: no malformed, clamped or unknown parameter', () => {
    for (const preset of PRESETS) expect(presetParams(preset).notes, preset.id).toEqual([]);
  });

  it('presets differ from each other and carry their distinguishing values', () => {
    // On the fork's last public base (badge mode 4) its `quality` look is its `default` one: two published
    // names for one look, which then share composites. Every other pair differs.
    const distinct = PRESETS.filter((preset) => preset.id !== 'quality');
    const styles = distinct.map((preset) => JSON.stringify(presetParams(preset)));
    expect(new Set(styles).size).toBe(distinct.length);
    expect(presetParams(findPreset('quality')!)).toEqual(presetParams(findPreset('default')!));
    const clean = presetParams(findPreset('clean_notch')!);
    expect(clean.style).toMatchObject({ ratingDisplayMode: 2, sashMode: 'notch', badgeDisplayMode: 0 });
    expect(presetParams(findPreset('bar_notch_oa')!).options.useOriginalArt).toBe(true);
  });

  it('ids are looked up as data: prototype names are unknown, copies are independent', () => {
    expect(findPreset('__proto__')).toBeUndefined();
    expect(findPreset('constructor')).toBeUndefined();
    const a = presetParams(findPreset('clean_sash')!);
    a.style.ratingDisplayMode = 4;
    expect(presetParams(findPreset('clean_sash')!).style.ratingDisplayMode).toBe(2);
  });
});

/** The hosting fork's six published presets, pinned key by key: a change here is a change of a public look. */
const FORK_PUBLIC_PRESETS: Record<string, Record<string, string>> = {
  default: { badge_display_mode: '4', show_award_sash: 'true' },
  awards: { badge_display_mode: '0', show_award_sash: 'true', rating_display_mode: '0', muted: 'true' },
  minimalist: {
    badge_display_mode: '0',
    show_award_sash: 'false',
    rating_display_mode: '3',
    minimalist_mode_font_size_ratio: '0.045',
    textless: 'true',
  },
  letterboxd: {
    badge_display_mode: '0',
    show_award_sash: 'false',
    rating_display_mode: '2',
    movie_weights: 'letterboxd:1.00',
  },
  cinephile: {
    badge_display_mode: '4',
    show_award_sash: 'true',
    sash_priority:
      'festival,wins,pic_noms,gg_wins,gg_noms,metacritic,director,studio,cast,cult,foreign,true_story,trending,trending_broad,premiere,new_release,just_added,new_season,season_finale,short_film,mini_series,binge_ready,returning,airing,cancelled,ended,physical,streaming,cinema,production',
    muted: 'true',
    score_color_mode: '2',
  },
  quality: { badge_display_mode: '4', show_award_sash: 'true', rating_display_mode: '1' },
};

describe('the hosting fork’s public presets (published URLs)', () => {
  it('each of the six carries exactly its pinned parameter set', () => {
    for (const [id, values] of Object.entries(FORK_PUBLIC_PRESETS)) {
      const preset = findPreset(id);
      expect(preset, id).toBeDefined();
      expect(Object.fromEntries(new URLSearchParams(preset!.query)), id).toEqual(values);
      expect(preset!.retired, id).toBe(false);
    }
  });

  it('each resolves to the look its name promises', () => {
    const style = (id: string) => presetParams(findPreset(id)!);
    expect(style('default').style).toMatchObject({
      badgeDisplayMode: 4,
      ratingDisplayMode: 1,
      sashMode: 'sash',
    });
    expect(style('awards').style).toMatchObject({
      ratingDisplayMode: 0,
      badgeDisplayMode: 0,
      sashMode: 'sash',
      muted: true,
    });
    expect(style('minimalist').style).toMatchObject({
      ratingDisplayMode: 3,
      badgeDisplayMode: 0,
      sashMode: 'hidden',
    });
    expect(style('letterboxd').style).toMatchObject({
      ratingDisplayMode: 2,
      sashMode: 'hidden',
      badgeDisplayMode: 0,
    });
    expect(style('letterboxd').options.movieWeights).toEqual({ letterboxd: 1 });
    expect(style('cinephile').style).toMatchObject({ muted: true, scoreColorMode: 2, sashMode: 'sash' });
    expect(style('cinephile').options.sashPriority.slice(0, 2)).toEqual(['festival', 'wins']);
    expect(style('quality').style).toMatchObject({ ratingDisplayMode: 1, badgeDisplayMode: 4 });
  });

  it('every preset’s resolved parameter set is pinned (update the snapshot deliberately)', () => {
    const all = Object.fromEntries(PRESETS.map((preset) => [preset.id, presetParams(preset)]));
    expect(all).toMatchSnapshot();
  });
});

describe('/p public tier (PRESET_ENABLED=true)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({ PRESET_ENABLED: 'true', ACCESS_KEY: KEY });
  });
  afterAll(() => app.close());

  it('a cold anonymous hit never calls MDBList or the quality source, answers max-age=300 and is not stored', async () => {
    const calls = await quotaCalls(app, async () => {
      for (let i = 0; i < 2; i++) {
        const response = await app.get('/p/clean_notch/movie/tt1375666.jpg');
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/webp');
        expect(response.headers.get('cache-control')).toBe('public, max-age=300');
        // Provisional, so not stored: the second request renders again instead of hitting.
        expect(response.headers.get('x-cache')).toBe('PROVISIONAL');
        expect(response.headers.get('etag')).toBeNull();
        const image = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
        expect(image).toMatchObject({ width: 500, height: 750 });
      }
    });
    expect(calls).toEqual({ mdblist: 0, addon: 0 });
    // The moat holds for a look that shows quality badges too (a retired preset with badge mode 5).
    const retired = await quotaCalls(app, async () => {
      const response = await app.get('/p/prestige_rating_bar/movie/tt1375666.jpg');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    });
    expect(retired).toEqual({ mdblist: 0, addon: 0 });
    // The counters do see those calls: an operator render of the same title spends them.
    const operator = await quotaCalls(app, async () => {
      await app.get(`/poster?imdb_id=tt1375666&type=movie&access_key=${KEY}`);
    });
    expect(operator.mdblist).toBeGreaterThan(0);
    expect(operator.addon).toBeGreaterThan(0);
  });

  it('shares one composite with the equivalent /poster URL (same ETag), served with PRESET_CDN_CACHE_TTL', async () => {
    const preset = findPreset('clean_notch')!;
    const operator = await app.get(`/poster?imdb_id=tt0111161&type=movie&access_key=${KEY}&${preset.query}`);
    expect(operator.status).toBe(200);
    expect(operator.headers.get('x-cache')).toBe('MISS');
    const etag = operator.headers.get('etag');
    expect(etag).toBeTruthy();

    const calls = await quotaCalls(app, async () => {
      const hit = await app.get('/p/clean_notch/movie/tt0111161.jpg');
      expect(hit.status).toBe(200);
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(hit.headers.get('etag')).toBe(etag);
      expect(maxAge(hit)).toBeGreaterThan(80_000);
      expect(maxAge(hit)).toBeLessThanOrEqual(86_400);
      const revalidated = await app.get('/p/clean_notch/movie/tt0111161.jpg', {
        headers: { 'if-none-match': etag! },
      });
      expect(revalidated.status).toBe(304);
    });
    expect(calls).toEqual({ mdblist: 0, addon: 0 });
  });

  it('an operator /poster never joins a /p render of the same composite (single flight per tier)', async () => {
    // Same look, same title, same moment: the /p flight renders from cached facts only (provisional);
    // the operator request must run its own full render and get a stored, complete poster.
    const preset = findPreset('clean_notch')!;
    const [anonymous, operator] = await Promise.all([
      app.get('/p/clean_notch/movie/tt6751668.jpg'),
      app.get(`/poster?imdb_id=tt6751668&type=movie&access_key=${KEY}&${preset.query}`),
    ]);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('x-cache')).toBe('PROVISIONAL');
    expect(operator.status).toBe(200);
    expect(operator.headers.get('x-cache')).toBe('MISS');
    expect(operator.headers.get('etag')).toBeTruthy();
  });

  it('once the facts are cached, an anonymous render is complete, stored and then a HIT', async () => {
    // An operator render of another look fills the rating cache for the title.
    const warm = await app.get(`/poster?imdb_id=tt0068646&type=movie&access_key=${KEY}`);
    expect(warm.status).toBe(200);
    const calls = await quotaCalls(app, async () => {
      const first = await app.get('/p/bar_sash/movie/tt0068646.jpg');
      expect(first.status).toBe(200);
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(maxAge(first)).toBeGreaterThan(80_000);
      expect(maxAge(first)).toBeLessThanOrEqual(86_400);
      const second = await app.get('/p/bar_sash/movie/tt0068646.jpg');
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    });
    expect(calls).toEqual({ mdblist: 0, addon: 0 });
  });

  it('series is tv: both spellings share one composite', async () => {
    await app.get(`/poster?imdb_id=tt0903747&type=series&access_key=${KEY}`);
    const tv = await app.get('/p/ratingbar_sash/tv/tt0903747.jpg');
    const series = await app.get('/p/ratingbar_sash/series/tt0903747.jpg');
    expect(tv.status).toBe(200);
    expect(series.headers.get('x-cache')).toBe('HIT');
    expect(series.headers.get('etag')).toBe(tv.headers.get('etag'));
  });

  it('the fork’s six public names answer an image, for movie, tv and series', async () => {
    for (const id of Object.keys(FORK_PUBLIC_PRESETS)) {
      for (const path of [`/p/${id}/movie/tt0111161.jpg`, `/p/${id}/series/tt0903747.jpg`]) {
        const response = await app.get(path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toBe('image/webp');
      }
    }
    const tv = await app.get('/p/quality/tv/tt0903747.jpg');
    const series = await app.get('/p/quality/series/tt0903747.jpg');
    expect(series.headers.get('etag')).toBe(tv.headers.get('etag'));
  });

  it('retired ids still render; HEAD answers without a body; tmdb:N ids and other suffixes work', async () => {
    for (const url of [
      '/p/mini_oa/movie/tt0111161.jpg',
      '/p/frosted_notch/movie/tt0111161.jpg',
      '/p/clean_sash/movie/tmdb:278.jpg',
      '/p/clean_sash/movie/tt0111161.webp',
    ]) {
      const response = await app.get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe('image/webp');
    }
    const head = await app.get('/p/clean_notch/movie/tt0111161.jpg', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/webp');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ['/p/nope/movie/tt0111161.jpg', 404, 'unknown_preset', 'unknown preset "nope"'],
    ['/p/__proto__/movie/tt0111161.jpg', 404, 'unknown_preset', 'unknown preset "__proto__"'],
    ['/p/..%2F..%2Fetc/movie/tt0111161.jpg', 404, 'unknown_preset', 'unknown preset'],
    ['/p/clean_notch/anime/tt0111161.jpg', 400, 'invalid_type', undefined],
    ['/p/clean_notch/{type}/tt0111161.jpg', 400, 'invalid_type', undefined],
    ['/p/clean_notch/movie/0111161.jpg', 400, 'invalid_imdb_id', undefined],
    ['/p/clean_notch/movie/{imdb_id}.jpg', 400, 'invalid_imdb_id', undefined],
    ['/p/clean_notch/movie/tt0111161x.jpg', 400, 'invalid_imdb_id', undefined],
    ['/p/clean_notch/movie/tt0111161.jpg?shape=square', 400, 'unsupported_shape', undefined],
    ['/p/clean_notch/movie/tt9999999999.jpg', 404, 'unknown_title', undefined],
  ])('%s → %i %s', async (url, status, code, message) => {
    const response = await app.get(url);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe(code);
    if (message !== undefined) expect(body.message).toBe(message);
  });

  it('never uses a key the caller passes (anonymous tier: server keys only)', async () => {
    const response = await app.get('/p/clean_notch/movie/tt0111161.jpg?tmdb_key=caller-key-xyz');
    expect(response.status).toBe(200);
    expect(app.fake.requests.entries().some((entry) => entry.path.includes('caller-key-xyz'))).toBe(false);
  });

  it('without a server TMDB key the tier answers 503', async () => {
    const keyless = await buildServer({
      ...app.deps,
      upstream: { ...app.deps.upstream, tmdbApiKey: '' },
    });
    try {
      const response = await keyless.inject('/p/clean_notch/movie/tt0111161.jpg');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ error: 'no_tmdb_key' });
    } finally {
      await keyless.close();
    }
  });
});

describe('/p limits', () => {
  it('answers 404 when PRESET_ENABLED is off', async () => {
    const app = await startInProcessApp();
    try {
      const response = await app.get('/p/clean_notch/movie/tt0111161.jpg');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    } finally {
      await app.close();
    }
  });

  it('caps max-age by the composite’s remaining life', async () => {
    const app = await startInProcessApp({
      PRESET_ENABLED: 'true',
      ACCESS_KEY: KEY,
      COMPOSITE_CACHE_TTL: '3600',
      COMPOSITE_CACHE_TTL_JITTER: '0',
    });
    try {
      await app.get(`/poster?imdb_id=tt0111161&type=movie&access_key=${KEY}`);
      const response = await app.get('/p/ratingbar_notch/movie/tt0111161.jpg');
      expect(response.headers.get('x-cache')).toBe('MISS');
      expect(maxAge(response)).toBeGreaterThan(3500);
      expect(maxAge(response)).toBeLessThanOrEqual(3600);
    } finally {
      await app.close();
    }
  });
});

describe('PRESET_MDBLIST_FETCH=true', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({ PRESET_ENABLED: 'true', ACCESS_KEY: KEY, PRESET_MDBLIST_FETCH: 'true' });
  });
  afterAll(() => app.close());

  it('a cold anonymous /p miss fetches its ratings from MDBList, still never the quality source', async () => {
    const calls = await quotaCalls(app, async () => {
      const response = await app.get('/p/clean_sash/movie/tt0111161.jpg');
      expect(response.status).toBe(200);
    });
    expect(calls.mdblist).toBeGreaterThan(0);
    expect(calls.addon).toBe(0);
  });
});
