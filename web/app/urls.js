/**
 * URL forms the page copies and imports (reference §11, clients.md §4). Pure: no DOM, no fetch.
 *
 * - Template form, for AIOMetadata / Nuvio and the other Stremio addons: the reference "Default"
 *   identity `tmdb_id={tmdb_id?}&imdb_id={imdb_id?}&stremio_id={id}&type={type}&shape={shape}`, the
 *   placeholders left literal for the client to fill.
 * - Plain form, for one title: concrete ids.
 * - Preset forms `/p/{preset}/{type}/{imdb_id}.jpg` for the public tier.
 * The style part is the server's canonical, shrunk query (/configurator/normalize); keys are literal
 * values (Nuvio has no key placeholders), written last and only when the user gave them.
 */

/** @import { Keys, MediaType, Title } from './types.d.ts' */

export const TEMPLATE_IDENTITY =
  'tmdb_id={tmdb_id?}&imdb_id={imdb_id?}&stremio_id={id}&type={type}&shape={shape}';
export const PRESET_TEMPLATE_TAIL = '{type}/{imdb_id}.jpg';

/** @type {readonly (keyof Keys)[]} */
export const KEY_NAMES = ['tmdb_key', 'mdblist_key', 'access_key'];

/** Parameters that identify a title or shape a request: never style, never sent to /configurator/normalize. */
const IDENTITY_NAMES = new Set(['tmdb_id', 'imdb_id', 'stremio_id', 'type', 'shape']);

const IMDB_ID = /^tt\d{1,10}$/;
const TMDB_ID = /^\d{1,10}$/;
const PRESET_ID = /^[a-z0-9_-]{1,64}$/i;

