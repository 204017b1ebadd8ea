/**
 * Real-client round trip (clients.md §7): the PostersPlus "Default" template, resolved by each client
 * emulator for catalogue items of every id form, fetched from the service in demo mode the way the
 * clients' image loaders fetch it. One title must be one composite whatever the spelling, every answer
 * must be an image or a clean 4xx, and HEAD / If-None-Match / the AIOMetadata proxy must all work.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';
import { resolveAio } from './clients/aiometadata.ts';
import type { MetaItem } from './clients/item.ts';
import { nuvioUrls } from './clients/nuvio.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;
const KEY = 'compat-operator-key';
/** One non-default style parameter, and the key written literally as the configurator copies it. */
const STYLE = `rating_display_mode=2&access_key=${KEY}`;
const ORIGIN = '{origin}';
const DEFAULT = `${ORIGIN}/poster?tmdb_id={tmdb_id?}&imdb_id={imdb_id?}&stremio_id={id}&type={type}&shape={shape}&${STYLE}`;

interface Case {
  name: string;
  item: MetaItem;
  /** The same title in the configurator's empty-value spelling (what Nuvio-like clients send). */
  emptyForm: string;
}

const CASES: Case[] = [
  {
    name: 'movie tt0111161 (TMDB 278 stamped)',
    item: { id: 'tt0111161', type: 'movie', extraTmdbId: '278' },
    emptyForm: 'tmdb_id=&imdb_id=tt0111161&stremio_id=tt0111161&type=movie&shape=',
  },
  {
    name: 'series tmdb:1396 with imdb_id',
    item: { id: 'tmdb:1396', type: 'series', imdbId: 'tt0903747' },
    emptyForm: 'tmdb_id=1396&imdb_id=&stremio_id=tmdb:1396&type=series&shape=poster',
  },
  {
    name: 'series tmdb:1396 without imdb_id',
    item: { id: 'tmdb:1396', type: 'series' },
    emptyForm: 'tmdb_id=&imdb_id=&stremio_id=tmdb:1396&type=series&shape=',
  },
  {
    name: 'series tvdb:81189, no other id',
    item: { id: 'tvdb:81189', type: 'series' },
    emptyForm: 'tmdb_id=&imdb_id=&stremio_id=tvdb:81189&type=series&shape=',
  },
  {
    name: 'series tmdb:tv:1399',
    item: { id: 'tmdb:tv:1399', type: 'series' },
    emptyForm: 'tmdb_id=&imdb_id=&stremio_id=tmdb:tv:1399&type=series&shape=',
  },
  {
    name: 'movie with a TMDB id only (Free Solo)',
    item: { id: 'tmdb:515042', type: 'movie' },
    emptyForm: 'tmdb_id=515042&imdb_id=&stremio_id=tmdb:515042&type=movie&shape=',
  },
];

/** The `{…}` placeholders a client left in, percent-encoded the way an HTTP stack may re-encode them. */
const percentEncoded = (url: string) =>
  url.replace(
    /\{([a-z_]+)(\??)\}/g,
    (_match, name: string, optional: string) => `%7B${name}${optional ? '%3F' : ''}%7D`,
  );

/** How AIOMetadata's poster proxy fetches (clients.md §1.5) and what it accepts. */
async function aioProxyFetch(url: string): Promise<{ ok: boolean; status: number }> {
  const response = await fetch(url, {
    headers: { 'user-agent': 'AIOMetadata/2.8.0' },
    signal: AbortSignal.timeout(10_000),
    redirect: 'follow',
  });
  const body = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type');
  const length = response.headers.get('content-length');
  const ok =
    response.ok &&
    (type === null || type.startsWith('image/')) &&
    (length === null || Number(length) >= 100) &&
    body.length >= 100;
  return { ok, status: response.status };
}

async function image(response: Response) {
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, meta: await sharp(bytes).metadata() };
}

