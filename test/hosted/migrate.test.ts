/**
 * `npm run migrate:sqlite-to-postgres -- <sqlite file>` against a real PostgreSQL: a SQLite cache filled
 * through the SQLite adapter is copied table by table in batches; a second run changes only the row
 * that became newer, keeps a row a hosted replica refreshed meanwhile, and reports the rest as up to
 * date. The output is one summary line off a terminal, a progress bar on one, and never the password.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main, progressBar } from '../../scripts/migrate-sqlite-to-postgres.ts';
import { openSqliteStorage } from '../../src/adapters/storage/sqlite.ts';
import { CACHE_TABLES, type Storage } from '../../src/ports/storage.ts';
import { type PgServer, pgMissing, startPgServer } from '../helpers/pgServer.ts';
import { freePort, withServer } from '../helpers/serverGate.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/migrate-sqlite-to-postgres.ts');
const PASSWORD = 'Migr4te-Secret-Passw0rd';
const DAY = 86_400_000;
const RATINGS = 1234; // three batches of 500

withServer('npm run migrate:sqlite-to-postgres', pgMissing(), () => {
  let server: PgServer;
  let dir: string;
  let sqlitePath: string;
  let databaseUrl: string;
  let total = 0;

  beforeAll(async () => {
    server = await startPgServer();
    // Trust auth ignores the password, but it is in the URL and so must never be printed.
    databaseUrl = (await server.createDatabase('imported')).replace(
      'postgresql://postgres@',
      `postgresql://postgres:${PASSWORD}@`,
    );
    dir = await mkdtemp(join(tmpdir(), 'postersplus-migrate-'));
    sqlitePath = join(dir, 'postersplus.db');
    const sqlite = await openSqliteStorage({ path: sqlitePath });
    try {
      await fill(sqlite);
    } finally {
      await sqlite.close();
    }
    total = RATINGS + (CACHE_TABLES.length - 1) * 3 + 4;
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function fill(sqlite: Storage) {
    const now = Date.now() - DAY;
    for (let i = 0; i < RATINGS; i++) {
      // JSON that JSONB would mangle (\u0000, key order) and non-ASCII text must survive byte for byte.
      await sqlite.put('rating_cache', `tt${i}`, { z: i, a: 'Amélie ✓', nul: 'a\u0000b' }, DAY, now + i);
    }
    for (const table of CACHE_TABLES.filter((name) => name !== 'rating_cache')) {
      await sqlite.put(table, `${table}:permanent`, ['kept', 'forever'], null, now);
      await sqlite.put(table, `${table}:expired`, { old: true }, 1000, now - 5 * DAY);
      await sqlite.put(table, `${table}:fresh`, { n: 1.5 }, DAY, now);
    }
    for (let i = 0; i < 4; i++) {
      await sqlite.putComposite({
        key: `poster:${100 + i}:movie:abc${i}`,
        blobKey: `composites/poster/${100 + i}/movie/abc${i}~0123456789abcdef`,
        contentType: i % 2 ? 'image/jpeg' : 'image/webp',
        etag: `"etag-${i}"`,
        byteLength: 50_000 + i,
        cachedAt: now + i,
        expiresAt: now + 7 * DAY,
        tmdbId: String(100 + i),
        mediaType: i === 3 ? 'series' : 'movie',
        params: JSON.stringify({ style: { i } }),
      });
    }
  }

  /** Every row of every copied table, as plain comparable values. */
  async function snapshot(read: (sql: string) => Promise<Record<string, unknown>[]>) {
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const table of [...CACHE_TABLES, 'composite_cache']) {
      const rows = await read(`SELECT * FROM ${table} ORDER BY key`);
      tables[table] = rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [
            column,
            typeof value === 'bigint' || /_at$|byte_length/.test(column)
              ? value === null
                ? null
                : Number(value)
              : value,
          ]),
        ),
      );
    }
    return tables;
  }

  async function postgresRows() {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await snapshot(async (sql) => (await client.query(sql)).rows);
    } finally {
      await client.end();
    }
  }

  async function sqliteRows() {
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(sqlitePath, { readOnly: true });
    try {
      return await snapshot(async (sql) => db.prepare(sql).all() as Record<string, unknown>[]);
    } finally {
      db.close();
    }
  }

  /** The script as operators run it: through npm, output not a terminal. */
  async function npmRun(file: string) {
    try {
      const { stdout, stderr } = await run(
        'npm',
        ['run', '--silent', 'migrate:sqlite-to-postgres', '--', file],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  const summaryPattern = (written: number) =>
    new RegExp(
      `^copied ${total} rows from ${sqlitePath.replaceAll('.', '\\.')} to postgresql://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${server.port}/imported: ` +
        `${written} written, ${total - written} already up to date; rating_cache ${RATINGS}, quality_cache 3, .*composite_cache 4 \\(\\d+\\.\\d s\\)\\n$`,
    );

  it('copies every cache table and the composite rows, then a re-run changes only what is newer', async () => {
    const first = await npmRun(sqlitePath);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(summaryPattern(total));
    const copied = await postgresRows();
    expect(copied).toEqual(await sqliteRows());
    expect(copied.rating_cache).toHaveLength(RATINGS);
    expect(JSON.parse(String(copied.rating_cache?.[0]?.value))).toEqual({
      z: 0,
      a: 'Amélie ✓',
      nul: 'a\u0000b',
    });
    expect(copied.composite_cache?.[3]).toMatchObject({ media_type: 'tv', byte_length: 50_003 });

    // Meanwhile: the operator's old service refreshed one rating, and a hosted replica refreshed a
    // quality row in PostgreSQL after the copy.
    const sqlite = await openSqliteStorage({ path: sqlitePath });
    await sqlite.put('rating_cache', 'tt7', { z: 'refreshed' }, DAY);
    await sqlite.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `UPDATE quality_cache SET value = '["replica"]', cached_at = $1 WHERE key = 'quality_cache:fresh'`,
      [Date.now() + 1000],
    );
    await client.end();

    const second = await npmRun(sqlitePath);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(summaryPattern(1));
    const after = await postgresRows();
    const expected = await sqliteRows();
    expect(after.rating_cache).toEqual(expected.rating_cache);
    expect(after.rating_cache?.find((row) => row.key === 'tt7')?.value).toBe('{"z":"refreshed"}');
    expect(after.quality_cache?.find((row) => row.key === 'quality_cache:fresh')?.value).toBe('["replica"]');
    expect(after.composite_cache).toEqual(expected.composite_cache);

    for (const output of [first, second]) expect(output.stdout + output.stderr).not.toContain(PASSWORD);
  });

  it('draws a progress bar on a terminal, batch by batch, then the summary', async () => {
    let text = '';
    const terminal = { isTTY: true, write: (chunk: string) => (text += chunk) };
    const code = await main(
      [sqlitePath, '--batch-size=100'],
      { DATABASE_URL: databaseUrl },
      terminal,
      terminal,
    );
    expect(code).toBe(0);
    const frames = text.split('\r').filter(Boolean);
    // One frame per batch (13 of rating_cache, one per small table), one final frame, then the summary.
    expect(frames.length).toBe(13 + CACHE_TABLES.length - 1 + 1 + 1);
    expect(frames[0]).toContain(progressBar(100, total, 'rating_cache'));
    expect(text).toContain(`${progressBar(total, total, 'done')}\u001b[K\n`);
    expect(text).toMatch(/\ncopied \d+ rows .* 0 written/);
    expect(text).not.toContain(PASSWORD);
    expect(progressBar(1, 4, 'x', 8)).toBe('[##......]  25%  1/4  x');
  });

  it('--skip-composites copies the cache tables only', async () => {
    const rowsOnly = await server.createDatabase('rows_only');
    let text = '';
    const pipe = { isTTY: false, write: (chunk: string) => (text += chunk) };
    expect(await main([sqlitePath, '--skip-composites'], { DATABASE_URL: rowsOnly }, pipe, pipe)).toBe(0);
    expect(text).toMatch(/^copied \d+ rows .*release_status_cache 3 \(\d+\.\d s\)\n$/);
    const client = new pg.Client({ connectionString: rowsOnly });
    await client.connect();
    try {
      const counts = await client.query(
        'SELECT (SELECT COUNT(*) FROM composite_cache) AS composites, (SELECT COUNT(*) FROM rating_cache) AS ratings',
      );
      expect(counts.rows[0]).toEqual({ composites: '0', ratings: String(RATINGS) });
    } finally {
      await client.end();
    }
  });

  it('fails clearly and without the password: unreachable database, wrong file, no arguments', async () => {
    const port = await freePort();
    const node = (args: string[], url: string) =>
      run(process.execPath, [SCRIPT, ...args], { env: { DATABASE_URL: url }, timeout: 30_000 }).then(
        (done) => ({ code: 0, output: done.stdout + done.stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          output: error.stdout + error.stderr,
        }),
      );

    const dead = await node([sqlitePath], `postgresql://poster:${PASSWORD}@127.0.0.1:${port}/posters`);
    expect(dead.code).toBe(1);
    expect(dead.output).toContain(`postgresql://poster:***@127.0.0.1:${port}/posters`);
    expect(dead.output).not.toContain(PASSWORD);

    const notCache = join(dir, 'other.db');
    const { DatabaseSync } = await import('node:sqlite');
    new DatabaseSync(notCache).close();
    expect(await node([notCache], databaseUrl)).toMatchObject({
      code: 2,
      output: expect.stringContaining('is not a Posters+ cache (missing rating_cache'),
    });
    expect(await node([join(dir, 'missing.db')], databaseUrl)).toMatchObject({
      code: 2,
      output: expect.stringContaining('no such file'),
    });
    expect(await node([], databaseUrl)).toMatchObject({ code: 2, output: expect.stringContaining('usage:') });
    expect(await node([sqlitePath], '')).toMatchObject({
      code: 2,
      output: expect.stringContaining('DATABASE_URL must name'),
    });
  });
});
