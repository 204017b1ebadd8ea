/**
 * Default storage: one SQLite file through the built-in `node:sqlite`, so the zero-config install
 * needs no native addon. The driver is synchronous; calls are short indexed statements, and the
 * async interface keeps the PostgreSQL adapter a drop-in replacement.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import {
  CACHE_TABLES,
  type CacheEntry,
  type CacheTable,
  type CompositeRow,
  type Storage,
} from '../../ports/storage.ts';
import { normaliseMediaType } from './mediaType.ts';
import { migrateSqlite } from './sqliteMigrations.ts';

export interface SqliteStorageOptions {
  /** Database file; its directory is created when missing. ':memory:' for a private in-memory db. */
  path: string;
  /** How long a statement waits for another connection's write lock. */
  busyTimeoutMs?: number;
}

interface TableStatements {
  get: StatementSync;
  put: StatementSync;
  delete: StatementSync;
  prune: StatementSync;
  count: StatementSync;
}

interface CacheRow {
  value: string;
  cached_at: number;
  expires_at: number | null;
}

interface CompositeDbRow {
  key: string;
  blob_key: string;
  content_type: string;
  etag: string;
  byte_length: number;
  cached_at: number;
  expires_at: number;
  tmdb_id: string;
  media_type: string;
  params: string;
}

const COMPOSITE_COLUMNS =
  'key, blob_key, content_type, etag, byte_length, cached_at, expires_at, tmdb_id, media_type, params';

export async function openSqliteStorage(options: SqliteStorageOptions): Promise<Storage> {
  if (options.path !== ':memory:') await mkdir(dirname(options.path), { recursive: true });
  const db = new DatabaseSync(options.path, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    await migrateSqlite(db);
    return new SqliteStorage(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  #db: DatabaseSync;
  // Statements are prepared once per table name of the closed CACHE_TABLES set: a name outside it
  // has no statements, so it can never reach the SQL text.
  #tables = new Map<string, TableStatements>();
  #composite: Record<
    'get' | 'put' | 'delete' | 'listExpired' | 'listForTitle' | 'count' | 'ping',
    StatementSync
  >;

  constructor(db: DatabaseSync) {
    this.#db = db;
    for (const table of CACHE_TABLES) {
      this.#tables.set(table, {
        get: db.prepare(`SELECT value, cached_at, expires_at FROM ${table} WHERE key = ?`),
        put: db.prepare(
          `INSERT INTO ${table} (key, value, cached_at, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET
             value = excluded.value, cached_at = excluded.cached_at, expires_at = excluded.expires_at`,
        ),
        delete: db.prepare(`DELETE FROM ${table} WHERE key = ?`),
        prune: db.prepare(`DELETE FROM ${table} WHERE expires_at IS NOT NULL AND expires_at < ?`),
        count: db.prepare(`SELECT COUNT(*) AS n FROM ${table}`),
      });
    }
    this.#composite = {
      get: db.prepare(`SELECT ${COMPOSITE_COLUMNS} FROM composite_cache WHERE key = ?`),
      put: db.prepare(
        `INSERT OR REPLACE INTO composite_cache (${COMPOSITE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      delete: db.prepare(`DELETE FROM composite_cache WHERE key = ? RETURNING ${COMPOSITE_COLUMNS}`),
      listExpired: db.prepare(
        `SELECT ${COMPOSITE_COLUMNS} FROM composite_cache WHERE expires_at <= ?
         ORDER BY expires_at, key LIMIT ?`,
      ),
      listForTitle: db.prepare(
        `SELECT ${COMPOSITE_COLUMNS} FROM composite_cache WHERE tmdb_id = ? AND media_type = ? ORDER BY key`,
      ),
      count: db.prepare('SELECT COUNT(*) AS n FROM composite_cache'),
      ping: db.prepare('SELECT 1 AS ok'),
    };
  }

  #table(table: CacheTable): TableStatements {
    this.#assertOpen();
    const statements = this.#tables.get(table);
    if (!statements) throw new Error(`unknown cache table: ${String(table).slice(0, 64)}`);
    return statements;
  }

  #assertOpen(): void {
    if (!this.#db.isOpen) throw new Error('sqlite storage is closed');
  }

  async get<T = unknown>(table: CacheTable, key: string, now = Date.now()): Promise<CacheEntry<T> | null> {
    const row = this.#table(table).get.get(key) as CacheRow | undefined;
    if (!row) return null;
    return {
      value: JSON.parse(row.value) as T,
      cachedAt: row.cached_at,
      expiresAt: row.expires_at,
      fresh: row.expires_at === null || row.expires_at > now,
    };
  }

  async put(
    table: CacheTable,
    key: string,
    value: unknown,
    ttlMs: number | null,
    now = Date.now(),
  ): Promise<void> {
    const statements = this.#table(table);
    if (ttlMs !== null && !Number.isFinite(ttlMs)) throw new RangeError('ttlMs must be finite or null');
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('cache value is not JSON-serialisable');
    const cachedAt = Math.round(now);
    statements.put.run(key, json, cachedAt, ttlMs === null ? null : Math.round(now + ttlMs));
  }

  async delete(table: CacheTable, key: string): Promise<void> {
    this.#table(table).delete.run(key);
  }

  async pruneExpired(table: CacheTable, olderThan: number): Promise<number> {
    return Number(this.#table(table).prune.run(olderThan).changes);
  }

  async count(table: CacheTable): Promise<number> {
    return (this.#table(table).count.get() as { n: number }).n;
  }

  async getComposite(key: string): Promise<CompositeRow | null> {
    this.#assertOpen();
    const row = this.#composite.get.get(key) as CompositeDbRow | undefined;
    return row ? toComposite(row) : null;
  }

  async putComposite(row: CompositeRow): Promise<void> {
    this.#assertOpen();
    this.#composite.put.run(
      row.key,
      row.blobKey,
      row.contentType,
      row.etag,
      row.byteLength,
      row.cachedAt,
      row.expiresAt,
      row.tmdbId,
      normaliseMediaType(row.mediaType),
      row.params,
    );
  }

  async deleteComposite(key: string): Promise<CompositeRow | null> {
    this.#assertOpen();
    const row = this.#composite.delete.get(key) as CompositeDbRow | undefined;
    return row ? toComposite(row) : null;
  }

  async listExpiredComposites(now: number, limit: number): Promise<CompositeRow[]> {
    this.#assertOpen();
    // SQLite reads a negative LIMIT as "no limit"; a caller asking for none must get none.
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    return (this.#composite.listExpired.all(now, max) as unknown as CompositeDbRow[]).map(toComposite);
  }

  async listCompositesForTitle(tmdbId: string, mediaType: string): Promise<CompositeRow[]> {
    this.#assertOpen();
    const rows = this.#composite.listForTitle.all(tmdbId, normaliseMediaType(mediaType));
    return (rows as unknown as CompositeDbRow[]).map(toComposite);
  }

  async countComposites(): Promise<number> {
    this.#assertOpen();
    return (this.#composite.count.get() as { n: number }).n;
  }

  async ping(): Promise<void> {
    this.#assertOpen();
    this.#composite.ping.get();
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}

function toComposite(row: CompositeDbRow): CompositeRow {
  return {
    key: row.key,
    blobKey: row.blob_key,
    contentType: row.content_type,
    etag: row.etag,
    byteLength: row.byte_length,
    cachedAt: row.cached_at,
    expiresAt: row.expires_at,
    tmdbId: row.tmdb_id,
    mediaType: row.media_type,
    params: row.params,
  };
}
