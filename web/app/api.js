/**
 * Calls to this instance — the only place the page sends anything (keys included). Errors carry the
 * server's own message (`{error, message}` bodies) so the page can show why something failed.
 */

/** @import { Normalized, PresetCard, SearchHit, ServerCaps, MediaType } from './types.d.ts' */

export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/**
 * The reason a failed response gives, in a sentence.
 * @param {Response} response
 */
export async function failureReason(response) {
  const fallback = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  try {
    const body = /** @type {unknown} */ (await response.json());
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
      return `${body.message} (${fallback})`;
    }
  } catch {
    // Not JSON (a proxy's HTML error page): the status says enough.
  }
  return fallback;
}

/**
 * @param {string} path
 * @param {Record<string, string | undefined>} [query]
 * @param {AbortSignal} [signal]
 * @returns {Promise<unknown>}
 */
async function getJson(path, query = {}, signal) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const qs = params.toString();
  const response = await fetch(qs ? `${path}?${qs}` : path, {
    signal,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new ApiError(response.status, await failureReason(response));
  return response.json();
}

/** @param {string} accessKey @returns {Promise<ServerCaps>} */
export async function serverCaps(accessKey) {
  return /** @type {ServerCaps} */ (await getJson('/server-caps', { access_key: accessKey }));
}

/**
 * The server's parse → shrink of a style query (or of a preset's).
 * @param {URLSearchParams} style
 * @param {AbortSignal} [signal]
 * @returns {Promise<Normalized>}
 */
export async function normalize(style, signal) {
  return /** @type {Normalized} */ (
    await getJson('/configurator/normalize', Object.fromEntries(style), signal)
  );
}

/** @param {string} preset @returns {Promise<Normalized>} */
export async function normalizePreset(preset) {
  return /** @type {Normalized} */ (await getJson('/configurator/normalize', { preset }));
}

/** @param {string} accessKey @returns {Promise<PresetCard[]>} */
export async function presetsWithQueries(accessKey) {
  const body = /** @type {{ presets?: PresetCard[] }} */ (
    await getJson('/configurator/presets', { access_key: accessKey })
  );
  return body.presets ?? [];
}

/** @param {unknown} value */
const text = (value) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/**
 * One /search result in the page's shape, whatever spelling the proxy passes through (its own fields,
 * or TMDB's `name`/`first_air_date`). People and other media types are dropped. The thumbnail is
 * fetched through this instance (/configurator/thumb): the CSP allows no other image origin.
 * @param {unknown} raw
 * @param {string} [accessKey]
 * @returns {SearchHit | null}
 */
export function toSearchHit(raw, accessKey = '') {
  if (!raw || typeof raw !== 'object') return null;
  const item = /** @type {Record<string, unknown>} */ (raw);
  const type = item.media_type === 'movie' || item.media_type === 'tv' ? item.media_type : null;
  const tmdbId = text(item.id ?? item.tmdb_id);
  if (!type || !/^\d{1,10}$/.test(tmdbId)) return null;
  const title = text(item.title) || text(item.name) || text(item.original_title) || text(item.original_name);
  const date = text(item.release_date) || text(item.first_air_date);
  const year = text(item.year) || date.slice(0, 4);
  const poster = text(item.poster_url) || text(item.poster_path);
  const file = /\/([A-Za-z0-9_-]{1,100}\.(?:jpg|jpeg|png|webp))$/.exec(poster)?.[1];
  const query = accessKey ? `?access_key=${encodeURIComponent(accessKey)}` : '';
  const thumbnail = file ? `/configurator/thumb/${file}${query}` : null;
  return { tmdbId, type, title: title || `TMDB ${tmdbId}`, year, thumbnail };
}

/**
 * @param {string} q
 * @param {Record<string, string>} keys
 * @param {AbortSignal} signal
 * @returns {Promise<SearchHit[]>}
 */
export async function search(q, keys, signal) {
  const body = /** @type {{ results?: unknown[] }} */ (await getJson('/search', { q, ...keys }, signal));
  const hits = Array.isArray(body.results) ? body.results : [];
  return hits.map((hit) => toSearchHit(hit, keys.access_key)).filter((hit) => hit !== null);
}

/**
 * @param {string} tmdbId
 * @param {MediaType} type
 * @param {Record<string, string>} keys
 * @returns {Promise<string | null>}
 */
export async function resolveImdb(tmdbId, type, keys) {
  const body = /** @type {{ imdb_id?: unknown }} */ (
    await getJson('/resolve-imdb', { tmdb_id: tmdbId, type, ...keys })
  );
  return typeof body.imdb_id === 'string' && /^tt\d+$/.test(body.imdb_id) ? body.imdb_id : null;
}
