/**
 * Backend outages while the service (`node src/main.ts` on PostgreSQL + Redis + S3) is taking traffic.
 * Each backend's server process is killed and restarted under a steady stream of poster requests:
 *
 * - Redis down: posters keep answering 200 (coordination falls back to this process), /ready is 503 for
 *   the coordinator only, /live 200; it recovers without a restart.
 * - S3 down: renders are served but not persisted (no row, no object): a repeat on this replica is a hit
 *   from its memory (L1), nothing else. /ready 503, /live 200; it recovers without a restart.
 * - PostgreSQL down: /ready 503, /live 200, L1 hits still served, renders are served uncached (no row,
 *   and the blob written before the row is removed again); it recovers without a restart.
 *
 * - PostgreSQL or S3 hung (SIGSTOP: connections accepted, nothing answers): a cold poster is still answered
 *   within POSTER_DEADLINE_MS, because the request path stops waiting after 1.5 s and then skips the
 *   backend for a moment (src/ports/wait.ts) instead of waiting on the adapters' 15 s / 20 s limits.
 *
 * Every request must be answered within POSTER_DEADLINE_MS (plus slack for the HTTP round trip).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND_LATCH_MS } from '../../src/ports/wait.ts';
import { waitFor, withServer } from '../helpers/serverGate.ts';
import { type SpawnedService, spawnService } from '../helpers/spawnService.ts';
import { getJson, getPoster, type PosterAnswer, type Stack, stackMissing, startStack } from './stack.ts';

const DEADLINE_MS = 6000;
/** Warmed up before the outages and requested in a loop throughout them. */
const STEADY = ['tmdb_id=278&type=movie', 'tmdb_id=1396&type=series'];