/** @param {Partial<Keys>} keys */
function keyPart(keys) {
  const params = new URLSearchParams();
  for (const name of KEY_NAMES) {
    const value = keys[name]?.trim();
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** @param {...string} parts */
const joinQuery = (...parts) => parts.filter((part) => part !== '').join('&');

/**
 * @param {string} origin e.g. `https://posters.example`
 * @param {string} style canonical style query
 * @param {Partial<Keys>} keys
 */
export function posterTemplateUrl(origin, style, keys) {
  return `${origin}/poster?${joinQuery(TEMPLATE_IDENTITY, style, keyPart(keys))}`;
}

/** @param {Title} title */
function titleQuery(title) {
  const params = new URLSearchParams();
  if (title.imdbId) params.set('imdb_id', title.imdbId);
  if (title.tmdbId) params.set('tmdb_id', title.tmdbId);
  params.set('type', title.type);
  return params.toString();
}

/**
 * The poster of one title: what the preview fetches, and the "this title" URL.
 * @param {string} origin '' for a same-origin path
 * @param {Title} title
 * @param {string} style
 * @param {Partial<Keys>} keys
 */
export function posterPlainUrl(origin, title, style, keys) {
  return `${origin}/poster?${joinQuery(titleQuery(title), style, keyPart(keys))}`;
}

/** @param {string} origin @param {string} preset */
export function presetTemplateUrl(origin, preset) {
  return `${origin}/p/${encodeURIComponent(preset)}/${PRESET_TEMPLATE_TAIL}`;
}

/**
 * @param {string} origin
 * @param {string} preset
 * @param {Title} title must have an IMDb id (the /p tier is keyed by it)
 */
export function presetPlainUrl(origin, preset, title) {
  return `${origin}/p/${encodeURIComponent(preset)}/${title.type}/${title.imdbId ?? ''}.jpg`;
}

/** An unfilled client placeholder such as `{imdb_id?}`: the URL is a template. */
const isPlaceholder = (/** @type {string} */ value) => /^\{[^{}]*\}$/.test(value.trim());

/** @param {string | null} raw @returns {MediaType | null} */
function mediaType(raw) {
  const word = raw?.trim().toLowerCase();
  if (word === 'movie') return 'movie';
  if (word === 'tv' || word === 'series') return 'tv';
  return null;
}

/**
 * @typedef {{ imdbId: string | null, tmdbId: string | null, type: MediaType }} Identity
 * @typedef {{
 *   kind: 'poster', form: 'template' | 'plain', identity: Identity | null, keys: Partial<Keys>,
 *   style: [string, string][], notes: string[], origin: string
 * }} PosterImport
 * @typedef {{
 *   kind: 'preset', form: 'template' | 'plain', preset: string, identity: Identity | null, notes: string[],
 *   origin: string
 * }} PresetImport
 * @typedef {{ kind: 'error', message: string }} ImportError
 */

/**
 * Reads a pasted `/poster` or `/p` URL. Malformed ids are dropped with a note (the style values are
 * judged by the server, which returns its own notes).
 * @param {string} text
 * @param {string} base this page's origin, for a pasted path without one
 * @returns {PosterImport | PresetImport | ImportError}
 */
export function parseImport(text, base) {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'error', message: 'Paste a /poster or /p URL first.' };
  /** @type {URL} */
  let url;
  try {
    url = new URL(trimmed, base);
  } catch {
    return { kind: 'error', message: 'That is not a URL.' };
  }
  /** @type {string[]} */
  const notes = [];
  const preset = /\/p\/([^/]+)\/([^/]+)\/([^/]+?)(?:\.jpg)?$/.exec(url.pathname);
  if (preset) {
    const [, rawId = '', rawType = '', rawImdb = ''] = preset;
    const id = safeDecode(rawId);
    if (!PRESET_ID.test(id)) return { kind: 'error', message: 'That /p URL names no valid preset.' };
    const type = safeDecode(rawType);
    const imdb = safeDecode(rawImdb);
    const template = isPlaceholder(type) || isPlaceholder(imdb);
    /** @type {Identity | null} */
    let identity = null;
    if (!template) {
      const parsedType = mediaType(type);
      if (!parsedType) notes.push(`type ${JSON.stringify(type.slice(0, 20))} ignored`);
      if (!IMDB_ID.test(imdb)) notes.push(`IMDb id ${JSON.stringify(imdb.slice(0, 20))} ignored`);
      if (parsedType && IMDB_ID.test(imdb)) identity = { imdbId: imdb, tmdbId: null, type: parsedType };
    }
    return {
      kind: 'preset',
      form: template ? 'template' : 'plain',
      preset: id,
      identity,
      notes,
      origin: url.origin,
    };
  }
  if (!/\/poster$/.test(url.pathname)) {
    return { kind: 'error', message: 'Only /poster?… and /p/… URLs can be imported.' };
  }

  const params = url.searchParams;
  const raw = (/** @type {string} */ name) => params.get(name);
  const template = ['tmdb_id', 'imdb_id', 'stremio_id', 'type'].some((name) => {
    const value = raw(name);
    return value !== null && isPlaceholder(value);
  });

  /** @type {Identity | null} */
  let identity = null;
  if (!template) {
    let imdb = raw('imdb_id')?.trim() ?? '';
    const tmdb = raw('tmdb_id')?.trim() ?? '';
    const stremio = raw('stremio_id')?.trim() ?? '';
    if (imdb && !IMDB_ID.test(imdb)) {
      notes.push(`imdb_id ${JSON.stringify(imdb.slice(0, 20))} ignored`);
      imdb = '';
    }
    if (!imdb && IMDB_ID.test(stremio)) imdb = stremio;
    const tmdbOk = TMDB_ID.test(tmdb);
    if (tmdb && !tmdbOk) notes.push(`tmdb_id ${JSON.stringify(tmdb.slice(0, 20))} ignored`);
    const rawType = raw('type');
    const type = mediaType(rawType);
    if (rawType !== null && !type) notes.push(`type ${JSON.stringify(rawType.slice(0, 20))} ignored`);
    if (imdb || tmdbOk)
      identity = { imdbId: imdb || null, tmdbId: tmdbOk ? tmdb : null, type: type ?? 'movie' };
  }

  /** @type {Partial<Keys>} */
  const keys = {};
  for (const name of KEY_NAMES) {
    const value = raw(name)?.trim();
    if (value && !isPlaceholder(value)) keys[name] = value;
  }

  /** @type {[string, string][]} */
  const style = [];
  for (const [name, value] of params) {
    if (IDENTITY_NAMES.has(name) || KEY_NAMES.includes(/** @type {keyof Keys} */ (name))) continue;
    style.push([name, value]);
  }
  return {
    kind: 'poster',
    form: template ? 'template' : 'plain',
    identity,
    keys,
    style,
    notes,
    origin: url.origin,
  };
}

/** @param {string} text */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
