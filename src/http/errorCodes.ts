/**
 * Every `error` code an answer can carry, with its status and meaning: the table in docs/API.md is
 * rendered from this list (src/http/apiDoc.ts), and test/unit/errorCodes.test.ts reads every code
 * literal in src/ and fails if this list is missing one or still lists one nothing returns.
 * Clients branch on these codes, so they are a public contract: never rename one. Pure data.
 */

export interface ErrorCode {
  /** The `error` field of the JSON body. */
  code: string;
  status: number;
  /** When it happens. */
  meaning: string;
  /** Refused by the HTTP layer before any route runs (the "Errors before any route" table). */
  transport?: true;
  /** Sent with `Retry-After`. */
  retryAfter?: true;
}

export const ERROR_CODES: readonly ErrorCode[] = [
  // Below or around the routes: Node's parser, fastify, the plugins in src/http/plugins/.
  {
    code: 'bad_url',
    status: 400,
    transport: true,
    meaning:
      'A space, control byte (NUL, tab, DEL…) or raw non-ASCII byte in the URL, or a path that is not valid percent-encoding',
  },
  {
    code: 'bad_http_version',
    status: 400,
    transport: true,
    meaning: 'Not HTTP/1.0 or HTTP/1.1 (including a cleartext HTTP/2 preface)',
  },
  {
    code: 'bad_method',
    status: 400,
    transport: true,
    meaning: 'A malformed method (or TLS spoken to the plain-HTTP port)',
  },
  { code: 'bad_header', status: 400, transport: true, meaning: 'A malformed header name or value' },
  {
    code: 'bad_body',
    status: 400,
    transport: true,
    meaning: 'Broken body framing (bad chunk size, Content-Length with Transfer-Encoding)',
  },
  {
    code: 'malformed_request',
    status: 400,
    transport: true,
    meaning: 'Any other request Node’s parser rejects',
  },
  {
    code: 'missing_host',
    status: 400,
    transport: true,
    meaning: 'An HTTP/1.1 request without a Host header',
  },
  { code: 'not_found', status: 404, transport: true, meaning: 'No such path' },
  {
    code: 'method_not_allowed',
    status: 405,
    transport: true,
    meaning: 'A method other than GET/HEAD on an existing path (`Allow: GET, HEAD`), or CONNECT',
  },
  {
    code: 'request_timeout',
    status: 408,
    transport: true,
    meaning: 'The request line and headers did not arrive in time',
  },
  { code: 'bad_request', status: 413, transport: true, meaning: 'A request body over 64 KB' },
  { code: 'uri_too_long', status: 414, transport: true, meaning: 'A path segment over 500 characters' },
  {
    code: 'expectation_failed',
    status: 417,
    transport: true,
    meaning: 'An `Expect` other than `100-continue`',
  },
  {
    code: 'headers_too_large',
    status: 431,
    transport: true,
    meaning: 'Request line and headers over 16 KB together (a long URL counts)',
  },

  // From the routes and use cases: the constructors of src/domain/errors.ts, mapped by src/http/errors.ts.
  {
    code: 'bad_request',
    status: 400,
    meaning: 'Any other request fastify itself rejects before the route (its message says why)',
  },
  { code: 'missing_id', status: 400, meaning: 'None of `tmdb_id`, `imdb_id`, `stremio_id` given' },
  { code: 'missing_type', status: 400, meaning: 'A bare `tmdb_id` without `type=movie` or `type=series`' },
  { code: 'invalid_tmdb_id', status: 400, meaning: '`tmdb_id` is not 1 to 10 digits' },
  {
    code: 'invalid_imdb_id',
    status: 400,
    meaning: '`imdb_id` (or the `/p` id segment) does not look like `tt0111161`',
  },
  {
    code: 'invalid_stremio_id',
    status: 400,
    meaning: '`stremio_id` is none of `tt…`, `tmdb:N`, `tmdb:movie:N`, `tmdb:tv:N`, `tvdb:N`',
  },
  {
    code: 'invalid_type',
    status: 400,
    meaning: 'The type is not `movie`, `tv` or `series` (`/p`, `/resolve-imdb`)',
  },
  {
    code: 'unsupported_shape',
    status: 400,
    meaning: '`shape=landscape` or `shape=square`: only portrait posters exist',
  },
  { code: 'missing_preset', status: 400, meaning: 'The `/p/{preset}` segment is empty' },
  { code: 'invalid_query', status: 400, meaning: '`/search` `q` is empty or too long' },
  {
    code: 'invalid_file',
    status: 400,
    meaning: 'A configurator thumbnail name that is not a TMDB image name',
  },
  { code: 'tmdb_key_rejected', status: 400, meaning: 'TMDB refused the caller’s own `tmdb_key`' },
  {
    code: 'forbidden',
    status: 403,
    meaning:
      'An operator endpoint without the right `access_key`, or one closed on a public-tier-only instance',
  },
  {
    code: 'not_found',
    status: 404,
    meaning: '`/p` while the public preset tier is disabled; a missing configurator asset',
  },
  { code: 'unknown_preset', status: 404, meaning: 'No preset has this id (`/server-caps` lists them)' },
  { code: 'unknown_title', status: 404, meaning: 'TMDB does not know this title' },
  {
    code: 'anime_unsupported',
    status: 404,
    meaning: 'An anime id form (Kitsu, MAL, …) without a TMDB or IMDb id',
  },
  {
    code: 'no_logo',
    status: 404,
    meaning: '`/logo`: the title has no logo in the languages asked for, or its file is gone',
  },
  { code: 'no_image', status: 404, meaning: 'A configurator thumbnail that does not exist' },
  {
    code: 'rate_limited',
    status: 429,
    retryAfter: true,
    meaning: 'The caller’s bucket is empty; retry after the given seconds',
  },
  {
    code: 'internal',
    status: 500,
    meaning: 'A bug: the body carries only the request id, the details are in the log',
  },
  { code: 'bad_logo', status: 502, meaning: '`/logo`: the logo file could not be decoded' },
  { code: 'upstream_error', status: 502, meaning: 'TMDB answered with an error or an unreadable body' },
  { code: 'no_tmdb_key', status: 503, meaning: 'No TMDB key: neither configured nor given as `tmdb_key`' },
  {
    code: 'upstream_unavailable',
    status: 503,
    retryAfter: true,
    meaning: 'TMDB could not be reached (timeout, outage, open breaker)',
  },
  {
    code: 'saturated',
    status: 503,
    retryAfter: true,
    meaning: 'Every render slot stayed busy for `RENDER_QUEUE_TIMEOUT`',
  },
  { code: 'render_timeout', status: 503, retryAfter: true, meaning: 'The render did not finish in time' },
];
