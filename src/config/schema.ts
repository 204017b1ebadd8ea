/**
 * Every environment variable the service reads, in one table. Parsed once at boot (load.ts).
 * The README's configuration table and .env.example are generated from this table
 * (`npm run docs:config`), and a test fails when they drift.
 */
import {
  autoOrSecondsVar,
  booleanVar,
  enumVar,
  integerVar,
  numberVar,
  secretVar,
  stringVar,
  urlVar,
  withAliases,
} from './vars.ts';

/** `12.5` seconds → `12500` ms; anything else passes through for the target's own error message. */
const secondsToMs = (raw: string) =>
  /^\d+(\.\d+)?$/.test(raw) ? String(Math.round(Number(raw) * 1000)) : raw;
const PYTHON = 'the Python service’s name';

const SERVER = 'Server';
const UPSTREAM = 'Upstream sources';
const ACCESS = 'Access';
const BACKENDS = 'Hosted backends';
const OUTPUT = 'Output';
const POSTERS = 'Posters and caching';
const LOGGING = 'Logging';

export const CONFIG_SCHEMA = {
  PORT: integerVar(SERVER, 'TCP port to listen on.', 8000, 0, 65535),
  HOST: stringVar(SERVER, 'Interface to bind (0.0.0.0 = all, 127.0.0.1 = loopback only).', '0.0.0.0'),
  DATA_DIR: stringVar(
    SERVER,
    'Directory for the SQLite database, rendered posters and art caches.',
    './data',
  ),
  SHUTDOWN_TIMEOUT_MS: integerVar(
    SERVER,
    'On SIGTERM, how long in-flight requests may take before the server closes anyway (ms).',
    10000,
    0,
    120000,
  ),
  WORKERS: integerVar(
    SERVER,
    'Worker processes sharing the port (node:cluster); /metrics then aggregates all of them.',
    1,
    1,
    64,
  ),
  READY_PROBE_TIMEOUT_MS: integerVar(
    SERVER,
    'A /ready backend probe slower than this counts as down (ms).',
    2000,
    100,
    30000,
  ),

  TMDB_API_KEY: withAliases(
    secretVar(
      UPSTREAM,
      'Server TMDB v3 key. Unset on a single box (DEMO_MODE=auto) = demo mode: a built-in offline catalogue.',
    ),
    [{ name: 'SERVER_TMDB_KEY', note: PYTHON }],
  ),
  DEMO_MODE: enumVar(
    UPSTREAM,
    'auto: demo catalogue when TMDB_API_KEY is unset, but refuse to start (exit 2) if DATABASE_URL, REDIS_URL or OBJECT_STORE_URL is set. off: no key = refuse to start (the image, compose and k8s set this). on: demo catalogue even with a key (never with a hosted backend).',
    ['auto', 'on', 'off'],
    'auto',
  ),
  TMDB_API_BASE: urlVar(
    UPSTREAM,
    'TMDB API base URL (point it at a caching proxy if you have one).',
    'https://api.themoviedb.org/3',
  ),
  TMDB_IMAGE_BASE: urlVar(UPSTREAM, 'TMDB image CDN base URL.', 'https://image.tmdb.org/t/p'),
  MDBLIST_API_KEY: withAliases(secretVar(UPSTREAM, 'MDBList key for ratings, keywords and age ratings.'), [
    { name: 'SERVER_MDBLIST_KEY', note: PYTHON },
  ]),
  MDBLIST_API_KEY_2: withAliases(
    secretVar(UPSTREAM, 'Second MDBList key, used while the first is rate-limited.'),
    [{ name: 'SERVER_MDBLIST_KEY_2', note: PYTHON }],
  ),
  MDBLIST_API_BASE: urlVar(UPSTREAM, 'MDBList API base URL.', 'https://api.mdblist.com'),
  QUALITY_SOURCE: enumVar(
    UPSTREAM,
    'Where stream-quality badges come from. qualicache (accepted by the Python service) is refused at boot: use aiostreams or scraper.',
    ['aiostreams', 'scraper'],
    'aiostreams',
    {},
    {
      qualicache:
        'qualicache is not supported by Posters+: set QUALITY_SOURCE=aiostreams (AIOSTREAMS_URL, AIOSTREAMS_AUTH) or QUALITY_SOURCE=scraper (SCRAPER_URL = any Stremio stream addon, e.g. the one QualiCache crawls)',
    },
  ),
  AIOSTREAMS_URL: urlVar(UPSTREAM, 'AIOStreams base URL (QUALITY_SOURCE=aiostreams).'),
  AIOSTREAMS_AUTH: secretVar(UPSTREAM, 'AIOStreams credentials, base64 of uuid:password.'),
  SCRAPER_URL: urlVar(UPSTREAM, 'Any Stremio stream addon base URL (QUALITY_SOURCE=scraper).', '', {
    secret: true,
  }),
  ARCTIC_SHIFT_BASE: urlVar(
    UPSTREAM,
    'Arctic Shift API base URL for digital-release detection.',
    'https://arctic-shift.photon-reddit.com',
  ),
  METAHUB_BASE: urlVar(
    UPSTREAM,
    'Metahub image base URL: the logo by IMDb id when TMDB has none in the wanted languages (empty = skip).',
    'https://images.metahub.space',
  ),

  MDBLIST_CONCURRENCY: integerVar(
    UPSTREAM,
    'MDBList requests in flight per process (the rest queue); 0 = no cap, as in the Python service.',
    3,
    0,
    64,
  ),
  RATING_MIN_VOTES: integerVar(
    UPSTREAM,
    'A rating source with fewer votes than this is ignored.',
    10,
    0,
    100000,
  ),
  TMDB_POSTER_MIN_VOTES: integerVar(
    UPSTREAM,
    'Prefer textless posters with at least this many TMDB votes.',
    3,
    0,
    1000,
  ),
  TMDB_POSTER_MAX_SCORE_DROP: numberVar(
    UPSTREAM,
    '…unless that costs more than this much average vote.',
    1,
    0,
    10,
  ),
  CINEMA_MAX_AGE_YEARS: integerVar(
    UPSTREAM,
    'A movie still "in cinemas" after this many years counts as streaming.',
    3,
    1,
    20,
  ),
  TRENDING_FETCH_COUNT: integerVar(UPSTREAM, 'Trending ranks up to this get the Trending sash.', 40, 1, 100),
  TRENDING_BROAD_FETCH_COUNT: integerVar(
    UPSTREAM,
    'Ranks up to this get the Trending (broad) sash.',
    100,
    1,
    100,
  ),
  QUALITY_BG_CONCURRENCY: integerVar(UPSTREAM, 'Background quality fetches in flight per process.', 5, 1, 64),
  QUALITY_WAIT_TIMEOUT_MS: withAliases(
    integerVar(
      UPSTREAM,
      'With wait_for_quality, how long a request waits for a quality fetch (ms).',
      30000,
      0,
      120000,
    ),
    [{ name: 'QUALITY_WAIT_TIMEOUT', note: `${PYTHON}, in seconds`, convert: secondsToMs }],
  ),
  QUALITY_GRACE_MS: integerVar(
    UPSTREAM,
    'Without wait_for_quality, how long a cold title still waits for its quality fetch before rendering provisionally (ms).',
    1500,
    0,
    10000,
  ),
  QUALITY_OLD_CACHE_DAYS: withAliases(
    integerVar(UPSTREAM, 'How long quality tokens of older titles stay cached (days).', 90, 1, 365),
    [{ name: 'QUALITY_OLD_CACHE_DURATION', note: `${PYTHON}, in days` }],
  ),
  DISCOVERY_OVERRIDES_PATH: stringVar(
    UPSTREAM,
    'JSON file overriding the curated studio/director/cast/award lists (optional).',
    '',
  ),

  ACCESS_KEY: secretVar(ACCESS, 'Shared secret for operator endpoints (?access_key=). Unset = open.'),
  METRICS_ACCESS_KEY: secretVar(ACCESS, 'When set, /metrics requires ?access_key= with this value.'),
  PRESET_ENABLED: booleanVar(
    ACCESS,
    'Serve the anonymous preset tier /p/…; without ACCESS_KEY the operator endpoints then close (403).',
    false,
  ),
  PRESET_MDBLIST_FETCH: booleanVar(
    ACCESS,
    'Let an anonymous /p miss fetch its MDBList ratings (within the MDBList budget: concurrency cap, shared 429 cooldowns), so a public-only instance does not serve rating-less posters forever.',
    false,
  ),
  PRESET_CDN_CACHE_TTL: integerVar(
    ACCESS,
    'max-age of complete preset posters (seconds).',
    86400,
    0,
    31536000,
  ),
  RATE_LIMIT_RPS: integerVar(
    ACCESS,
    'Requests per second per tenant on /poster, /p and keyed proxies (0 = off).',
    0,
    0,
    100000,
  ),
  ANONYMOUS_TMDB_RPS: integerVar(
    ACCESS,
    'Requests per second shared by anonymous /search and /resolve-imdb callers.',
    5,
    0,
    100000,
  ),
  SELF_HOST_URL: urlVar(
    ACCESS,
    'Where the locked configurator\'s "run your own instance" link points (/server-caps self_host_url).',
    'https://github.com/postersplus/postersplus#run-it',
  ),

  DATABASE_URL: urlVar(
    BACKENDS,
    'postgresql:// (or postgres://) URL: store metadata and caches in PostgreSQL instead of SQLite.',
    '',
    {
      secret: true,
    },
  ),
  DB_POOL_MIN_SIZE: integerVar(
    BACKENDS,
    'PostgreSQL connections each process keeps open when idle (DATABASE_URL).',
    1,
    0,
    100,
  ),
  DB_POOL_MAX_SIZE: integerVar(
    BACKENDS,
    'Most PostgreSQL connections one process opens at once; size it against max_connections ÷ replicas.',
    10,
    1,
    200,
  ),
  REDIS_URL: urlVar(
    BACKENDS,
    'redis://, rediss:// or unix:// URL: share backoff, claims, leases and rate limits.',
    '',
    {
      secret: true,
    },
  ),
  REDIS_KEY_PREFIX: stringVar(BACKENDS, 'Namespace for every Redis key.', 'postersplus'),
  COMPOSITE_BLOB_DIR: stringVar(
    BACKENDS,
    'Directory of rendered posters without OBJECT_STORE_URL (unset = DATA_DIR/composites).',
    '',
  ),
  OBJECT_STORE_URL: urlVar(
    BACKENDS,
    's3://bucket?endpoint=…&region=…&prefix=…: keep rendered posters in S3.',
    '',
    {
      secret: true,
    },
  ),
  OBJECT_STORE_PUBLIC_URL: urlVar(
    BACKENDS,
    'CDN base URL in front of the bucket: cache hits answer 302 there.',
  ),

  RENDER_CONCURRENCY: withAliases(
    integerVar(
      POSTERS,
      'Uncached poster pipelines running at once (0 = number of cores); cache hits never wait for one.',
      0,
      0,
      256,
    ),
    [{ name: 'POSTER_RENDER_CONCURRENCY', note: PYTHON }],
  ),
  RENDER_WORKER_IDLE_TIMEOUT: integerVar(
    POSTERS,
    'Render worker threads start on demand (~30 MB each) and stop after this many idle seconds (0 = keep them once started).',
    120,
    0,
    86400,
  ),
  RENDER_QUEUE_TIMEOUT: integerVar(
    POSTERS,
    'Seconds a request holding its facts and art may wait for a render slot before 503 + Retry-After (0 = no limit). This wait may run past POSTER_DEADLINE_MS: finished gathering is rendered, not dropped.',
    30,
    0,
    3600,
  ),
  POSTER_DEADLINE_MS: integerVar(
    POSTERS,
    'Every poster answer leaves within this (ms); facts still missing then render provisionally.',
    8000,
    1000,
    60000,
  ),
  COMPOSITE_CACHE_TTL: integerVar(POSTERS, 'Lifetime of a stored poster (seconds).', 604800, 60, 31536000),
  COMPOSITE_CACHE_TTL_JITTER: integerVar(
    POSTERS,
    'Per-poster spread of that lifetime (seconds, ± half).',
    172800,
    0,
    31536000,
  ),
  COMPOSITE_MEM_ENTRIES: integerVar(
    POSTERS,
    'Posters kept in memory (L1) per process, within L1_CACHE_MB; 0 disables L1.',
    500,
    0,
    100000,
  ),
  L1_CACHE_MB: integerVar(
    POSTERS,
    'Most megabytes of poster bytes kept in memory (L1) per process, whatever COMPOSITE_MEM_ENTRIES allows; 0 disables L1.',
    32,
    0,
    4096,
  ),
  CDN_CACHE_TTL: autoOrSecondsVar(
    POSTERS,
    'Cache-Control max-age of stored posters: auto = their remaining life, N = at most N seconds, 0 = no header.',
    'auto',
  ),
  COMPOSITE_MAX_ENTRIES: integerVar(
    POSTERS,
    'Stored posters kept at most; the prune job drops the oldest beyond it (0 = no cap).',
    0,
    0,
    100000000,
  ),
  JOBS_ENABLED: booleanVar(
    POSTERS,
    'Run the background jobs (cache prune, digital-release poll, trending refresh).',
    true,
  ),
  DISABLE_COMPOSITE_CACHE: booleanVar(
    POSTERS,
    'Never store posters and send no-store (development only).',
    false,
  ),
  ART_CACHE_DAYS: integerVar(
    POSTERS,
    'Downloaded artwork and logos stay cached this long (days, ± 10 % jitter).',
    60,
    1,
    365,
  ),

  IMAGE_FORMAT: enumVar(OUTPUT, 'Encoding of rendered posters.', ['webp', 'jpeg'], 'webp', { jpg: 'jpeg' }),
  JPEG_QUALITY: integerVar(OUTPUT, 'JPEG quality (clamped to 70–95).', 85, 70, 95),
  WEBP_QUALITY: integerVar(OUTPUT, 'WebP quality (clamped to 70–95).', 85, 70, 95),

  LOG_FORMAT: enumVar(LOGGING, 'text for people, json for one object per line.', ['text', 'json'], 'text'),
  LOG_LEVEL: enumVar(
    LOGGING,
    'Minimum level logged.',
    ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'],
    'info',
  ),
  LOG_REQUESTS: booleanVar(LOGGING, 'Log one line per HTTP request.', true),
} as const;

export type ConfigSchema = typeof CONFIG_SCHEMA;
export type ConfigName = keyof ConfigSchema;
export type Config = {
  readonly [K in ConfigName]: ReturnType<ConfigSchema[K]['parse']>;
};
