/**
 * One-shot copy of an existing SQLite cache into PostgreSQL, for operators moving to the hosted backends:
 *
 *   DATABASE_URL=postgresql://user:pass@host/db npm run migrate:sqlite-to-postgres -- ./data/postersplus.db
 *
 * Copies every cache table and the composite rows (the rows only: poster bytes stay where they are, see
 * docs/HOSTING.md; `--skip-composites` leaves the rows out too). The SQLite file is opened read-only, so a running service may keep using it. Rows go
 * over in batches as upserts where the newer row wins (by cached_at): a re-run changes nothing, an
 * interrupted run is simply repeated, and rows a hosted replica already refreshed are never rolled back.
 * A progress bar on a terminal, one summary line always. The database password is never printed.
 */
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { errorText, redactUrl, scrubMessage } from '../src/adapters/errors.ts';
import { normalisePostgresUrl, openPostgresStorage } from '../src/adapters/storage/postgres.ts';
import { CACHE_TABLES } from '../src/ports/storage.ts';

const CACHE_COLUMNS = ['key', 'value', 'cached_at', 'expires_at'] as const;
const COMPOSITE_COLUMNS = [
  'key',
  'blob_key',
  'content_type',
  'etag',
  'byte_length',
  'cached_at',
  'expires_at',
  'tmdb_id',
  'media_type',
  'params',
] as const;
/** Every table copied, with its columns; names come from this closed list only, never from input. */
const TABLES: readonly { name: string; columns: readonly string[] }[] = [
  ...CACHE_TABLES.map((name) => ({ name, columns: CACHE_COLUMNS })),
  { name: 'composite_cache', columns: COMPOSITE_COLUMNS },
];
const DEFAULT_BATCH = 500;

export interface Output {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface TableResult {
  table: string;
  read: number;
  /** Inserted, or updated because the SQLite row was newer. */
  written: number;
}

export interface MigrationOptions {
  sqlitePath: string;
  databaseUrl: string;
  batchSize?: number;
  /**
   * Leave composite_cache out. For a move to a bucket behind a CDN without copying the poster files:
   * a row is redirected to the CDN without the blob being read, so a row without its file would send
   * clients to a 404 until it expires. Without a CDN a missing file is only a cache miss.
   */
  skipComposites?: boolean;
  /** Where the progress bar goes when it is a terminal. */
  out?: Output;
}

export class MigrationError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'MigrationError';
    this.exitCode = exitCode;
  }
}

/** `[##########..........]  50%  250/500 rating_cache`: fixed width, so `\r` redraws it in place. */
export function progressBar(done: number, total: number, label: string, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}  ${done}/${total}  ${label}`;
}

/** Everything a driver error could echo that must not be printed: the raw URLs and the password. */
function secretsOf(url: string): string[] {
  const secrets = [url, normalisePostgresUrl(url)];
  try {
    const password = new URL(url).password;
    if (password) secrets.push(password, decodeURIComponent(password));
  } catch {}
  return secrets;
}

function openSqlite(path: string): DatabaseSync {
  if (!existsSync(path)) throw new MigrationError(`no such file: ${path}`, 2);
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch (error) {
    throw new MigrationError(`cannot open ${path} as SQLite: ${errorText(error)}`, 2);
  }
  try {
    const present = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    const missing = TABLES.filter((table) => !present.has(table.name)).map((table) => table.name);
    if (missing.length > 0) {
      throw new MigrationError(`${path} is not a Posters+ cache (missing ${missing.join(', ')})`, 2);
    }
  } catch (error) {
    db.close();
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(`cannot read ${path} as SQLite: ${errorText(error)}`, 2);
  }
  return db;
}

/** Multi-row upsert; the WHERE keeps a PostgreSQL row that is as new as the incoming one or newer. */
function upsertSql(table: string, columns: readonly string[], rows: number): string {
  const values = Array.from(
    { length: rows },
    (_, row) => `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(', ')})`,
  );
  const updates = columns
    .filter((column) => column !== 'key')
    .map((column) => `${column} = excluded.${column}`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}
    ON CONFLICT (key) DO UPDATE SET ${updates.join(', ')}
    WHERE ${table}.cached_at < excluded.cached_at`;
}

