/**
 * Two service processes (`node src/main.ts`) on one PostgreSQL + Redis + S3 and one fake upstream:
 * a poster rendered by A is a cache hit on B, an MDBList 429 seen by A stops B from calling MDBList,
 * the rate limit counts both replicas' requests together, and a job lease held by one replica is
 * refused to the other until it is released or expires.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRedisCoordinator, type RedisCoordinator } from '../../src/adapters/coordination/redis.ts';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/index.ts';
import { waitFor, withServer } from '../helpers/serverGate.ts';
import { type SpawnedService, spawnService } from '../helpers/spawnService.ts';
import { getJson, getPoster, MDBLIST_KEY, type Stack, stackMissing, startStack } from './stack.ts';

const PREFIX = 'replicas';
const LEASE_PREFIX = 'replicas-jobs';
/** A title's poster URL; `tenant` is a caller's own TMDB key, which gives it its own rate-limit bucket. */
const poster = (service: SpawnedService, query: string, tenant: string) =>
  `${service.url}/poster?${query}&tmdb_key=${tenant}`;

withServer('replicas on shared PostgreSQL + Redis + S3', stackMissing(), () => {
  let stack: Stack;
  let a: SpawnedService;
  let b: SpawnedService;
  // A second pair with the background jobs on, for the lease test: its own database and key prefix so
  // that its trending job (which invalidates stored posters) cannot touch the first pair's cache.
  let jobsFake: FakeUpstream;
  let jobsA: SpawnedService;
  let jobsB: SpawnedService;
  let coordinator: RedisCoordinator;

  beforeAll(async () => {
    stack = await startStack();
    jobsFake = await startFakeUpstream({ port: 0 });
    // Each trending run waits 2 × 1.5 s on TMDB, so the first replica to run it holds the lease while
    // the other one's timer (started within the same moment) fires.
    jobsFake.faults.latency('tmdb', 1500);
    const jobsDatabase = await stack.pg.createDatabase('jobs');
    const env = stack.serviceEnv({ REDIS_KEY_PREFIX: PREFIX, RATE_LIMIT_RPS: '3' });
    const jobsEnv = stack.serviceEnv({
      DATABASE_URL: jobsDatabase,
      REDIS_KEY_PREFIX: LEASE_PREFIX,
      JOBS_ENABLED: 'true',
      RENDER_CONCURRENCY: '1', // this pair never renders
      TMDB_API_BASE: jobsFake.urls.tmdbApiBase,
      TMDB_IMAGE_BASE: jobsFake.urls.tmdbImageBase,
      METAHUB_BASE: jobsFake.urls.metahubBase,
      MDBLIST_API_BASE: jobsFake.urls.mdblistApiBase,
      SCRAPER_URL: jobsFake.urls.scraperUrl,
      ARCTIC_SHIFT_BASE: jobsFake.urls.arcticShiftBase,
    });
    [a, b, jobsA, jobsB, coordinator] = await Promise.all([
      spawnService(env, 30_000),
      spawnService(env, 30_000),
      spawnService(jobsEnv, 30_000),
      spawnService(jobsEnv, 30_000),
      openRedisCoordinator({ url: stack.redis.url, keyPrefix: LEASE_PREFIX }),
    ]);
  });
  afterAll(async () => {
    for (const service of [a, b, jobsA, jobsB]) service?.cleanup();
    await coordinator?.close();
    await jobsFake?.close();
    await stack?.destroy();
  });

  it('both replicas report the hosted backends', async () => {
    for (const service of [a, b]) {
      expect(await getJson(`${service.url}/ready`)).toEqual({
        status: 200,
        body: {
          status: 'ok',
          storage: { kind: 'postgresql', ok: true },
          coordinator: { kind: 'redis', ok: true },
          blobstore: { kind: 's3', ok: true },
        },
      });
    }
  });

  it('a poster rendered through A is a cache hit on B with the same ETag and bytes', async () => {
    const query = 'tmdb_id=278&type=movie';
    const first = await getPoster(poster(a, query, 'hit-test'));
    expect(first).toMatchObject({ status: 200, contentType: 'image/webp', xCache: 'MISS' });
    expect(first.etag).toBeTruthy();
    const rows = await stack.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM composite_cache WHERE tmdb_id = '278'",
    );
    expect(Number(rows[0]?.n)).toBe(1);
    expect((await stack.bucketKeys()).filter((key) => key.startsWith('composites/'))).toHaveLength(1);

    const tmdbCalls = stack.fake.requests.count('tmdb');
    const onB = await getPoster(poster(b, query, 'hit-test'));
    expect(onB).toMatchObject({ status: 200, xCache: 'HIT', etag: first.etag, bytes: first.bytes });
    // B answered from PostgreSQL + S3 alone: no upstream call.
    expect(stack.fake.requests.count('tmdb')).toBe(tmdbCalls);
    const revalidated = await fetch(poster(b, query, 'hit-test'), {
      headers: { 'if-none-match': first.etag ?? '' },
    });
    expect(revalidated.status).toBe(304);
  });

  it('an MDBList 429 seen by A puts B in backoff too', async () => {
    stack.fake.faults.rateLimit('mdblist', 120);
    try {
      const onA = await getPoster(poster(a, 'tmdb_id=238&type=movie', 'backoff-test'));
      expect(onA).toMatchObject({ status: 200, xCache: 'PROVISIONAL' });
      expect(stack.fake.requests.entries('mdblist').some((entry) => entry.status === 429)).toBe(true);

      // B has never asked about these titles: without the shared backoff it would call MDBList.
      const mdblistCalls = stack.fake.requests.count('mdblist');
      const debug = await getJson(`${poster(b, 'tmdb_id=27205&type=movie', 'backoff-test')}&debug=1`);
      expect(debug.status).toBe(200);
      expect(debug.body).toMatchObject({ provisional: true });
      expect(debug.body.provisional_reasons).toContain('rating_unavailable');
      const onB = await getPoster(poster(b, 'tmdb_id=496243&type=movie', 'backoff-test'));
      expect(onB).toMatchObject({ status: 200, xCache: 'PROVISIONAL' });
      expect(stack.fake.requests.count('mdblist')).toBe(mdblistCalls);

      // The window lives in Redis under the key's hash (never the key itself), with A's Retry-After.
      const keyId = createHash('sha256').update(MDBLIST_KEY).digest('hex').slice(0, 16);
      const shared = await openRedisCoordinator({ url: stack.redis.url, keyPrefix: PREFIX });
      try {
        const remaining = await shared.backoffRemaining('mdblist-key', keyId);
        expect(remaining).toBeGreaterThan(60_000);
        expect(remaining).toBeLessThanOrEqual(120_000);

        // Control: once the window is cleared, B does call MDBList for a new title.
        stack.fake.faults.reset('mdblist');
        await shared.clearBackoff('mdblist-key', keyId);
      } finally {
        await shared.close();
      }
      // A tenant of its own: the three requests above may have used up the 'backoff-test' tenant's
      // three requests of the current second (RATE_LIMIT_RPS=3).
      const after = await getJson(`${poster(b, 'tmdb_id=1396&type=series', 'backoff-test-after')}&debug=1`);
      expect(after.status).toBe(200);
      expect(after.body.provisional_reasons).not.toContain('rating_unavailable');
      expect(stack.fake.requests.count('mdblist')).toBeGreaterThan(mdblistCalls);
    } finally {
      stack.fake.faults.reset('mdblist');
    }
  });

  it('the rate limit is global: 3 requests over A and B in one second pass, the 4th gets 429', async () => {
    // Fixed one-second windows: the four requests must fall into one window, so start just after a
    // second begins and retry (with a fresh tenant) in the rare case they straddle a boundary.
    const query = 'tmdb_id=278&type=movie'; // stored by the hit test: cheap hits on both replicas
    for (let attempt = 0; ; attempt++) {
      const tenant = `rate-test-${attempt}`;
      while (Date.now() % 1000 > 50) await new Promise((resolve) => setTimeout(resolve, 5));
      const second = Math.floor(Date.now() / 1000);
      const answers = [];
      for (const service of [a, b, a, b]) answers.push(await getPoster(poster(service, query, tenant)));
      if (Math.floor(Date.now() / 1000) !== second) {
        if (attempt < 3) continue;
        throw new Error('four cache hits never fitted into one second');
      }
      expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(answers[3]).toMatchObject({ status: 429, retryAfter: '1' });
      break;
    }
    // Another tenant has its own bucket.
    expect((await getPoster(poster(b, query, 'rate-test-other'))).status).toBe(200);
  });

  it('a job lease held by one replica is refused to the other until released or expired', async () => {
    const trending = async (service: SpawnedService) => {
      const stats = await getJson(`${service.url}/stats`);
      const jobs = stats.body.jobs as { name: string; running: boolean; last_outcome: string | null }[];
      return jobs.find((job) => job.name === 'trending-fetch');
    };
    // Both replicas' trending jobs fire 10 s after start. While the first one runs (holding the lease),
    // a third party is refused the lease too.
    let sawHeld = false;
    await waitFor(
      'both replicas to have tried the trending job',
      async () => {
        const [onA, onB] = await Promise.all([trending(jobsA), trending(jobsB)]);
        if ((onA?.running || onB?.running) && !sawHeld) {
          const token = await coordinator.acquireLease('trending-fetch', 60_000);
          // The run ended between the two reads: give the lease straight back, try again next poll.
          if (token) await coordinator.releaseLease('trending-fetch', token);
          else sawHeld = true;
        }
        return Boolean(onA?.last_outcome && onB?.last_outcome);
      },
      40_000,
    );
    expect(sawHeld).toBe(true);
    const outcomes = [(await trending(jobsA))?.last_outcome, (await trending(jobsB))?.last_outcome];
    expect(outcomes.sort()).toEqual(['ok', 'skipped']);
    // The TMDB trending lists were fetched once (5 pages per media type), not once per replica.
    expect(jobsFake.requests.countMatching('tmdb', '/trending/')).toBe(10);

    // Released when the run finished: the lease is free again.
    const token = await coordinator.acquireLease('trending-fetch', 300);
    expect(token).not.toBeNull();
    // Never released (as if its holder crashed): refused until it expires.
    const other = await openRedisCoordinator({ url: stack.redis.url, keyPrefix: LEASE_PREFIX });
    try {
      expect(await other.acquireLease('trending-fetch', 60_000)).toBeNull();
      await waitFor('the lease to expire', async () => {
        const taken = await other.acquireLease('trending-fetch', 60_000);
        if (taken) await other.releaseLease('trending-fetch', taken);
        return taken !== null;
      });
    } finally {
      await other.close();
    }
  });
});
