import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessCoordinator } from '../../src/adapters/coordination/inprocess.ts';
import { UpstreamError } from '../../src/upstream/errors.ts';
import { createUpstreamHttp } from '../../src/upstream/http.ts';
import { createMdblistClient } from '../../src/upstream/mdblist.ts';
import { fixture } from '../helpers/fixtures.ts';
import { type ScriptedResponse, startScriptedServer } from '../helpers/scriptedServer.ts';

describe('MDBList client', () => {
  let script: (key: string, path: string) => ScriptedResponse;
  let server: Awaited<ReturnType<typeof startScriptedServer>>;
  let http: ReturnType<typeof createUpstreamHttp>;

  beforeAll(async () => {
    server = await startScriptedServer((req) => {
      const url = new URL(req.url ?? '', 'http://x');
      return script(url.searchParams.get('apikey') ?? '', url.pathname);
    });
    http = createUpstreamHttp({ allowedOrigins: [server.origin], maxAttempts: 1 });
  });
  afterAll(async () => {
    await http.close();
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const make = (keys = ['key-one', 'key-two'], coordinator = createInProcessCoordinator()) => ({
    coordinator,
    client: createMdblistClient({ http, coordinator, apiBase: server.origin, apiKeys: keys, concurrency: 3 }),
  });

  it('fetches by IMDb id with the key and keyword appendix, and snapshots the quota', async () => {
    script = () => ({
      body: fixture('mdblist/api_imdb_movie_tt0073195_jaws.json'),
      headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '990' },
    });
    const { client } = make();
    const result = await client.fetchTitle({ mediaType: 'movie', imdbId: 'tt0073195' });
    expect(result.outcome).toBe('ok');
    expect(JSON.stringify(result)).toContain('Jaws');
    expect(server.requests[0]?.url).toMatch(
      /^\/imdb\/movie\/tt0073195\?apikey=key-one&append_to_response=keyword$/,
    );
    expect(client.quotas()).toEqual([{ keyIndex: 0, limit: 1000, remaining: 990, resetAt: null }]);
  });

  it('uses the TMDB route for shows without an IMDb id', async () => {
    script = () => ({ body: fixture('mdblist/api_show_fallout_ratings_only_trimmed.json') });
    const { client } = make();
    expect((await client.fetchTitle({ mediaType: 'tv', tmdbId: '106379' })).outcome).toBe('ok');
    expect(server.requests[0]?.url).toMatch(/^\/tmdb\/show\/106379\?/);
  });

  it('404 is "not found", not a failure', async () => {
    script = () => ({ status: 404, body: { error: 'Not found' } });
    const { client, coordinator } = make();
    expect(await client.fetchTitle({ mediaType: 'movie', imdbId: 'tt9999999' })).toEqual({
      outcome: 'not_found',
    });
    expect(await coordinator.backoffRemaining('mdblist-title', '/imdb/movie/tt9999999')).toBe(0);
  });

  it('on 429 cools the key down (shared through the coordinator) and rescues with the second key', async () => {
    script = (key) =>
      key === 'key-one'
        ? { status: 429, headers: { 'retry-after': '120' }, body: { error: 'rate limited' } }
        : { body: fixture('mdblist/api_imdb_movie_tt1375666_inception_trimmed.json') };
    const { client, coordinator } = make();
    expect((await client.fetchTitle({ mediaType: 'movie', imdbId: 'tt1375666' })).outcome).toBe('ok');
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('apikey'))).toEqual([
      'key-one',
      'key-two',
    ]);

    // A second client (another replica) sharing the coordinator skips the cooling key without asking.
    server.requests.length = 0;
    const replica = createMdblistClient({
      http,
      coordinator,
      apiBase: server.origin,
      apiKeys: ['key-one', 'key-two'],
      concurrency: 3,
    });
    expect((await replica.fetchTitle({ mediaType: 'movie', imdbId: 'tt1375666' })).outcome).toBe('ok');
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('apikey'))).toEqual([
      'key-two',
    ]);
  });

  it('when every key is cooling down, answers "backoff" with the shortest wait and sends nothing', async () => {
    script = () => ({ status: 429, headers: { 'retry-after': '300' }, body: {} });
    const { client } = make();
    const first = await client.fetchTitle({ mediaType: 'movie', imdbId: 'tt1' });
    expect(first.outcome).toBe('backoff');
    expect(first.outcome === 'backoff' && first.retryAfterMs).toBe(300_000);
    server.requests.length = 0;
    const second = await client.fetchTitle({ mediaType: 'movie', imdbId: 'tt2' });
    expect(second.outcome).toBe('backoff');
    expect(second.outcome === 'backoff' && second.retryAfterMs).toBeGreaterThan(290_000);
    expect(server.requests).toHaveLength(0);
  });

  it('a failing title climbs the 30 s ladder and is not asked again while backing off', async () => {
    script = () => ({ status: 500, body: {} });
    const { client, coordinator } = make();
    await expect(client.fetchTitle({ mediaType: 'movie', imdbId: 'tt7' })).rejects.toBeInstanceOf(
      UpstreamError,
    );
    const wait = await coordinator.backoffRemaining('mdblist-title', '/imdb/movie/tt7');
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    server.requests.length = 0;
    expect((await client.fetchTitle({ mediaType: 'movie', imdbId: 'tt7' })).outcome).toBe('backoff');
    expect(server.requests).toHaveLength(0);
  });

  it("a caller's own key is used alone and never enters the shared cooldowns", async () => {
    script = () => ({ status: 429, headers: { 'retry-after': '60' }, body: {} });
    const { client, coordinator } = make();
    const result = await client.fetchTitle(
      { mediaType: 'movie', imdbId: 'tt3' },
      { apiKey: 'users-own-key' },
    );
    expect(result.outcome).toBe('backoff');
    expect(server.requests).toHaveLength(1);
    expect(client.quotas()).toEqual([]);
    expect(await coordinator.backoffRemaining('mdblist-key', 'users-own-key')).toBe(0);
  });

  it('with no key at all, ratings are disabled and nothing is sent', async () => {
    const { client } = make([]);
    expect(await client.fetchTitle({ mediaType: 'movie', imdbId: 'tt3' })).toEqual({ outcome: 'disabled' });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [3, 3],
    [0, 12], // 0 = no cap, as in the Python service (not 1)
  ])('concurrency %i keeps at most %i requests in flight', async (concurrency, expectedPeak) => {
    let inFlight = 0;
    let peak = 0;
    const slowServer = await startScriptedServer(() => ({ body: { ok: true } }));
    const slowHttp = createUpstreamHttp({ allowedOrigins: [slowServer.origin] });
    const counting = {
      ...slowHttp,
      async get(...args: Parameters<typeof slowHttp.get>) {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        try {
          return await slowHttp.get(...args);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const client = createMdblistClient({
      http: counting,
      coordinator: createInProcessCoordinator(),
      apiBase: slowServer.origin,
      apiKeys: ['k1'],
      concurrency,
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client.fetchTitle({ mediaType: 'movie', imdbId: `tt${i + 10}` })),
    );
    expect(results.every((r) => r.outcome === 'ok')).toBe(true);
    expect(peak).toBe(expectedPeak);
    await slowHttp.close();
    await slowServer.close();
  });
});
