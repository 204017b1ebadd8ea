/**
 * Property-based fuzzing of the HTTP surface (fast-check through fastify's in-memory inject): random
 * and adversarial query strings and paths — real parameter names with garbage values, unicode, huge and
 * repeated values, `__proto__`, broken percent-encoding, path traversal in /p segments.
 *
 * Properties, for every request: never a 5xx; a 200 is an image (or debug JSON when asked for); any
 * error is our JSON error body; and no key sent along (tmdb_key, mdblist_key, access_key) ever comes back
 * in a body or a header. Valid-looking requests name a few titles whose facts are cached beforehand, so
 * most runs are cheap and the renders that do happen are bounded.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_PARAMS, POSTER_PARAMS, TRANSPORT_PARAMS } from '../../src/poster/params.ts';
import { PRESETS } from '../../src/poster/presets.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

const ACCESS = 'fuzzACCESSkey7d2e91c04b';
const SECRETS = { tmdb_key: 'fuzzTMDBkey93af02c4be71', mdblist_key: 'fuzzMDBLkey1c88e0aa3f52' };
const ALL_SECRETS = [ACCESS, ...Object.values(SECRETS)];

/** nocache with the key re-renders on every call: it would only slow the run, not widen it. */
const NAMES = [
  ...POSTER_PARAMS.map((spec) => spec.name),
  ...POSTER_PARAMS.flatMap((spec) => spec.aliases ?? []),
  ...LEGACY_PARAMS.map((legacy) => legacy.name),
  ...TRANSPORT_PARAMS.filter((name) => name !== 'nocache' && !(name in SECRETS) && name !== 'access_key'),
];

const ADVERSARIAL_VALUES = [
  '',
  ' ',
  '{tmdb_id?}',
  '{imdb_id}',
  '%7Bshape%7D',
  '%257Btmdb_id%253F%257D',
  'true',
  'FALSE',
  '0',
  '-1',
  '-0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '0x1F',
  '  7  ',
  '9'.repeat(400),
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%',
  '%ZZ',
  '%E2%98',
  '%C0%AF',
  'tt0111161',
  'tt',
  'tmdb:tv:1399',
  'tvdb:',
  'kitsu:7442',
  'FFFFFF',
  '#GGGGGG',
  'letterboxd:2,imdb:-1,__proto__:1',
  'default,-wins,wins@99,constructor',
  '85:FF0000;x:y;;',
  'pt-BR',
  'a'.repeat(5000),
  '💥🎬\u202e\u0000',
  '<script>alert(1)</script>',
  'movie',
  'series',
  'square',
  'landscape',
];

/** A query value: adversarial constants, numbers, arbitrary unicode; sometimes sent raw (unencoded). */
const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ADVERSARIAL_VALUES) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NAMES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', ''),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
);
const pair = fc.record({ name, value, raw: fc.boolean() });

