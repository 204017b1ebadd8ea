/** SQLite side of the migration runner: versions recorded in `schema_migrations`. */
import type { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { loadMigrations, type Migration, type MigrationTarget, migrate } from './migrate.ts';

export const SQLITE_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/sqlite/', import.meta.url));

export function sqliteMigrationTarget(db: DatabaseSync): MigrationTarget {
  return {
    async prepare() {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        applied_at INTEGER NOT NULL
      )`);
    },
    async applyIfNew(migration: Migration) {
      // IMMEDIATE takes the write lock before the check, so a second process opening the same file
      // waits (busy_timeout) and then sees the version as recorded instead of applying it twice.
      db.exec('BEGIN IMMEDIATE');
      try {
        const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
        if (done) {
          db.exec('COMMIT');
          return false;
        }
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          Date.now(),
        );
        db.exec('COMMIT');
        return true;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

export async function migrateSqlite(
  db: DatabaseSync,
  dir: string = SQLITE_MIGRATIONS_DIR,
): Promise<number[]> {
  return migrate(sqliteMigrationTarget(db), await loadMigrations(dir));
}
