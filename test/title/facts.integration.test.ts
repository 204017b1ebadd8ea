import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Facts } from '../../src/domain/facts.ts';
import { assembleFacts, type FactOptions } from '../../src/title/assemble.ts';
import type { GatherRequest } from '../../src/title/gather.ts';
import { DEFAULT_SASH_PRIORITY } from '../../src/title/sashPriority.ts';
import { startFactsHarness } from '../helpers/factsHarness.ts';

const options: FactOptions = {
  language: 'en',
  logoPriority: 'native_original',
  logoLanguageSecondary: null,
  movieWeights: null,
  tvWeights: null,
  fallbackToImdb: false,
  tmdbRatingSource: 'mdblist',
  sashPriority: DEFAULT_SASH_PRIORITY,
  releaseStatusCinemaOnly: false,
  releaseStatusDates: true,
  cinemaGreyscale: true,
  cinemaGreyscaleSkipIfAvailable: false,
};

describe('title facts against the fake upstream', () => {
  let h: Awaited<ReturnType<typeof startFactsHarness>>;
  beforeAll(async () => {
    // No grace wait: the provisional path for a cold quality lookup is what one test checks.
    h = await startFactsHarness({ QUALITY_GRACE_MS: '0' });
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.fake.faults.reset();
    await h.coordinator.clearBackoff(
      'mdblist-key',
      createHash('sha256').update('test-mdblist-key').digest('hex').slice(0, 16),
    );
  });

  const request = (extra: Partial<GatherRequest> = {}): GatherRequest => ({
    imageLanguages: ['en'],
    needQuality: true,
    waitForQuality: true,
    cacheOnly: false,
    deadline: Date.now() + 10_000,
    ...extra,
  });

  async function factsFor(
    tmdbId: string,
    mediaType: 'movie' | 'tv',
    extra: Partial<GatherRequest> = {},
  ): Promise<Facts> {
    const data = await h.facts.gatherer.gather({ tmdbId, mediaType }, request(extra));
    if (!data) throw new Error(`no data for ${mediaType} ${tmdbId}`);
    return assembleFacts(data, options, h.facts.settings, h.facts.lists, new Date());
  }

  it('resolves IMDb and TVDB ids through /find, and caches the answer for good', async () => {
    expect(await h.facts.gatherer.resolve({ imdbId: 'tt0903747' }, { deadline: Date.now() + 5000 })).toEqual({
      mediaType: 'tv',
      tmdbId: '1396',
    });
    expect(await h.facts.gatherer.resolve({ tvdbId: '81189' }, { deadline: Date.now() + 5000 })).toEqual({
      mediaType: 'tv',
      tmdbId: '1396',
    });
    const before = h.fake.requests.count('tmdb');
    await h.facts.gatherer.resolve({ imdbId: 'tt0903747' }, { deadline: Date.now() + 5000 });
    expect(h.fake.requests.count('tmdb')).toBe(before);
    const row = await h.storage.get('imdb_to_tmdb_cache', 'tt0903747');
    expect(row?.expiresAt).toBeNull();
  });

  it('Shawshank: textless art, a logo, a weighted score, genre, year, age rating and quality', async () => {
    const facts = await factsFor('278', 'movie');
    expect(facts).toMatchObject({
      imdbId: 'tt0111161',
      title: 'The Shawshank Redemption',
      year: 1994,
      genre: 'Crime',
    }); // Crime outranks Drama in GENRE_PRIORITY
    expect(facts.posterIsTextless).toBe(true);
    expect(facts.poster?.url).toContain('/tmdb-images/t/p/w500/');
    expect(facts.logo?.language).toBe('en');
    expect(facts.score).toBeGreaterThan(50);
    expect(Object.keys(facts.ratingWeights).length).toBeGreaterThan(0);
    expect(facts.ageRating).toBeTruthy();
    expect(facts.qualityTokens).toContain('4K');
    expect(facts.qualityTier).not.toBe('grey');
    expect(facts.provisional).toBe(false);
  });

  it('The Godfather: no textless poster, so a textless backdrop for the crop; an Oscar-winner sash', async () => {
    const facts = await factsFor('238', 'movie');
    expect(facts.posterIsTextless).toBe(false);
    expect(facts.backdrop).not.toBeNull();
    expect(facts.sash).toMatchObject({ slot: 'wins', type: 'win' });
  });

  it('labels translate with the request language', async () => {
    const data = await h.facts.gatherer.gather({ tmdbId: '238', mediaType: 'movie' }, request());
    const de = assembleFacts(
      data!,
      { ...options, language: 'de' },
      h.facts.settings,
      h.facts.lists,
      new Date(),
    );
    const en = assembleFacts(data!, options, h.facts.settings, h.facts.lists, new Date());
    expect(de.sash?.slot).toBe(en.sash?.slot);
    expect(de.sash?.label).not.toBe(en.sash?.label);
  });

  it('an unknown TMDB id is null (a 404 later), and remembered', async () => {
    expect(await h.facts.gatherer.gather({ tmdbId: '999999999', mediaType: 'movie' }, request())).toBeNull();
    const before = h.fake.requests.count('tmdb');
    expect(await h.facts.gatherer.gather({ tmdbId: '999999999', mediaType: 'movie' }, request())).toBeNull();
    expect(h.fake.requests.count('tmdb')).toBe(before);
  });

  it('with TMDB fully down, previously cached facts are served stale and marked provisional', async () => {
    await factsFor('27205', 'movie');
    // Age the cached metadata past its TTL, then take TMDB down.
    const key = 'movie:27205:en';
    const row = await h.storage.get('tmdb_metadata_cache', key);
    expect(row).not.toBeNull();
    await h.storage.put('tmdb_metadata_cache', key, row!.value, 1, Date.now() - 10_000);
    h.fake.faults.status('tmdb', 500);
    const facts = await factsFor('27205', 'movie');
    expect(facts.title).toBe('Inception');
    expect(facts.provisional).toBe(true);
    expect(facts.provisionalReasons).toContain('metadata_stale');
  });

  it('without waiting, a cold quality lookup renders provisionally and fills the cache in the background', async () => {
    const first = await factsFor('496243', 'movie', { waitForQuality: false });
    expect(first.provisionalReasons).toContain('quality_pending');
    expect(first.qualityTokens).toEqual([]);
    for (let i = 0; i < 50 && !(await h.storage.get('quality_cache', 'tt6751668')); i += 1) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const second = await factsFor('496243', 'movie', { waitForQuality: false });
    expect(second.provisional).toBe(false);
    expect(second.qualityTokens).toContain('WEBDL');
  });

  it('quality= tokens from the caller are used as they are: the quality source is not asked', async () => {
    const before = h.fake.requests.count('addon');
    const facts = await factsFor('87108', 'tv', { qualityTokens: ['1080P', 'WEBDL'], waitForQuality: false });
    expect(facts.qualityTokens).toEqual(['1080P', 'WEBDL']);
    expect(facts.qualityTier).toBe('bronze');
    expect(facts.provisionalReasons).not.toContain('quality_pending');
    expect(h.fake.requests.count('addon')).toBe(before);
  });

  it('season/episode pick the episode a series quality lookup reads, cached under its own key', async () => {
    const facts = await factsFor('95396', 'tv', { episode: { season: 2, episode: 3 } });
    const asked = h.fake.requests.entries().map((r) => decodeURIComponent(r.path));
    expect(asked.some((path) => path.includes('tt11280740:2:3'))).toBe(true);
    expect(await h.storage.get('quality_cache', 'tt11280740:2:3')).not.toBeNull();
    expect(facts.qualityTokens.length).toBeGreaterThan(0);
  });

  it('the anonymous tier never spends MDBList or quality quota on a cold title', async () => {
    const mdblistBefore = h.fake.requests.count('mdblist');
    const addonBefore = h.fake.requests.count('addon');
    const facts = await factsFor('1399', 'tv', { cacheOnly: true });
    expect(h.fake.requests.count('mdblist')).toBe(mdblistBefore);
    expect(h.fake.requests.count('addon')).toBe(addonBefore);
    expect(facts.provisionalReasons).toEqual(
      expect.arrayContaining(['rating_not_cached', 'quality_not_cached']),
    );
    expect(facts.score).toBeNull();
  });

  it('an MDBList 429 honours Retry-After; the cooldown is visible through the coordinator', async () => {
    h.fake.faults.rateLimit('mdblist', 120);
    const facts = await factsFor('1396', 'tv');
    expect(facts.provisionalReasons).toContain('rating_unavailable');
    const keyId = createHash('sha256').update('test-mdblist-key').digest('hex').slice(0, 16);
    const wait = await h.coordinator.backoffRemaining('mdblist-key', keyId);
    expect(wait).toBeGreaterThan(100_000);
    expect(wait).toBeLessThanOrEqual(120_000);
  });

  it('a deadline that passes leaves the slow part out and marks the facts provisional', async () => {
    h.fake.faults.latency('mdblist', 1500);
    const started = Date.now();
    const data = await h.facts.gatherer.gather(
      { tmdbId: '129', mediaType: 'movie' },
      request({ deadline: Date.now() + 400 }),
    );
    expect(data?.provisionalReasons).toContain('rating_deadline');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  // Last: these warm Spirited Away's caches, which the deadline test above needs cold.
  describe('logo chain on foreign titles', () => {
    const factsIn = async (tmdbId: string, language: string) => {
      const data = await h.facts.gatherer.gather(
        { tmdbId, mediaType: 'movie' },
        request({ imageLanguages: [language], needQuality: false }),
      );
      if (!data) throw new Error('no data');
      return assembleFacts(data, { ...options, language }, h.facts.settings, h.facts.lists, new Date());
    };

    it('Spirited Away in German: no German logo, so the Japanese original (a supplemental images call)', async () => {
      const facts = await factsIn('129', 'de');
      expect(facts.logo?.language).toBe('ja');
      expect(facts.logo?.url).toContain('/tmdb-images/');
    });

    it('Spirited Away in Italian with native_text: no fallback, the title is drawn', async () => {
      const data = await h.facts.gatherer.gather(
        { tmdbId: '129', mediaType: 'movie' },
        request({ imageLanguages: ['it'] }),
      );
      const facts = assembleFacts(
        data!,
        { ...options, language: 'it', logoPriority: 'native_text' },
        h.facts.settings,
        h.facts.lists,
        new Date(),
      );
      expect(facts.logo).toBeNull();
    });

    it('La Jetée: TMDB has no logo at all, so Metahub by IMDb id', async () => {
      const facts = await factsIn('662', 'fr');
      expect(facts.logo).toEqual({
        url: `${h.fake.urls.metahubBase}/logo/medium/tt0056119/img`,
        language: 'en',
      });
      const bytes = await h.facts.downloadArt(facts.logo!.url);
      expect(bytes?.subarray(1, 4).toString('latin1')).toBe('PNG');
      // An id Metahub does not know is "no logo" (the drawn title), not a failure.
      expect(await h.facts.downloadArt(`${h.fake.urls.metahubBase}/logo/medium/tt9999999/img`)).toBeNull();
    });
  });
});