/** Percent-encodes, except (when `raw`) characters that keep the query parseable: garbage on purpose. */
function encode(text: string, raw: boolean): string {
  if (!raw) return encodeURIComponent(text);
  return text
    .replace(/[&#\s]/g, (c) => encodeURIComponent(c))
    .replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

const query = (pairs: { name: string; value: string; raw: boolean }[]) =>
  pairs.map((p) => `${encode(p.name, p.raw)}=${encode(p.value, p.raw)}`).join('&');

/** Keys added to a query: the secrets the service must never echo. */
const keys = fc.record({
  tmdb: fc.boolean(),
  mdblist: fc.boolean(),
  access: fc.constantFrom('right', 'wrong', 'none'),
});
function keyPart(k: { tmdb: boolean; mdblist: boolean; access: string }): string {
  const parts: string[] = [];
  if (k.tmdb) parts.push(`tmdb_key=${SECRETS.tmdb_key}`);
  if (k.mdblist) parts.push(`mdblist_key=${SECRETS.mdblist_key}`);
  if (k.access === 'right') parts.push(`access_key=${ACCESS}`);
  if (k.access === 'wrong') parts.push(`access_key=${ACCESS.slice(0, -3)}`);
  return parts.join('&');
}

const CACHED_TITLES = [
  'imdb_id=tt0111161&type=movie',
  'tmdb_id=1396&type=series',
  'stremio_id=tvdb:81189',
  'tmdb_id={tmdb_id?}&imdb_id=tt0068646&stremio_id=tt0068646&type={type}',
];

async function check(app: App, url: string): Promise<void> {
  const response = await app.app.inject({ method: 'GET', url });
  const context = `${response.statusCode} ${url.slice(0, 300)}`;
  expect(response.statusCode, context).toBeLessThan(500);
  const type = String(response.headers['content-type'] ?? '');
  // Dot segments resolve like a browser's (`/p/../x` is `/x`): judge the route actually reached.
  const route = new URL(url, 'http://fuzz.invalid').pathname;
  const imageRoute = route === '/poster' || route.startsWith('/p/') || route === '/logo';
  if (response.statusCode === 200 && imageRoute) {
    const debugJson = type.startsWith('application/json') && /(^|[?&])debug=/.test(url);
    expect(type.startsWith('image/') || debugJson, context).toBe(true);
    if (type.startsWith('image/')) expect(response.rawPayload.length, context).toBeGreaterThan(100);
  } else if (response.statusCode >= 400) {
    expect(type, context).toMatch(/^application\/json/);
    const body = response.json() as Record<string, unknown>;
    expect(typeof body.error, context).toBe('string');
    expect(typeof body.message, context).toBe('string');
    expect(typeof body.request_id, context).toBe('string');
  }
  const text = response.rawPayload.toString('latin1');
  const headers = JSON.stringify(response.headers);
  for (const secret of ALL_SECRETS) {
    expect(text.includes(secret), `${context}: body echoes a key`).toBe(false);
    expect(headers.includes(secret), `${context}: headers echo a key`).toBe(false);
  }
}

describe('HTTP fuzz', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({
      PRESET_ENABLED: 'true',
      ACCESS_KEY: ACCESS,
      RATE_LIMIT_RPS: '0',
      ANONYMOUS_TMDB_RPS: '0',
    });
    // Facts (and so /p renders) for the titles valid-looking requests use are cached up front.
    for (const title of CACHED_TITLES) {
      const response = await app.app.inject(`/poster?${title}&access_key=${ACCESS}`);
      expect(response.statusCode).toBe(200);
    }
  }, 60_000);
  afterAll(() => app.close());

  it('regressions the fuzzer found: router-level refusals use our error shape', async () => {
    const long = await app.app.inject(`/p/${'x'.repeat(600)}/movie/tt0111161.jpg`);
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ error: 'uri_too_long', request_id: expect.any(String) });
    const bad = await app.app.inject('/p/%E0%A4%A/movie/tt0111161.jpg');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_url', request_id: expect.any(String) });
    expect(bad.body).not.toContain('%E0%A4%A');
  });

  it('/poster with random identities and parameters (800 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { maxLength: 8 }), keys, async (pairs, k) => {
        await check(app, `/poster?${[query(pairs), keyPart(k)].filter(Boolean).join('&')}`);
      }),
      { numRuns: 800 },
    );
  }, 60_000);

  it('/poster with a cached title and random style parameters (250 runs)', async () => {
    // One or two style parameters per run bounds how many distinct posters get rendered.
    const style = fc.record({ name: fc.constantFrom(...NAMES), value, raw: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CACHED_TITLES),
        fc.array(style, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        async (title, pairs, withUserKeys) => {
          const keyQuery = keyPart({ tmdb: withUserKeys, mdblist: withUserKeys, access: 'right' });
          await check(app, `/poster?${title}&${query(pairs)}&${keyQuery}`);
        },
      ),
      { numRuns: 250 },
    );
  }, 90_000);

  it('/p with hostile segments and queries (600 runs)', async () => {
    const segment = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PRESETS.map((preset) => preset.id)) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '..',
          '.',
          '%2e%2e',
          '..%2f..',
          '%00',
          '%',
          '%ZZ',
          '__proto__',
          'constructor',
          'x'.repeat(600),
          '%F0%9F%92%A5',
          'movie',
          'series',
          'tv',
          'anime',
          '{type}',
          '{imdb_id}.jpg',
        ),
      },
      {
        weight: 2,
        arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }).map((s) => encodeURIComponent(s)),
      },
    );
    const id = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom('tt0111161.jpg', 'tt0903747.jpg', 'tt0111161.webp', 'tmdb:278.jpg'),
      },
      { weight: 2, arbitrary: segment },
    );
    const type = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('movie', 'tv', 'series') },
      { weight: 1, arbitrary: segment },
    );
    await fc.assert(
      fc.asyncProperty(
        segment,
        type,
        id,
        fc.array(pair, { maxLength: 4 }),
        keys,
        fc.nat(3),
        async (preset, t, file, pairs, k, depth) => {
          const extra = '/..'.repeat(depth);
          const q = [query(pairs), keyPart(k)].filter(Boolean).join('&');
          await check(app, `/p/${preset}/${t}/${file}${extra}${q ? `?${q}` : ''}`);
        },
      ),
      { numRuns: 600 },
    );
  }, 60_000);

  it('/logo, /search, /resolve-imdb and /server-caps with random queries (350 runs)', async () => {
    const route = fc.constantFrom('/logo', '/search', '/resolve-imdb', '/server-caps');
    const routeNames = fc.oneof(
      fc.constantFrom('q', 'tmdb_id', 'imdb_id', 'stremio_id', 'type', 'lang'),
      name,
    );
    await fc.assert(
      fc.asyncProperty(
        route,
        fc.array(fc.record({ name: routeNames, value, raw: fc.boolean() }), { maxLength: 5 }),
        keys,
        async (path, pairs, k) => {
          const q = [query(pairs), keyPart(k)].filter(Boolean).join('&');
          await check(app, `${path}${q ? `?${q}` : ''}`);
        },
      ),
      { numRuns: 350 },
    );
  }, 60_000);
});
