/**
 * The hosted stack for the replica and outage suites: one PostgreSQL, one Redis, one s3rver and one fake
 * upstream in this test process, plus the environment that points `node src/main.ts` at all of them.
 * Service processes started with `serviceEnv()` share every backend and the fake's request log and faults.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/index.ts';
import { fakeUpstreamEnv } from '../helpers/fakeUpstreamEnv.ts';
import { type PgServer, pgMissing, startPgServer } from '../helpers/pgServer.ts';
import { type RedisServer, redisMissing, startRedisServer } from '../helpers/redisServer.ts';
import { S3RVER_CREDENTIALS, type S3Server, s3rverMissing, startS3Server } from '../helpers/s3Server.ts';

export const BUCKET = 'posters';
export const MDBLIST_KEY = 'replica-mdblist-key';

export function stackMissing(): string | null {
  return pgMissing() ?? redisMissing() ?? s3rverMissing();
}

export interface Stack {
  pg: PgServer;
  redis: RedisServer;
  s3: S3Server;
  fake: FakeUpstream;
  databaseUrl: string;
  /** Environment for one service process on this stack (`extra` wins). */
  serviceEnv(extra?: Record<string, string>): Record<string, string>;
  /** A short-lived client on the service database (for assertions on what was persisted). */
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Keys of the objects in the bucket (s3rver keeps them as files under <dir>/<bucket>/). */
  bucketKeys(): Promise<string[]>;
  destroy(): Promise<void>;
}

export async function startStack(database = 'posters'): Promise<Stack> {
  const [pgServer, redis, s3, fake] = await Promise.all([
    startPgServer(),
    startRedisServer(),
    startS3Server([BUCKET]),
    startFakeUpstream({ port: 0 }),
  ]);
  const databaseUrl = await pgServer.createDatabase(database);
  return {
    pg: pgServer,
    redis,
    s3,
    fake,
    databaseUrl,
    serviceEnv: (extra = {}) => ({
      DATABASE_URL: databaseUrl,
      DB_POOL_MAX_SIZE: '4',
      REDIS_URL: redis.url,
      OBJECT_STORE_URL: `s3://${BUCKET}?endpoint=${s3.endpoint}&region=us-east-1`,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      // Real-key mode against the fake: every upstream call lands in fake.requests.
      TMDB_API_KEY: 'replica-tmdb-key',
      ...fakeUpstreamEnv(fake),
      MDBLIST_API_KEY: MDBLIST_KEY,
      // A loaded 2-core CI machine must not turn a cold poster provisional for want of the quality fetch.
      QUALITY_GRACE_MS: '4000',
      JOBS_ENABLED: 'false',
      LOG_REQUESTS: 'false',
      ...extra,
    }),
    async query(sql, params = []) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async bucketKeys() {
      const root = join(s3.dir, BUCKET);
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      // s3rver stores each object as `<key>._S3rver_object` next to its metadata files.
      return entries
        .filter((entry) => entry.isFile() && entry.name.endsWith('._S3rver_object'))
        .map((entry) =>
          join(entry.parentPath, entry.name)
            .slice(root.length + 1)
            .replace(/\._S3rver_object$/, ''),
        );
    },
    async destroy() {
      await Promise.all([pgServer.stop(), redis.destroy(), s3.destroy(), fake.close()]);
    },
  };
}

export interface PosterAnswer {
  status: number;
  contentType: string;
  xCache: string | null;
  etag: string | null;
  retryAfter: string | null;
  bytes: number;
}

/** GET a URL and summarise the answer; a request that hangs past `timeoutMs` fails the test. */
export async function getPoster(url: string, timeoutMs = 15_000): Promise<PosterAnswer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    xCache: response.headers.get('x-cache'),
    etag: response.headers.get('etag'),
    retryAfter: response.headers.get('retry-after'),
    bytes: body.length,
  };
}

export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
