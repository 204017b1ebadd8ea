/**
 * The configurator's HTTP side (issue #8): the page and its assets (ETag, 304, no-cache, strict CSP and
 * the other security headers, no inline script), and the helpers the page calls — normalize (the
 * server's own shrink and notes), the unlocked preset list, and search thumbnails through the instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEVER_OMITTED_PARAMS } from '../../src/http/routes/caps.ts';
import { configuratorCsp, loadWebAssets } from '../../src/http/routes/configurator.ts';
import { paramDefaults, parsePosterParams } from '../../src/poster/params.ts';
import { presetCatalogue } from '../../src/poster/presets.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('configurator page and assets', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp();
  });
  afterAll(() => app.close());

  it('serves / as HTML with an ETag, no-cache and the security headers', async () => {
    const response = await app.get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const body = await response.text();
    expect(body).toContain('<script type="module" src="/web/app/main.js"></script>');
  });

  it('answers If-None-Match with 304 and the same ETag; a changed tag gets the page', async () => {
    const first = await app.get('/');
    const etag = first.headers.get('etag') ?? '';
    const again = await app.get('/', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(await again.text()).toBe('');
    const stale = await app.get('/', { headers: { 'if-none-match': '"0000"' } });
    expect(stale.status).toBe(200);
  });

  it('has a strict CSP: scripts and styles from this origin only, no inline code, no other origin', async () => {
    const csp = (await app.get('/')).headers.get('content-security-policy') ?? '';
    const policy = directives(csp);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('lets a configured poster CDN origin (and only its origin) into img-src and connect-src', () => {
    const policy = directives(configuratorCsp('https://cdn.example.net/posters/bucket'));
    expect(policy.get('img-src')).toContain('https://cdn.example.net');
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://cdn.example.net']);
    expect(configuratorCsp('not a url')).toBe(configuratorCsp());
  });

  it('ships no inline script, inline style, event-handler attribute or off-site reference', () => {
    const assets = loadWebAssets();
    const html = assets.get('/web/index.html')?.body.toString('utf8') ?? '';
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    for (const [urlPath, asset] of assets) {
      const text = asset.body.toString('utf8');
      // Every reference is relative to this instance: no CDN, no web fonts from elsewhere.
      expect(text, urlPath).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
      expect(text, urlPath).not.toMatch(/@import\s+url\(|url\(["']?https?:/);
      expect(text, urlPath).not.toMatch(/\.innerHTML\s*=|\beval\(|new Function\(/);
    }
  });

  it('serves every script, style and icon with its type, ETag and the same headers; 404 otherwise', async () => {
    for (const [urlPath, type] of [
      ['/web/app/main.js', 'text/javascript; charset=utf-8'],
      ['/web/styles.css', 'text/css; charset=utf-8'],
      ['/web/favicon.svg', 'image/svg+xml'],
    ] as const) {
      const response = await app.get(urlPath);
      expect(response.status, urlPath).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const etag = response.headers.get('etag') ?? '';
      expect((await app.get(urlPath, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
    // Imported modules resolve: every `from './x.js'` in the page's scripts is served.
    const assets = loadWebAssets();
    for (const [urlPath, asset] of assets) {
      if (!urlPath.endsWith('.js')) continue;
      for (const match of asset.body.toString('utf8').matchAll(/from '\.\/([\w.]+\.js)'/g)) {
        expect(assets.has(`/web/app/${match[1]}`), `${urlPath} imports ${match[1]}`).toBe(true);
      }
    }
    for (const missing of [
      '/web/nope.js',
      '/web/app/types.d.ts',
      '/web/tsconfig.json',
      '/web/../package.json',
    ]) {
      expect((await app.get(missing)).status, missing).toBe(404);
    }
  });

  it('HEAD / answers like GET without a body', async () => {
    const response = await app.get('/', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe((await app.get('/')).headers.get('etag'));
  });
});

describe('configurator helpers', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp();
  });
  afterAll(() => app.close());

  const normalize = async (query: string) => {
    const response = await app.get(`/configurator/normalize?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return (await response.json()) as { query: string; sash_priority: string[]; notes: string[] };
  };

  it('shrinks to the changed values plus the never-omitted style parameters, in table order (first of a repeat wins)', async () => {
    const result = await normalize('muted=true&rating_display_mode=3&badge_height=20&rating_display_mode=1');
    expect(result.query).toBe(
      'primary_client=stremio_tv_nuvio&rating_display_mode=3&bar_bottom_inset=0&sash_badge_inset=0&muted=true',
    );
    const tableNames = new Set(paramDefaults().map((row) => row.name));
    const alwaysWritten = NEVER_OMITTED_PARAMS.filter((name) => tableNames.has(name));
    expect(alwaysWritten.sort()).toEqual(['bar_bottom_inset', 'primary_client', 'sash_badge_inset']);
    expect(result.notes).toEqual([]);
  });

  it('writes the sash priority in its shorter form, readable (no %2C / %40), and returns the active list', async () => {
    const result = await normalize('sash_priority=gg_wins,wins,festival,pic_noms');
    expect(result.query).toContain('sash_priority=gg_wins,wins,festival,pic_noms');
    expect(result.sash_priority).toEqual(['gg_wins', 'wins', 'festival', 'pic_noms']);
    const moved = await normalize(`sash_priority=default,gg_wins@0`);
    expect(moved.query).toMatch(/sash_priority=default,(gg_wins@0|wins@1)&/);
    // What the page copies reads back to the same settings.
    const reread = parsePosterParams(Object.fromEntries(new URLSearchParams(moved.query)));
    expect(reread.options.sashPriority.slice(0, 2)).toEqual(['gg_wins', 'wins']);
  });

  it('reports malformed, clamped and unknown values as notes, never echoing keys or identity', async () => {
    const result = await normalize(
      'rating_display_mode=banana&bar_height_ratio=9&made_up=1&tmdb_key=SECRET-KEY&imdb_id=tt1&access_key=SECRET2',
    );
    expect(result.query).toContain('bar_height_ratio=0.2');
    expect(result.query).not.toContain('rating_display_mode');
    expect(result.notes.join('\n')).toMatch(/rating_display_mode/);
    expect(result.notes).toContain('bar_height_ratio: 9 clamped to 0.2');
    expect(result.notes.join('\n')).toContain('made_up');
    expect(JSON.stringify(result)).not.toMatch(/SECRET|tmdb_key|access_key|imdb_id/);
  });

  it('is idempotent: a normalized query normalizes to itself', async () => {
    const once = await normalize(
      'rating_display_mode=4&logo_max_w_ratio=0.60&movie_weights=imdb:0.5,letterboxd:0.5',
    );
    const twice = await normalize(once.query);
    expect(twice.query).toBe(once.query);
  });

  it('loads a preset by id; 404 for an unknown one', async () => {
    const [preset] = presetCatalogue();
    if (!preset) throw new Error('no presets');
    const loaded = await normalize(`preset=${preset.id}`);
    const direct = await normalize(preset.query);
    expect(loaded.query).toBe(direct.query);
    const unknown = await app.get('/configurator/normalize?preset=__proto__');
    expect(unknown.status).toBe(404);
  });

  it('lists the preset gallery with each preset’s canonical query', async () => {
    const response = await app.get('/configurator/presets');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { presets: { id: string; query: string }[] };
    expect(body.presets.map((preset) => preset.id)).toEqual(presetCatalogue().map((preset) => preset.id));
    for (const preset of body.presets) expect((await normalize(preset.query)).query).toBe(preset.query);
  });

  it('serves search thumbnails through the instance; only TMDB image names are fetched', async () => {
    const search = (await (await app.get('/search?q=inception')).json()) as {
      results: { poster_url: string | null }[];
    };
    const file = search.results[0]?.poster_url?.split('/').pop() ?? '';
    expect(file).toMatch(/\.jpg$/);
    const thumb = await app.get(`/configurator/thumb/${file}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await thumb.arrayBuffer());
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'x.svg', 'a%00.jpg']) {
      expect((await app.get(`/configurator/thumb/${bad}`)).status, bad).toBe(400);
    }
    expect((await app.get('/configurator/thumb/doesnotexist123.jpg')).status).toBe(404);
  });
});

describe('configurator helpers behind the access rules', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({ PRESET_ENABLED: 'true' });
  });
  afterAll(() => app.close());

  it('keeps the page public but closes the unlocked preset list with the operator endpoints', async () => {
    expect((await app.get('/')).status).toBe(200);
    expect((await app.get('/configurator/presets')).status).toBe(403);
    // The locked page searches anonymously, so its thumbnails follow /search.
    expect((await app.get('/configurator/thumb/doesnotexist123.jpg')).status).toBe(404);
  });
});
