/**
 * Per-tenant rate limits (SPEC H8): fixed one-second windows per bucket — `operator` for /poster and
 * /logo, `preset` for /p, `anonymous` for keyless TMDB proxies, and one bucket per caller key.
 * Requests are sent right after a window starts so that "within a second" is true by construction.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessCoordinator } from '../../src/adapters/coordination/inprocess.ts';
import { DomainError, httpErrorOf } from '../../src/http/errors.ts';
import { enforceRateLimit, tenantOf } from '../../src/http/rateLimit.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

/** Waits for the next one-second window, leaving ~990 ms for a short burst of cache hits. */
async function nextWindow(): Promise<void> {
  await sleep(1000 - (Date.now() % 1000) + 5);
}

async function burst(app: App, urls: string[]): Promise<Response[]> {
  await nextWindow();
  const responses: Response[] = [];
  for (const url of urls) {
    const response = await app.get(url);
    await response.arrayBuffer();
    responses.push(response);
  }
  return responses;
}

const statuses = (responses: Response[]) => responses.map((response) => response.status);

describe('rate limits per tenant (RATE_LIMIT_RPS=2, ANONYMOUS_TMDB_RPS=2)', () => {
  let app: App;
  const PRESET = '/p/clean_sash/movie/tt0111161.jpg';
  const OTHER_PRESET = '/p/bar_sash/movie/tt0111161.jpg';

  beforeAll(async () => {
    app = await startInProcessApp({
      RATE_LIMIT_RPS: '2',
      ANONYMOUS_TMDB_RPS: '2',
      PRESET_ENABLED: 'true',
      ACCESS_KEY: 'operator-key',
    });
    // An operator render caches the title's facts, so the /p posters below are complete, stored, and
    // answered as fast cache hits within the burst windows.
    await (await app.get('/poster?imdb_id=tt0111161&type=movie&access_key=operator-key')).arrayBuffer();
    for (const url of [PRESET, OTHER_PRESET]) {
      await nextWindow();
      await (await app.get(url)).arrayBuffer();
    }
  });
  afterAll(() => app.close());

  it('the third /p request within a second gets 429 with Retry-After and a JSON error', async () => {
    const responses = await burst(app, [PRESET, PRESET, PRESET]);
    expect(statuses(responses)).toEqual([200, 200, 429]);
    expect(responses[0]!.headers.get('x-cache')).toBe('HIT');
    const limited = responses[2]!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const again = await app.get(PRESET);
    expect(await again.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('the bucket is shared by every anonymous /p caller and recovers in the next window', async () => {
    const responses = await burst(app, [
      PRESET,
      `${OTHER_PRESET}?tmdb_key=mine`,
      '/p/clean_notch/movie/tt0068646.jpg',
    ]);
    expect(statuses(responses)).toEqual([200, 200, 429]);
    expect(statuses(await burst(app, [PRESET]))).toEqual([200]);
  });

  it('/search: keyless callers share `anonymous`; a caller with its own tmdb_key has its own bucket', async () => {
    const responses = await burst(app, [
      '/search?q=bad',
      '/search?q=break',
      '/search?q=breaking&tmdb_key=key-a',
      '/search?q=breaking&tmdb_key=key-b',
      '/search?q=breaking&tmdb_key=key-a',
      '/search?q=breaking&tmdb_key=key-b',
      '/search?q=godfather',
      '/search?q=breaking&tmdb_key=key-a',
    ]);
    expect(statuses(responses)).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
  });

  it('an invalid access_key does not buy a bucket of its own', async () => {
    const responses = await burst(app, [
      '/search?q=bad&access_key=made-up-1',
      '/search?q=bad&access_key=made-up-2',
      '/search?q=bad&access_key=made-up-3',
    ]);
    expect(statuses(responses)).toEqual([200, 200, 429]);
  });
});

describe('/poster buckets (RATE_LIMIT_RPS=2, open instance)', () => {
  let app: App;
  const POSTER = '/poster?imdb_id=tt0111161&type=movie';

  beforeAll(async () => {
    app = await startInProcessApp({ RATE_LIMIT_RPS: '2' });
    await nextWindow();
    await (await app.get(POSTER)).arrayBuffer();
  });
  afterAll(() => app.close());

  it('the third request within a second gets 429 + Retry-After', async () => {
    const responses = await burst(app, [POSTER, POSTER, POSTER]);
    expect(statuses(responses)).toEqual([200, 200, 429]);
    expect(responses[2]!.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('different tmdb_key tenants have separate buckets', async () => {
    const responses = await burst(app, [
      `${POSTER}&tmdb_key=tenant-one`,
      `${POSTER}&tmdb_key=tenant-one`,
      `${POSTER}&tmdb_key=tenant-two`,
      `${POSTER}&tmdb_key=tenant-two`,
      POSTER,
      POSTER,
      `${POSTER}&tmdb_key=tenant-one`,
      `${POSTER}&tmdb_key=tenant-two`,
      POSTER,
    ]);
    expect(statuses(responses)).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('a 429 never echoes the tenant key', async () => {
    const responses = await burst(app, [
      `${POSTER}&tmdb_key=secret-tenant-key`,
      `${POSTER}&tmdb_key=secret-tenant-key`,
      `${POSTER}&tmdb_key=secret-tenant-key`,
    ]);
    const limited = responses[2]!;
    expect(limited.status).toBe(429);
    const again = await app.get(`${POSTER}&tmdb_key=secret-tenant-key`);
    const text = await again.text();
    expect(text).not.toContain('secret-tenant-key');
    expect(JSON.stringify([...again.headers])).not.toContain('secret-tenant-key');
  });
});

describe('limiter memory', () => {
  it('20 000 distinct tenants stay within the coordinator’s entry cap, and limiting still works', async () => {
    const coordinator = createInProcessCoordinator({ maxEntries: 1000 });
    for (let i = 0; i < 20_000; i++) {
      await enforceRateLimit(coordinator, tenantOf(`tenant-key-${i}`, 'anonymous'), 5);
    }
    expect(coordinator.stats().rateLimitBuckets).toBeLessThanOrEqual(1000);

    const hot = tenantOf('hot-key', 'anonymous');
    await nextWindow();
    for (let i = 0; i < 3; i++) await enforceRateLimit(coordinator, hot, 3);
    const refused = await enforceRateLimit(coordinator, hot, 3).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(httpErrorOf(refused as DomainError)).toMatchObject({
      status: 429,
      headers: { 'retry-after': expect.stringMatching(/^\d+$/) },
    });
    await coordinator.close();
  });

  it('tenants are hashes: a key never becomes a bucket name', () => {
    const tenant = tenantOf('my-very-secret-key', 'anonymous');
    expect(tenant).toMatch(/^[0-9a-f]{16}$/);
    expect(tenantOf(undefined, 'preset')).toBe('preset');
  });
});
