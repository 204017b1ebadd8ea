/**
 * Storage port: the metadata and cache tables. SQLite by default, PostgreSQL when DATABASE_URL is set.
 *
 * Every cache table has the same shape (key → JSON value with a cached-at time and an optional expiry),
 * so one small interface serves them all. Expired rows are still returned (marked `fresh: false`)
 * because the facts layer serves stale values while an upstream is down.
 */

/** Names of the key/value cache tables. A closed set: table names never come from user input. */
export const CACHE_TABLES = [
  'rating_cache',
  'quality_cache',
  'trending_cache',
  'tmdb_metadata_cache',
  'imdb_to_tmdb_cache',
  'digital_release_cache',
  'release_status_cache',
] as const;
export type CacheTable = (typeof CACHE_TABLES)[number];

export interface CacheEntry<T = unknown> {
  value: T;
  /** Epoch milliseconds when the value was written. */
  cachedAt: number;
  /** Epoch milliseconds after which the value is stale; null = never expires. */
  expiresAt: number | null;
  /** expiresAt is null or in the future at read time. */
  fresh: boolean;
}

/** One stored composite poster: the row that says where its bytes are. */
export interface CompositeRow {
  key: string;
  blobKey: string;
  contentType: string;
  etag: string;
  byteLength: number;
  cachedAt: number;
  expiresAt: number;
  /** TMDB id and media type, so a title's composites can be invalidated together. */
  tmdbId: string;
  mediaType: string;
  /** The normalised request (never containing a secret), replayable by background refreshes. */
  params: string;
}

export interface Storage {
  readonly kind: string;
  /** Reads a cache row, fresh or stale; null when absent. */
  get<T = unknown>(table: CacheTable, key: string, now?: number): Promise<CacheEntry<T> | null>;
  /** Inserts or replaces a cache row. ttlMs null = permanent. */
  put(table: CacheTable, key: string, value: unknown, ttlMs: number | null, now?: number): Promise<void>;
  delete(table: CacheTable, key: string): Promise<void>;
  /** Deletes rows whose expiry is older than `olderThan` (epoch ms); returns how many went. */
  pruneExpired(table: CacheTable, olderThan: number): Promise<number>;
  count(table: CacheTable): Promise<number>;

  getComposite(key: string): Promise<CompositeRow | null>;
  putComposite(row: CompositeRow): Promise<void>;
  /** Deletes the row and returns it (so the caller can delete its blob after the row is gone). */
  deleteComposite(key: string): Promise<CompositeRow | null>;
  /** Up to `limit` rows expired before `now`, oldest expiry first. */
  listExpiredComposites(now: number, limit: number): Promise<CompositeRow[]>;
  /** Rows of one title (tv and series are the same media type). */
  listCompositesForTitle(tmdbId: string, mediaType: string): Promise<CompositeRow[]>;
  countComposites(): Promise<number>;

  /** Cheap round trip proving the backend answers. Throws when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
