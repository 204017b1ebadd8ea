/**
 * PostgreSQL side of the migration runner. Replicas booting together all try to migrate, so the whole
 * run happens under a session-level advisory lock on one dedicated connection: the second replica
 * waits for the first, then finds every version recorded and applies nothing. Each migration still
 * runs in its own transaction with its version row (PostgreSQL DDL is transactional).
 */
import { fileURLToPath } from 'node:url';
import type { ClientBase } from 'pg';
import { loadMigrations, type Migration, type MigrationTarget, migrate } from './migrate.ts';

export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/postgres/', import.meta.url));

/** The advisory lock id: the eight ASCII bytes "Posters+" read as a signed 64-bit integer. */
export const MIGRATION_LOCK_KEY = BigInt(`0x${Buffer.from('Posters+').toString('hex')}`).toString();

/** Only `query` is used, so a pg.Client or a pooled client both qualify. */
type Queryable = Pick<ClientBase, 'query'>;

export function postgresMigrationTarget(client: Queryable): MigrationTarget {
  return {
    async prepare() {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        applied_at BIGINT NOT NULL
      )`);
    },
    async applyIfNew(migration: Migration) {
      await client.query('BEGIN');
      try {
        const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
          migration.version,
        ]);
        if (done.rowCount) {
          await client.query('COMMIT');
          return false;
        }
        // No parameters: the simple query protocol runs a file of several statements in one call.
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    },
  };
}

/**
 * Applies pending migrations while holding the advisory lock. The client must be a dedicated session:
 * the lock belongs to the connection, and a pool could hand the unlock to a different one. If the
 * process dies mid-run, PostgreSQL drops the session and with it the lock.
 */
export async function migratePostgres(
  client: Queryable,
  dir: string = POSTGRES_MIGRATIONS_DIR,
): Promise<number[]> {
  const migrations = await loadMigrations(dir);
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    return await migrate(postgresMigrationTarget(client), migrations);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
  }
}
