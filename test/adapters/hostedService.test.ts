/**
 * The whole service (`node src/main.ts`) on PostgreSQL + Redis + S3, as an operator runs it: the three
 * variables select the adapters, /ready reports each backend, a Redis outage degrades /ready but not
 * /live and logs one warning, and a backend that is wrong at boot exits 2 with a message that names
 * the variable and quotes no secret.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type PgServer, pgMissing, startPgServer } from '../helpers/pgServer.ts';
import { type RedisServer, redisMissing, startRedisServer } from '../helpers/redisServer.ts';
import { S3RVER_CREDENTIALS, type S3Server, s3rverMissing, startS3Server } from '../helpers/s3Server.ts';
import { freePort, waitFor, withServer } from '../helpers/serverGate.ts';
import { runServiceToExit, type SpawnedService, spawnService } from '../helpers/spawnService.ts';

const DB_PASSWORD = 'Pg-Passw0rd-in-url';
const REDIS_PASSWORD = 'Redis-Passw0rd-in-url';

const missing = pgMissing() ?? redisMissing() ?? s3rverMissing();

withServer('hosted service (PostgreSQL + Redis + S3)', missing, () => {
  let pg: PgServer;
  let redis: RedisServer;
  let s3: S3Server;
  let env: Record<string, string>;

  beforeAll(async () => {
    [pg, redis, s3] = await Promise.all([
      startPgServer(),
      startRedisServer({ password: REDIS_PASSWORD }),
      startS3Server(['posters']),
    ]);
    const database = await pg.createDatabase('service');
    env = {
      // Trust auth ignores the password, but it is in the URL and so must never be printed.
      DATABASE_URL: database.replace('postgresql://postgres@', `postgres://postgres:${DB_PASSWORD}@`),
      REDIS_URL: redis.url,
      OBJECT_STORE_URL: `s3://posters?endpoint=${s3.endpoint}&region=us-east-1&prefix=composites`,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      // Hosted backends without a TMDB key refuse to start (no demo posters in shared storage); these
      // tests render nothing, so the key is never used.
      TMDB_API_KEY: 'hosted-test-tmdb-key',
    };
  });
  afterAll(async () => {
    await Promise.all([pg?.stop(), redis?.destroy(), s3?.destroy()]);
  });

  const ready = async (service: SpawnedService) => {
    const response = await fetch(`${service.url}/ready`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('runs on all three, reports them in /ready, degrades on a Redis outage and recovers', async () => {
    const service = await spawnService(env);
    try {
      const listening = service.logs().find((line) => line.msg === 'listening');
      expect(listening).toMatchObject({ storage: 'postgresql', coordinator: 'redis', blobstore: 's3' });
      expect(await ready(service)).toEqual({
        status: 200,
        body: {
          status: 'ok',
          storage: { kind: 'postgresql', ok: true },
          coordinator: { kind: 'redis', ok: true },
          blobstore: { kind: 's3', ok: true },
        },
      });

      await redis.stop();
      try {
        const degraded = await ready(service);
        expect(degraded.status).toBe(503);
        expect(degraded.body).toMatchObject({
          status: 'degraded',
          coordinator: { kind: 'redis', ok: false },
          storage: { ok: true },
          blobstore: { ok: true },
        });
        for (let i = 0; i < 5; i++) await ready(service);
        expect((await fetch(`${service.url}/live`)).status).toBe(200);
        const warnings = service.logs().filter((line) => String(line.msg).startsWith('redis unavailable'));
        expect(warnings).toHaveLength(1);
      } finally {
        await redis.start();
      }
      await waitFor('/ready to recover', async () => (await ready(service)).status === 200);

      expect(await service.stop()).toBe(0);
      const output = service.output.join('\n');
      for (const secret of [DB_PASSWORD, REDIS_PASSWORD]) expect(output).not.toContain(secret);
    } finally {
      service.cleanup();
    }
  });

  it('exits 2 naming OBJECT_STORE_URL when S3 refuses the credentials, without printing the secret', async () => {
    const secret = 'Wr0ng-Aws-Secret-Access-Key';
    const { code, output } = await runServiceToExit({
      ...env,
      AWS_ACCESS_KEY_ID: 'SOMEONE-ELSE',
      AWS_SECRET_ACCESS_KEY: secret,
    });
    expect(code).toBe(2);
    expect(output).toContain('OBJECT_STORE_URL: bucket \\"posters\\"');
    expect(output).toContain('refused access');
    expect(output).not.toContain(secret);
  });

  it('exits 2 naming DATABASE_URL when PostgreSQL is unreachable, without printing its password', async () => {
    const port = await freePort();
    const { code, output } = await runServiceToExit({
      ...env,
      DATABASE_URL: `postgresql://poster:${DB_PASSWORD}@127.0.0.1:${port}/posters`,
    });
    expect(code).toBe(2);
    expect(output).toContain('DATABASE_URL: connecting to PostgreSQL at postgresql://poster:***@127.0.0.1');
    expect(output).not.toContain(DB_PASSWORD);
  });

  it('exits 2 naming the bucket when it does not exist', async () => {
    const { code, output } = await runServiceToExit({
      ...env,
      OBJECT_STORE_URL: `s3://missing-bucket?endpoint=${s3.endpoint}`,
    });
    expect(code).toBe(2);
    expect(output).toContain('OBJECT_STORE_URL: bucket \\"missing-bucket\\"');
    expect(output).toContain('does not exist');
  });
});
