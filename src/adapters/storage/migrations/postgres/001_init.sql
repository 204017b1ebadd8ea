-- Key/value cache tables: one per name in CACHE_TABLES (src/ports/storage.ts), all the same shape.
-- value is JSON text (TEXT, not JSONB: JSONB refuses the \u0000 escape and reorders keys); times are
-- epoch milliseconds in BIGINT; expires_at NULL means permanent.

CREATE TABLE rating_cache (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  cached_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX rating_cache_expires_at ON rating_cache (expires_at);

CREATE TABLE quality_cache (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  cached_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX quality_cache_expires_at ON quality_cache (expires_at);

CREATE TABLE trending_cache (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  cached_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX trending_cache_expires_at ON trending_cache (expires_at);

CREATE TABLE tmdb_metadata_cache (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  cached_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX tmdb_metadata_cache_expires_at ON tmdb_metadata_cache (expires_at);

CREATE TABLE imdb_to_tmdb_cache (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  cached_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX imdb_to_tmdb_cache_expires_at ON imdb_to_tmdb_cache (expires_at);

CREATE TABLE digital_release_cache (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  cached_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX digital_release_cache_expires_at ON digital_release_cache (expires_at);

CREATE TABLE release_status_cache (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  cached_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX release_status_cache_expires_at ON release_status_cache (expires_at);

-- Composite posters: the row says where the bytes are (blob_key). media_type is stored normalised
-- ('series' becomes 'tv') so a title's rows are found with one equality lookup.
CREATE TABLE composite_cache (
  key TEXT PRIMARY KEY NOT NULL,
  blob_key TEXT NOT NULL,
  content_type TEXT NOT NULL,
  etag TEXT NOT NULL,
  byte_length BIGINT NOT NULL,
  cached_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  tmdb_id TEXT NOT NULL,
  media_type TEXT NOT NULL,
  params TEXT NOT NULL
);
CREATE INDEX composite_cache_expires_at ON composite_cache (expires_at);
CREATE INDEX composite_cache_title ON composite_cache (tmdb_id, media_type);