withServer('backend outages during traffic', stackMissing(), () => {
  let stack: Stack;
  let service: SpawnedService;
  const url = (query: string) => `${service.url}/poster?${query}`;
  const poster = (query: string) => getPoster(url(query), DEADLINE_MS + 2000);
  const ready = () => getJson(`${service.url}/ready`);
  const rowsFor = async (tmdbId: string) =>
    (await stack.query('SELECT key FROM composite_cache WHERE tmdb_id = $1', [tmdbId])).length;

  /**
   * Requests the steady posters back to back until stopped and returns every answer; a request that
   * fails or hangs past the deadline is recorded as status 0 with the error, never thrown.
   */
  function traffic() {
    let running = true;
    const answers: (PosterAnswer | { status: 0; error: string })[] = [];
    const loop = (async () => {
      for (let i = 0; running; i++) {
        answers.push(
          await poster(STEADY[i % STEADY.length] ?? '').catch((error: unknown) => ({
            status: 0 as const,
            error: String(error),
          })),
        );
        await new Promise((resolve) => setTimeout(resolve, 10)); // steady, not a flood
      }
    })();
    return {
      async stop() {
        running = false;
        await loop;
        return answers;
      },
    };
  }

  let load: ReturnType<typeof traffic> | null = null;
  const stopTraffic = async () => {
    const answers = (await load?.stop()) ?? [];
    load = null;
    return answers;
  };
  // A failed assertion must not leave the loop running into the next test.
  afterEach(async () => {
    await stopTraffic();
  });

  const expectAllServed = (answers: Awaited<ReturnType<typeof stopTraffic>>) => {
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toMatchObject({ status: 200, contentType: 'image/webp' });
  };

  beforeAll(async () => {
    stack = await startStack();
    service = await spawnService(
      stack.serviceEnv({
        REDIS_KEY_PREFIX: 'outages',
        POSTER_DEADLINE_MS: String(DEADLINE_MS),
        // Rate limiting goes through Redis: it must fail open, not refuse, during the Redis outage.
        RATE_LIMIT_RPS: '1000',
        // A hung backend shows in /ready after this long.
        READY_PROBE_TIMEOUT_MS: '500',
      }),
      30_000,
    );
    for (const query of STEADY) expect((await poster(query)).xCache).toBe('MISS');
    expect(await ready()).toMatchObject({ status: 200 });
  });
  afterAll(async () => {
    service?.cleanup();
    await stack?.destroy();
  });

  const expectLiveAndDegraded = async (backend: 'storage' | 'coordinator' | 'blobstore', kind: string) => {
    await waitFor(`/ready to report ${backend} down`, async () => (await ready()).status === 503);
    const { body } = await ready();
    expect(body).toMatchObject({
      status: 'degraded',
      storage: { kind: 'postgresql', ok: backend !== 'storage' },
      coordinator: { kind: 'redis', ok: backend !== 'coordinator' },
      blobstore: { kind: 's3', ok: backend !== 'blobstore' },
    });
    expect(body[backend]).toEqual({ kind, ok: false });
    expect((await fetch(`${service.url}/live`)).status).toBe(200);
  };

  const expectRecovered = async () => {
    await waitFor('/ready to recover', async () => (await ready()).status === 200, 20_000);
    // The same process: recovery needed no restart.
    expect(service.child.exitCode).toBeNull();
    expect(service.logs().filter((line) => line.msg === 'listening')).toHaveLength(1);
  };

  describe('Redis down', () => {
    it('keeps answering posters, reports the coordinator in /ready, recovers without a restart', async () => {
      load = traffic();
      await stack.redis.stop();
      try {
        await expectLiveAndDegraded('coordinator', 'redis');
        // A cold render needs the coordinator (MDBList backoff, quality claim): it falls back to this
        // process, and the poster is still complete and stored in PostgreSQL + S3.
        const cold = await poster('tmdb_id=27205&type=movie');
        expect(cold).toMatchObject({ status: 200, xCache: 'MISS' });
        expect(await rowsFor('27205')).toBe(1);
      } finally {
        await stack.redis.start();
      }
      await expectRecovered();
      expectAllServed(await stopTraffic());
      expect(service.logs().filter((line) => String(line.msg).startsWith('redis unavailable'))).toHaveLength(
        1,
      );
      expect(service.logs().some((line) => String(line.msg).startsWith('redis reachable again'))).toBe(true);
    });
  });

  describe('S3 down', () => {
    it('renders and serves without persisting; recovers without a restart', async () => {
      const objectsBefore = (await stack.bucketKeys()).length;
      load = traffic();
      await stack.s3.stop();
      try {
        await expectLiveAndDegraded('blobstore', 's3');
        const cold = await poster('tmdb_id=496243&type=movie');
        expect(cold).toMatchObject({ status: 200, contentType: 'image/webp', xCache: 'MISS' });
        // Not persisted: no row points at an object that was never written.
        expect(await rowsFor('496243')).toBe(0);
        // A repeat on this replica is served from its memory, with the same validator.
        expect(await poster('tmdb_id=496243&type=movie')).toMatchObject({
          status: 200,
          xCache: 'HIT',
          etag: cold.etag,
        });
      } finally {
        await stack.s3.start();
      }
      await expectRecovered();
      expect((await stack.bucketKeys()).length).toBe(objectsBefore);
      expect(await rowsFor('496243')).toBe(0);

      // Persisting works again with the same client.
      expect(await poster('tmdb_id=129&type=movie')).toMatchObject({ status: 200, xCache: 'MISS' });
      expect(await rowsFor('129')).toBe(1);
      expect((await stack.bucketKeys()).length).toBe(objectsBefore + 1);
      expectAllServed(await stopTraffic());
    });
  });

  describe('PostgreSQL down', () => {
    it('serves L1 hits and uncached renders, reports storage in /ready, recovers without a restart', async () => {
      const objectsBefore = (await stack.bucketKeys()).length;
      load = traffic();
      await stack.pg.halt();
      try {
        await expectLiveAndDegraded('storage', 'postgresql');
        for (const query of STEADY) expect((await poster(query)).xCache).toBe('HIT');
        // A title never seen: every fact comes from upstream without its cache, and the poster is
        // rendered and served, not stored.
        const cold = await poster('tmdb_id=1233413&type=movie');
        expect(cold).toMatchObject({ status: 200, contentType: 'image/webp', xCache: 'MISS' });
        expect(await poster('tmdb_id=1233413&type=movie')).toMatchObject({ xCache: 'HIT', etag: cold.etag });
        // The blob is written before its row; with no row it is deleted again, so nothing is orphaned.
        expect((await stack.bucketKeys()).length).toBe(objectsBefore);
      } finally {
        await stack.pg.start();
      }
      await expectRecovered();
      expect(await rowsFor('1233413')).toBe(0);

      expect(await poster('tmdb_id=687163&type=movie')).toMatchObject({ status: 200, xCache: 'MISS' });
      expect(await rowsFor('687163')).toBe(1);
      expectAllServed(await stopTraffic());
      // Dropped pooled connections are reported, never crash the process.
      expect(service.logs().some((line) => line.msg === 'postgresql connection dropped')).toBe(true);
      expect(service.logs().filter((line) => Number(line.level) >= 50)).toEqual([]);
    });
  });

  describe('hung backends (connections accepted, nothing answers)', () => {
    // The cold render's timeout skips the backend for BACKEND_LATCH_MS: a poster rendered in that
    // window is served but not stored, so the recovery checks start after it.
    let latchedAt = 0;
    const latchLapsed = (since: number) =>
      new Promise((resolve) => setTimeout(resolve, Math.max(0, since + BACKEND_LATCH_MS + 100 - Date.now())));

    it('PostgreSQL hung: a cold poster is still complete and answered within the deadline', async () => {
      load = traffic();
      await stack.pg.pause();
      try {
        await expectLiveAndDegraded('storage', 'postgresql');
        const cold = await getPoster(url('tmdb_id=662&type=movie'), DEADLINE_MS);
        latchedAt = Date.now();
        expect(cold).toMatchObject({ status: 200, contentType: 'image/webp', xCache: 'MISS' });
      } finally {
        stack.pg.resume();
      }
      await expectRecovered();
      // Skipped while hung, stored again once it answers.
      await latchLapsed(latchedAt);
      expect(await poster('tmdb_id=17473&type=movie')).toMatchObject({ status: 200, xCache: 'MISS' });
      expect(await rowsFor('17473')).toBe(1);
      expectAllServed(await stopTraffic());
    });

    it('S3 hung: a cold poster is answered within the deadline', async () => {
      load = traffic();
      stack.s3.pause();
      try {
        await expectLiveAndDegraded('blobstore', 's3');
        const cold = await getPoster(url('tmdb_id=515042&type=movie'), DEADLINE_MS);
        latchedAt = Date.now();
        expect(cold).toMatchObject({ status: 200, contentType: 'image/webp', xCache: 'MISS' });
      } finally {
        stack.s3.resume();
      }
      await expectRecovered();
      await latchLapsed(latchedAt);
      expect(await poster('tmdb_id=95396&type=series')).toMatchObject({ status: 200, xCache: 'MISS' });
      expect(await rowsFor('95396')).toBe(1);
      expectAllServed(await stopTraffic());
    });
  });
});
