/**
 * Dialect-neutral migration runner. Each dialect keeps numbered files (`001_init.sql`, `002_x.sql`…)
 * in its own folder; this module orders them and hands each one to a target that applies it in a
 * transaction together with the row recording its version, so a crash never leaves half a migration
 * recorded as done.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationTarget {
  /** Creates the version table when missing. */
  prepare(): Promise<void>;
  /**
   * Applies the migration and records its version in one transaction, unless the version is already
   * recorded. The check belongs inside the transaction: another process may be migrating too.
   * Returns whether it applied anything.
   */
  applyIfNew(migration: Migration): Promise<boolean>;
}

const FILE_NAME = /^(\d+)_([A-Za-z0-9_-]+)\.sql$/;

/** Reads a dialect folder's `.sql` files in numeric version order. */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of await readdir(dir)) {
    if (!file.endsWith('.sql')) continue;
    const match = FILE_NAME.exec(file);
    // A misnamed file would otherwise be skipped silently and its schema never created.
    if (!match) throw new Error(`migration file name must look like 001_name.sql: ${file}`);
    migrations.push({
      version: Number(match[1]),
      name: match[2]!,
      sql: await readFile(join(dir, file), 'utf8'),
    });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`two migrations share version ${migrations[i]!.version}`);
    }
  }
  return migrations;
}

/** Applies every migration not yet recorded, in order; returns the versions it applied. */
export async function migrate(target: MigrationTarget, migrations: readonly Migration[]): Promise<number[]> {
  await target.prepare();
  const applied: number[] = [];
  for (const migration of migrations) {
    if (await target.applyIfNew(migration)) applied.push(migration.version);
  }
  return applied;
}