describe('client round trip: PostersPlus Default template', () => {
  let app: App;
  let template: string;
  beforeAll(async () => {
    // Presets on with a key: the literal access_key in the template is the operator's, as in the wild.
    app = await startInProcessApp({ PRESET_ENABLED: 'true', ACCESS_KEY: KEY });
    template = DEFAULT.replace(ORIGIN, app.url);
  });
  afterAll(() => app.close());

  describe.each(CASES)('$name', ({ item, emptyForm }) => {
    it('both emulators give a URL; every spelling is one 500×750 WebP ≤ 100 KB with one ETag', async () => {
      const aio = resolveAio(template, item);
      const nuvio = nuvioUrls(template, item);
      expect(aio).not.toBeNull();
      expect(nuvio.own).not.toBeNull();
      const spellings = [aio!, nuvio.own!, percentEncoded(aio!), `${app.url}/poster?${emptyForm}&${STYLE}`];
      const etags = new Set<string | null>();
      for (const url of spellings) {
        const response = await app.get(url.slice(app.url.length));
        expect(response.status, url).toBe(200);
        expect(response.headers.get('content-type'), url).toBe('image/webp');
        const { bytes, meta } = await image(response);
        expect(meta, url).toMatchObject({ format: 'webp', width: 500, height: 750 });
        expect(bytes.length, url).toBeLessThanOrEqual(100 * 1024);
        etags.add(response.headers.get('etag'));
      }
      expect(etags.size).toBe(1);
      expect([...etags][0]).toMatch(/^"[^"]+"$/);
    });

    it('HEAD = GET headers without a body; If-None-Match → 304; the AIOMetadata proxy accepts it', async () => {
      const url = resolveAio(template, item)!;
      const path = url.slice(app.url.length);
      const get = await app.get(path);
      await get.arrayBuffer();
      const head = await app.get(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect((await head.arrayBuffer()).byteLength).toBe(0);
      for (const name of ['content-type', 'content-length', 'etag', 'cache-control']) {
        expect(head.headers.get(name), name).toBe(get.headers.get(name));
      }
      const revalidated = await app.get(path, { headers: { 'if-none-match': get.headers.get('etag')! } });
      expect(revalidated.status).toBe(304);
      expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
      expect(await aioProxyFetch(url)).toEqual({ ok: true, status: 200 });
    });

    it('Nuvio’s landscape pass is a clean 400 (no landscape posters yet): Nuvio falls back to the backdrop', async () => {
      const landscape = nuvioUrls(template, item).landscape!;
      expect(landscape).toContain('shape=landscape');
      const response = await app.get(landscape.slice(app.url.length));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'unsupported_shape' });
    });
  });

  it('a square card gets 400 (Nuvio then keeps the addon’s art)', async () => {
    const url = nuvioUrls(template, { id: 'tt0111161', type: 'movie', posterShape: 'square' }).own!;
    expect(url).toContain('shape=square');
    const response = await app.get(url.slice(app.url.length));
    expect(response.status).toBe(400);
  });

  it('unidentifiable items get a 4xx, odd types a poster, and nothing is ever a 5xx', async () => {
    const items: [MetaItem, number][] = [
      [{ id: 'kitsu:7442', type: 'series' }, 404],
      [{ id: 'channel:news', type: 'channel' }, 400],
      [{ id: 'tt9999999999', type: 'movie' }, 404],
      [{ id: 'tt0111161', type: 'anime' }, 200],
      [{ id: 'tt0944947', type: '{type}' }, 200],
    ];
    for (const [item, status] of items) {
      for (const url of [resolveAio(template, item), nuvioUrls(template, item).own]) {
        expect(url, item.id).not.toBeNull();
        const response = await app.get(url!.slice(app.url.length));
        await response.arrayBuffer();
        expect(response.status, `${item.id} ${url}`).toBe(status);
      }
    }
  });
});

describe('client round trip: templates with required placeholders', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({ PRESET_ENABLED: 'true', ACCESS_KEY: KEY });
  });
  afterAll(() => app.close());

  /** Which items each client can build a URL for: null exactly where a required value is missing. */
  const REQUIRED_CASES: { template: string; aio: string[]; nuvio: string[] }[] = [
    {
      // Discover+-style required TMDB id.
      template: `${ORIGIN}/poster?tmdb_id={tmdb_id}&type={type}&${STYLE}`,
      aio: ['tt0111161', 'tmdb:1396', 'tmdb:1396+imdb', 'tmdb:tv:1399', 'tmdb:515042'],
      nuvio: ['tmdb:1396', 'tmdb:1396+imdb', 'tmdb:tv:1399', 'tmdb:515042'],
    },
    {
      // The public tier's path template.
      template: `${ORIGIN}/p/clean_notch/{type}/{imdb_id}.jpg`,
      aio: ['tt0111161', 'tmdb:1396+imdb'],
      nuvio: ['tt0111161', 'tmdb:1396+imdb'],
    },
  ];
  const label = (item: MetaItem) => (item.imdbId && !item.id.startsWith('tt') ? `${item.id}+imdb` : item.id);

  it.each(REQUIRED_CASES)('$template', async ({ template: raw, aio, nuvio }) => {
    const template = raw.replace(ORIGIN, app.url);
    for (const { item } of CASES) {
      const built = { aio: resolveAio(template, item), nuvio: nuvioUrls(template, item).own };
      expect(built.aio !== null, `aio ${label(item)}`).toBe(aio.includes(label(item)));
      expect(built.nuvio !== null, `nuvio ${label(item)}`).toBe(nuvio.includes(label(item)));
      for (const url of [built.aio, built.nuvio]) {
        if (url === null) continue;
        const response = await app.get(url.slice(app.url.length));
        expect(response.status, url).toBe(200);
        expect(response.headers.get('content-type'), url).toBe('image/webp');
        expect((await image(response)).meta).toMatchObject({ width: 500, height: 750 });
      }
    }
  });
});
