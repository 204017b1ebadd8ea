/** PostgreSQL adapter specifics beyond the Storage contract: migrations, the advisory lock, the pool, errors. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../src/adapters/errors.ts';
import { openStorage } from '../../src/adapters/open.ts';
import { loadMigrations } from '../../src/adapters/storage/migrate.ts';
import { openPostgresStorage } from '../../src/adapters/storage/postgres.ts';
import {
  MIGRATION_LOCK_KEY,
  migratePostgres,
  POSTGRES_MIGRATIONS_DIR,
} from '../../src/adapters/storage/postgresMigrations.ts';
import { loadConfig } from '../../src/config/load.ts';
import { CACHE_TABLES } from '../../src/ports/storage.ts';
import { type PgServer, pgMissing, startPgServer } from '../helpers/pgServer.ts';
import { freePort, withServer } from '../helpers/serverGate.ts';

withServer('PostgreSQL adapter', pgMissing(), () => {
  let server: PgServer;
  let scratch: string;
  let databases = 0;
  /** A fresh, empty database per test, so migrations start from nothing. */
  const freshDatabase = () => server.createDatabase(`fresh_${++databases}`);

  beforeAll(async () => {
    server = await startPgServer();
    scratch = await mkdtemp(join(tmpdir(), 'postersplus-pgmig-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  const recordedVersions = (url: string) =>
    withClient(url, async (c) =>
      (await c.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version),
    );

  describe('migrations', () => {
    it('creates every table and index, and records each version once however often it opens', async () => {
      const url = await freshDatabase();
      const first = await openPostgresStorage({ url });
      expect(first.kind).toBe('postgresql');
      await first.put('rating_cache', 'tt1', { imdb: 7 }, null);
      await first.close();
      for (let i = 0; i < 3; i++) await (await openPostgresStorage({ url })).close();

      const versions = (await loadMigrations(POSTGRES_MIGRATIONS_DIR)).map((m) => m.version);
      expect(versions[0]).toBe(1);
      expect(await recordedVersions(url)).toEqual(versions);
      const indexes = await withClient(url, async (c) =>
        (await c.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).rows.map(
          (r) => r.indexname,
        ),
      );
      for (const table of CACHE_TABLES) expect(indexes).toContain(`${table}_expires_at`);
      expect(indexes).toEqual(
        expect.arrayContaining(['composite_cache_expires_at', 'composite_cache_title']),
      );

      const again = await openPostgresStorage({ url });
      expect((await again.get('rating_cache', 'tt1'))?.value).toEqual({ imdb: 7 });
      await again.close();
    });

    it('lets several replicas open a fresh database at the same moment', async () => {
      const url = await freshDatabase();
      const handles = await Promise.all(Array.from({ length: 5 }, () => openPostgresStorage({ url })));
      await Promise.all(handles.map((h, i) => h.put('rating_cache', `k${i}`, i, null)));
      expect(await handles[0]!.count('rating_cache')).toBe(5);
      await Promise.all(handles.map((h) => h.close()));
      expect(await recordedVersions(url)).toEqual(
        (await loadMigrations(POSTGRES_MIGRATIONS_DIR)).map((m) => m.version),
      );
    });

    it('waits for the advisory lock held by another migrating replica', async () => {
      const url = await freshDatabase();
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        let settled = false;
        const opening = openPostgresStorage({ url }).finally(() => {
          settled = true;
        });
        // Not a speed check: while the lock is held, no amount of time may let the open through.
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(settled).toBe(false);
        const waiting = await holder.query(
          "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        );
        expect(waiting.rows[0].n).toBe(1);
        expect(
          (await holder.query("SELECT to_regclass('public.schema_migrations') AS t")).rows[0].t,
        ).toBeNull();
        await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        const storage = await opening;
        await storage.ping();
        await storage.close();
      } finally {
        await holder.end();
      }
    });

    it('rolls a failing migration back entirely, records nothing for it, and releases the lock', async () => {
      const url = await freshDatabase();
      const dir = await mkdtemp(join(scratch, 'dialect-'));
      await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE a (x INTEGER);');
      await writeFile(
        join(dir, '002_bad.sql'),
        'CREATE TABLE half (y INTEGER); INSERT INTO a VALUES (2); SELECT * FROM no_such_table;',
      );
      await withClient(url, async (client) => {
        await expect(migratePostgres(client, dir)).rejects.toThrow(/no_such_table/);
        expect((await client.query('SELECT version FROM schema_migrations')).rows).toEqual([{ version: 1 }]);
        expect((await client.query("SELECT to_regclass('public.half') AS t")).rows[0].t).toBeNull();
        expect((await client.query('SELECT count(*)::int AS n FROM a')).rows[0].n).toBe(0);
        // While the failed run's session is still open, another session can take the lock: it was given back.
        await withClient(url, async (other) => {
          const got = await other.query('SELECT pg_try_advisory_lock($1) AS ok', [MIGRATION_LOCK_KEY]);
          expect(got.rows[0].ok).toBe(true);
        });
      });
      await writeFile(join(dir, '002_bad.sql'), 'INSERT INTO a VALUES (2);');
      await withClient(url, async (client) => {
        expect(await migratePostgres(client, dir)).toEqual([2]);
        expect(await migratePostgres(client, dir)).toEqual([]);
      });
    });

    it('reports a failing migration at open as a backend error', async () => {
      const url = await freshDatabase();
      const dir = await mkdtemp(join(scratch, 'broken-'));
      await writeFile(join(dir, '001_bad.sql'), 'SELECT * FROM no_such_table;');
      const error = await openPostgresStorage({ url, migrationsDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect(String((error as Error).message)).toMatch(/DATABASE_URL: migrating .*no_such_table/);
    });
  });

  describe('connection', () => {
    it('is what openStorage gives when DATABASE_URL is set, with the configured pool size', async () => {
      const url = await freshDatabase();
      const config = loadConfig({ DATABASE_URL: url, DB_POOL_MIN_SIZE: '0', DB_POOL_MAX_SIZE: '3' });
      const storage = await openStorage(config);
      await Promise.all(Array.from({ length: 30 }, (_, i) => storage.put('rating_cache', `c${i}`, i, null)));
      const connections = await withClient(url, async (c) => {
        const result = await c.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'postersplus' AND datname = current_database()",
        );
        return result.rows[0].n as number;
      });
      expect(storage.kind).toBe('postgresql');
      expect(connections).toBeLessThanOrEqual(3);
      await storage.close();
    });

    it('accepts postgres:// as an alias of postgresql://', async () => {
      const url = (await freshDatabase()).replace(/^postgresql:/, 'postgres:');
      const storage = await openPostgresStorage({ url });
      await storage.ping();
      await storage.close();
    });

    it('never opens more than poolMax connections', async () => {
      const url = await freshDatabase();
      const storage = await openPostgresStorage({ url, poolMin: 1, poolMax: 2 });
      await Promise.all(Array.from({ length: 40 }, (_, i) => storage.put('quality_cache', `q${i}`, i, 1000)));
      const connections = await withClient(url, async (c) => {
        const result = await c.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'postersplus' AND datname = current_database()",
        );
        return result.rows[0].n as number;
      });
      expect(connections).toBeGreaterThanOrEqual(1);
      expect(connections).toBeLessThanOrEqual(2);
      expect(await storage.count('quality_cache')).toBe(40);
      await storage.close();
    });

    it('survives the server dropping its pooled connections, and reconnects', async () => {
      const url = await freshDatabase();
      const poolErrors: string[] = [];
      const storage = await openPostgresStorage({ url, onPoolError: (m) => poolErrors.push(m) });
      await storage.put('rating_cache', 'before', 1, null);
      await withClient(url, (c) =>
        c.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'postersplus' AND datname = current_database()",
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(poolErrors.length).toBeGreaterThanOrEqual(1);
      expect((await storage.get('rating_cache', 'before'))?.value).toBe(1);
      await storage.close();
    });

    it('fails fast with a clear error naming DATABASE_URL when the server is unreachable, without the password', async () => {
      const port = await freePort();
      const url = `postgresql://poster:Sup3rS3cretPgPass@127.0.0.1:${port}/db`;
      const error = await openPostgresStorage({ url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendUnavailableError);
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain(`127.0.0.1:${port}`);
      expect(message).toMatch(/ECONNREFUSED/);
      expect(message).not.toContain('Sup3rS3cretPgPass');
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('Sup3rS3cretPgPass');
    });

    it('reports a missing database without the password', async () => {
      const url = `postgresql://postgres:An0therS3cret%40pw@127.0.0.1:${server.port}/no_such_db`;
      const error = await openPostgresStorage({ url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendUnavailableError);
      const message = (error as Error).message;
      expect(message).toMatch(/DATABASE_URL: connecting to PostgreSQL at postgresql:\/\/postgres:\*\*\*@/);
      expect(message).toMatch(/no_such_db/);
      expect(message).not.toContain('An0therS3cret');
    });

    it('rejects every operation after close', async () => {
      const storage = await openPostgresStorage({ url: await freshDatabase() });
      await storage.close();
      await expect(storage.get('rating_cache', 'x')).rejects.toThrow(/closed/);
      await expect(storage.getComposite('x')).rejects.toThrow(/closed/);
      await expect(storage.pruneExpired('rating_cache', 0)).rejects.toThrow(/closed/);
      await expect(storage.listExpiredComposites(0, 10)).rejects.toThrow(/closed/);
    });
  });
});
