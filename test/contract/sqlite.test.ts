import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/adapters/storage/migrate.ts';
import { openSqliteStorage } from '../../src/adapters/storage/sqlite.ts';
import { migrateSqlite, SQLITE_MIGRATIONS_DIR } from '../../src/adapters/storage/sqliteMigrations.ts';
import { CACHE_TABLES } from '../../src/ports/storage.ts';
import { describeStorageContract } from './storage.suite.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'postersplus-sqlite-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describeStorageContract('sqlite', {
  open: () => openSqliteStorage({ path: join(root, 'contract', 'cache.db') }),
  reopenable: true,
});

describeStorageContract('sqlite :memory:', {
  open: () => openSqliteStorage({ path: ':memory:' }),
  reopenable: false,
});

/** Reads the file behind the adapter's back, the way an operator with the sqlite3 shell would. */
function inspect<T>(path: string, read: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('sqlite adapter', () => {
  it('creates missing parent directories and uses WAL', async () => {
    const path = join(root, 'new', 'deeper', 'cache.db');
    const storage = await openSqliteStorage({ path });
    expect(storage.kind).toBe('sqlite');
    await storage.close();
    expect(inspect(path, (db) => db.prepare('PRAGMA journal_mode').get())).toEqual({ journal_mode: 'wal' });
  });

  it('creates every cache table, the composite table, and their expiry indexes', async () => {
    const path = join(root, 'schema', 'cache.db');
    await (await openSqliteStorage({ path })).close();
    const names = inspect(path, (db) =>
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index')")
        .all()
        .map((row) => row.name),
    );
    for (const table of CACHE_TABLES) {
      expect(names).toContain(table);
      expect(names).toContain(`${table}_expires_at`);
    }
    expect(names).toEqual(
      expect.arrayContaining(['composite_cache', 'composite_cache_expires_at', 'composite_cache_title']),
    );
  });

  it('records each migration once, however often the file is reopened', async () => {
    const path = join(root, 'reopen', 'cache.db');
    const first = await openSqliteStorage({ path });
    await first.put('rating_cache', 'tt1', { imdb: 7 }, null);
    await first.close();
    for (let i = 0; i < 3; i++) await (await openSqliteStorage({ path })).close();

    const versions = (await loadMigrations(SQLITE_MIGRATIONS_DIR)).map((m) => m.version);
    expect(versions[0]).toBe(1);
    const recorded = inspect(path, (db) =>
      db.prepare('SELECT version FROM schema_migrations ORDER BY version').all(),
    );
    expect(recorded.map((row) => row.version)).toEqual(versions);

    const again = await openSqliteStorage({ path });
    expect((await again.get('rating_cache', 'tt1'))?.value).toEqual({ imdb: 7 });
    await again.close();
  });

  it('opens one file from several handles at once', async () => {
    const path = join(root, 'parallel', 'cache.db');
    const handles = await Promise.all(Array.from({ length: 4 }, () => openSqliteStorage({ path })));
    await Promise.all(handles.map((h, i) => h.put('rating_cache', `k${i}`, i, null)));
    expect(await handles[0]!.count('rating_cache')).toBe(4);
    await Promise.all(handles.map((h) => h.close()));
  });

  it('rejects operations after close', async () => {
    const storage = await openSqliteStorage({ path: join(root, 'closed', 'cache.db') });
    await storage.close();
    await expect(storage.get('rating_cache', 'x')).rejects.toThrow(/closed/);
    await expect(storage.getComposite('x')).rejects.toThrow(/closed/);
  });
});

describe('migration runner', () => {
  async function dialect(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(root, 'dialect-'));
    for (const [name, sql] of Object.entries(files)) await writeFile(join(dir, name), sql);
    return dir;
  }

  it('orders files by version number, not by name', async () => {
    const dir = await dialect({
      '010_c.sql': '',
      '002_b.sql': '',
      '1_a.sql': '',
      'README.md': 'ignored',
    });
    expect((await loadMigrations(dir)).map((m) => [m.version, m.name])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [10, 'c'],
    ]);
  });

  it('refuses duplicate versions and misnamed files', async () => {
    await expect(loadMigrations(await dialect({ '001_a.sql': '', '1_b.sql': '' }))).rejects.toThrow(
      /version 1/,
    );
    await expect(loadMigrations(await dialect({ 'init.sql': '' }))).rejects.toThrow(/001_name/);
  });

  it('applies new migrations in order and skips recorded ones', async () => {
    const dir = await dialect({
      '001_a.sql': 'CREATE TABLE a (x INTEGER);',
      '002_b.sql': 'INSERT INTO a VALUES (1);',
    });
    const db = new DatabaseSync(':memory:');
    expect(await migrateSqlite(db, dir)).toEqual([1, 2]);
    expect(await migrateSqlite(db, dir)).toEqual([]);
    await writeFile(join(dir, '003_c.sql'), 'INSERT INTO a VALUES (3);');
    expect(await migrateSqlite(db, dir)).toEqual([3]);
    expect(
      db
        .prepare('SELECT x FROM a ORDER BY x')
        .all()
        .map((r) => r.x),
    ).toEqual([1, 3]);
    db.close();
  });

  it('rolls a failing migration back entirely and records nothing for it', async () => {
    const dir = await dialect({
      '001_a.sql': 'CREATE TABLE a (x INTEGER);',
      '002_bad.sql': 'CREATE TABLE half (y INTEGER); INSERT INTO a VALUES (2); SELECT * FROM no_such_table;',
    });
    const db = new DatabaseSync(':memory:');
    await expect(migrateSqlite(db, dir)).rejects.toThrow(/no_such_table/);
    expect(db.isTransaction).toBe(false);
    expect(
      db
        .prepare('SELECT version FROM schema_migrations')
        .all()
        .map((r) => r.version),
    ).toEqual([1]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM a').get()).toEqual({ n: 0 });
    db.close();
  });

  it('asks the target about every migration, in order', async () => {
    const seen: number[] = [];
    const applied = await migrate(
      {
        prepare: async () => {},
        applyIfNew: async (m) => {
          seen.push(m.version);
          return m.version !== 2;
        },
      },
      [
        { version: 1, name: 'a', sql: '' },
        { version: 2, name: 'b', sql: '' },
        { version: 3, name: 'c', sql: '' },
      ],
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(applied).toEqual([1, 3]);
  });
});