export async function migrateSqliteToPostgres(options: MigrationOptions): Promise<TableResult[]> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const secrets = secretsOf(options.databaseUrl);
  const tables = TABLES.filter((table) => !(options.skipComposites && table.name === 'composite_cache'));
  const sqlite = openSqlite(options.sqlitePath);
  const tty = options.out?.isTTY === true ? options.out : null;
  try {
    // Opening the storage creates or upgrades the schema (under the migration advisory lock).
    const storage = await openPostgresStorage({ url: options.databaseUrl, poolMin: 0, poolMax: 1 }).catch(
      (error: unknown) => {
        throw new MigrationError(errorText(error), 1);
      },
    );
    await storage.close();

    const client = new pg.Client({
      connectionString: normalisePostgresUrl(options.databaseUrl),
      connectionTimeoutMillis: 5000,
      application_name: 'postersplus-sqlite-import',
    });
    client.on('error', () => {}); // a dropped connection surfaces as the failing query
    try {
      await client.connect();
      const counts = tables.map(
        (table) => (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table.name}`).get() as { n: number }).n,
      );
      const total = counts.reduce((sum, n) => sum + n, 0);
      let done = 0;
      const results: TableResult[] = [];
      for (const table of tables) {
        const page = sqlite.prepare(
          `SELECT ${table.columns.join(', ')} FROM ${table.name} WHERE key > ? ORDER BY key LIMIT ?`,
        );
        const result: TableResult = { table: table.name, read: 0, written: 0 };
        // Keyset pagination: each batch starts after the last key of the previous one.
        for (let after = ''; ; ) {
          const rows = page.all(after, batchSize) as Record<string, unknown>[];
          if (rows.length === 0) break;
          const params = rows.flatMap((row) => table.columns.map((column) => row[column] ?? null));
          const answer = await client.query(upsertSql(table.name, table.columns, rows.length), params);
          result.read += rows.length;
          result.written += answer.rowCount ?? 0;
          done += rows.length;
          after = String(rows[rows.length - 1]?.key);
          tty?.write(`\r${progressBar(done, total, table.name)}\u001b[K`);
        }
        results.push(result);
      }
      tty?.write(`\r${progressBar(done, total, 'done')}\u001b[K\n`);
      return results;
    } catch (error) {
      if (error instanceof MigrationError) throw error;
      throw new MigrationError(
        `copying into PostgreSQL at ${redactUrl(normalisePostgresUrl(options.databaseUrl))} failed: ${scrubMessage(errorText(error), secrets)}`,
        1,
      );
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    sqlite.close();
  }
}

/** `copied 1234 rows … : 1200 written, 34 already up to date; rating_cache 1000, … (0.8 s)`. */
export function summaryLine(
  sqlitePath: string,
  databaseUrl: string,
  results: readonly TableResult[],
  seconds: number,
): string {
  const read = results.reduce((sum, result) => sum + result.read, 0);
  const written = results.reduce((sum, result) => sum + result.written, 0);
  const tables = results.map((result) => `${result.table} ${result.read}`).join(', ');
  return (
    `copied ${read} rows from ${sqlitePath} to ${redactUrl(normalisePostgresUrl(databaseUrl))}: ` +
    `${written} written, ${read - written} already up to date; ${tables} (${seconds.toFixed(1)} s)`
  );
}

const USAGE =
  'usage: DATABASE_URL=postgresql://… npm run migrate:sqlite-to-postgres -- <sqlite file> [--batch-size=N] [--skip-composites]';

export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  out: Output,
  err: Output,
): Promise<number> {
  const files = argv.filter((arg) => !arg.startsWith('--'));
  const flags = argv.filter((arg) => arg.startsWith('--'));
  let batchSize = DEFAULT_BATCH;
  let skipComposites = false;
  for (const flag of flags) {
    if (flag === '--skip-composites') {
      skipComposites = true;
      continue;
    }
    const match = /^--batch-size=(\d+)$/.exec(flag);
    const value = Number(match?.[1]);
    if (!match || value < 1 || value > 5000) {
      err.write(`unknown or invalid option ${flag.slice(0, 40)} (--batch-size takes 1–5000)\n${USAGE}\n`);
      return 2;
    }
    batchSize = value;
  }
  const [sqlitePath] = files;
  if (files.length !== 1 || !sqlitePath) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    err.write(`DATABASE_URL must name the PostgreSQL database to copy into (postgresql://…)\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  try {
    const results = await migrateSqliteToPostgres({
      sqlitePath,
      databaseUrl,
      batchSize,
      skipComposites,
      out,
    });
    out.write(`${summaryLine(sqlitePath, databaseUrl, results, (performance.now() - started) / 1000)}\n`);
    return 0;
  } catch (error) {
    const message =
      error instanceof MigrationError
        ? error.message
        : scrubMessage(errorText(error), secretsOf(databaseUrl));
    err.write(`migrate:sqlite-to-postgres: ${message}\n`);
    return error instanceof MigrationError ? error.exitCode : 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), process.env, process.stdout, process.stderr);
}
