/**
 * Hosted storage: PostgreSQL through a `pg` connection pool. `pg` is imported when this adapter opens,
 * so the default (SQLite) install never loads it.
 *
 * The schema mirrors SQLite's (migrations/postgres/), with BIGINT epoch-millisecond times. pg returns
 * BIGINT as text; every value stored here is below 2^53, so Number() converts it exactly.
 */
import type { Pool, PoolConfig } from 'pg';
import {
  CACHE_TABLES,
  type CacheEntry,
  type CacheTable,
  type CompositeRow,
  type Storage,
} from '../../ports/storage.ts';
import { BackendUnavailableError, errorText, redactUrl, scrubMessage } from '../errors.ts';
import { normaliseMediaType } from './mediaType.ts';
import { migratePostgres } from './postgresMigrations.ts';

export interface PostgresStorageOptions {
  /** postgresql:// (or postgres://) connection URL. */
  url: string;
  /** Connections the pool keeps open when idle. */
  poolMin?: number;
  /** Upper bound on concurrent connections from this process. */
  poolMax?: number;
  /** How long connecting (and waiting for a free pooled connection) may take. */
  connectTimeoutMs?: number;
  /** Client-side bound on one query, so a stuck server fails a request instead of hanging it. */
  queryTimeoutMs?: number;
  /** Errors of idle pooled connections (server restart, network cut); the pool replaces them itself. */
  onPoolError?: (message: string) => void;
  /** Migrations folder (tests point it elsewhere). */
  migrationsDir?: string;
}

interface CacheDbRow {
  value: string;
  cached_at: string;
  expires_at: string | null;
}

interface CompositeDbRow {
  key: string;
  blob_key: string;
  content_type: string;
  etag: string;
  byte_length: string;
  cached_at: string;
  expires_at: string;
  tmdb_id: string;
  media_type: string;
  params: string;
}

const COMPOSITE_COLUMNS =
  'key, blob_key, content_type, etag, byte_length, cached_at, expires_at, tmdb_id, media_type, params';

// Names come only from the closed CACHE_TABLES set; anything else never reaches SQL text.
const TABLES: ReadonlySet<string> = new Set(CACHE_TABLES);

/** postgres:// is the libpq spelling many hosts hand out; both mean the same thing. */
export function normalisePostgresUrl(url: string): string {
  return url.replace(/^postgres:\/\//i, 'postgresql://');
}

/** Everything a connection error could echo that must not reach a log: password and raw URL. */
function urlSecrets(url: string): string[] {
  const secrets = [url];
  try {
    const password = new URL(url).password;
    if (password) secrets.push(password, decodeURIComponent(password));
  } catch {}
  return secrets;
}

export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const url = normalisePostgresUrl(options.url);
  const where = `PostgreSQL at ${redactUrl(url)}`;
  const secrets = urlSecrets(options.url).concat(urlSecrets(url));
  const fail = (phase: string, error: unknown) =>
    new BackendUnavailableError(
      `DATABASE_URL: ${phase} ${where} failed: ${scrubMessage(errorText(error), secrets)}`,
    );

  const pg = await import('pg');
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const base: PoolConfig = { connectionString: url, connectionTimeoutMillis: connectTimeoutMs };

  // Migrations run on their own session: the advisory lock belongs to the connection holding it.
  const session = new pg.Client({ ...base, application_name: 'postersplus-migrate' });
  session.on('error', () => {}); // a dropped session surfaces as the failing query below
  try {
    await session.connect();
  } catch (error) {
    await session.end().catch(() => {});
    throw fail('connecting to', error);
  }
  try {
    await migratePostgres(session, options.migrationsDir);
  } catch (error) {
    throw fail('migrating', error);
  } finally {
    await session.end().catch(() => {});
  }

  const max = Math.max(1, options.poolMax ?? 10);
  const pool = new pg.Pool({
    ...base,
    application_name: 'postersplus',
    min: Math.min(Math.max(0, options.poolMin ?? 1), max),
    max,
    idleTimeoutMillis: 30_000,
    query_timeout: options.queryTimeoutMs ?? 15_000,
  });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => options.onPoolError?.(scrubMessage(errorText(error), secrets)));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw fail('connecting the pool to', error);
  }
  return new PostgresStorage(pool);
}

class PostgresStorage implements Storage {
  readonly kind = 'postgresql';
  #pool: Pool;
  #closed = false;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async #query<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    if (this.#closed) throw new Error('postgresql storage is closed');
    return (await this.#pool.query(sql, params)).rows as R[];
  }

  #table(table: CacheTable): string {
    if (!TABLES.has(table)) throw new Error(`unknown cache table: ${String(table).slice(0, 64)}`);
    return table;
  }

  async get<T = unknown>(table: CacheTable, key: string, now = Date.now()): Promise<CacheEntry<T> | null> {
    const name = this.#table(table);
    const [row] = await this.#query<CacheDbRow>(
      `SELECT value, cached_at, expires_at FROM ${name} WHERE key = $1`,
      [key],
    );
    if (!row) return null;
    const expiresAt = row.expires_at === null ? null : Number(row.expires_at);
    return {
      value: JSON.parse(row.value) as T,
      cachedAt: Number(row.cached_at),
      expiresAt,
      fresh: expiresAt === null || expiresAt > now,
    };
  }

  async put(
    table: CacheTable,
    key: string,
    value: unknown,
    ttlMs: number | null,
    now = Date.now(),
  ): Promise<void> {
    const name = this.#table(table);
    if (ttlMs !== null && !Number.isFinite(ttlMs)) throw new RangeError('ttlMs must be finite or null');
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('cache value is not JSON-serialisable');
    const cachedAt = Math.round(now);
    await this.#query(
      `INSERT INTO ${name} (key, value, cached_at, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET
         value = excluded.value, cached_at = excluded.cached_at, expires_at = excluded.expires_at`,
      [key, json, cachedAt, ttlMs === null ? null : Math.round(now + ttlMs)],
    );
  }

  async delete(table: CacheTable, key: string): Promise<void> {
    await this.#query(`DELETE FROM ${this.#table(table)} WHERE key = $1`, [key]);
  }

  async pruneExpired(table: CacheTable, olderThan: number): Promise<number> {
    const name = this.#table(table);
    if (this.#closed) throw new Error('postgresql storage is closed');
    // Integer column: `< x` is `< ceil(x)`, which keeps the parameter a valid BIGINT.
    const result = await this.#pool.query(
      `DELETE FROM ${name} WHERE expires_at IS NOT NULL AND expires_at < $1`,
      [bigintBound(Math.ceil(olderThan))],
    );
    return result.rowCount ?? 0;
  }

  async count(table: CacheTable): Promise<number> {
    const [row] = await this.#query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${this.#table(table)}`);
    return Number(row?.n ?? 0);
  }

  async getComposite(key: string): Promise<CompositeRow | null> {
    const [row] = await this.#query<CompositeDbRow>(
      `SELECT ${COMPOSITE_COLUMNS} FROM composite_cache WHERE key = $1`,
      [key],
    );
    return row ? toComposite(row) : null;
  }

  async putComposite(row: CompositeRow): Promise<void> {
    await this.#query(
      `INSERT INTO composite_cache (${COMPOSITE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (key) DO UPDATE SET
         blob_key = excluded.blob_key, content_type = excluded.content_type, etag = excluded.etag,
         byte_length = excluded.byte_length, cached_at = excluded.cached_at,
         expires_at = excluded.expires_at, tmdb_id = excluded.tmdb_id,
         media_type = excluded.media_type, params = excluded.params`,
      [
        row.key,
        row.blobKey,
        row.contentType,
        row.etag,
        // BIGINT columns take whole numbers only; callers pass Date.now()-based values already.
        Math.round(row.byteLength),
        Math.round(row.cachedAt),
        Math.round(row.expiresAt),
        row.tmdbId,
        normaliseMediaType(row.mediaType),
        row.params,
      ],
    );
  }

  async deleteComposite(key: string): Promise<CompositeRow | null> {
    const [row] = await this.#query<CompositeDbRow>(
      `DELETE FROM composite_cache WHERE key = $1 RETURNING ${COMPOSITE_COLUMNS}`,
      [key],
    );
    return row ? toComposite(row) : null;
  }

  async listExpiredComposites(now: number, limit: number): Promise<CompositeRow[]> {
    if (this.#closed) throw new Error('postgresql storage is closed');
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    // Integer column: `<= x` is `<= floor(x)`.
    const rows = await this.#query<CompositeDbRow>(
      `SELECT ${COMPOSITE_COLUMNS} FROM composite_cache WHERE expires_at <= $1
       ORDER BY expires_at, key LIMIT $2`,
      [bigintBound(Math.floor(now)), Math.min(max, 2 ** 31 - 1)],
    );
    return rows.map(toComposite);
  }

  async listCompositesForTitle(tmdbId: string, mediaType: string): Promise<CompositeRow[]> {
    const rows = await this.#query<CompositeDbRow>(
      `SELECT ${COMPOSITE_COLUMNS} FROM composite_cache WHERE tmdb_id = $1 AND media_type = $2 ORDER BY key`,
      [tmdbId, normaliseMediaType(mediaType)],
    );
    return rows.map(toComposite);
  }

  async countComposites(): Promise<number> {
    const [row] = await this.#query<{ n: string }>('SELECT COUNT(*) AS n FROM composite_cache');
    return Number(row?.n ?? 0);
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/** Clamps a cut-off into BIGINT range (±Infinity and huge values would not bind). */
function bigintBound(value: number): string {
  if (Number.isNaN(value)) throw new RangeError('time bound must be a number');
  const limit = 9_223_372_036_854_775_807n;
  if (value === Number.POSITIVE_INFINITY) return limit.toString();
  if (value === Number.NEGATIVE_INFINITY) return (-limit).toString();
  let big = BigInt(value);
  if (big > limit) big = limit;
  if (big < -limit) big = -limit;
  return big.toString();
}

function toComposite(row: CompositeDbRow): CompositeRow {
  return {
    key: row.key,
    blobKey: row.blob_key,
    contentType: row.content_type,
    etag: row.etag,
    byteLength: Number(row.byte_length),
    cachedAt: Number(row.cached_at),
    expiresAt: Number(row.expires_at),
    tmdbId: row.tmdb_id,
    mediaType: row.media_type,
    params: row.params,
  };
}
