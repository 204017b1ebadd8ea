/**
 * Which title a poster request names (pure). Clients substitute URL templates in different ways
 * (reference/clients.md): literal placeholders they did not fill (`{tmdb_id?}`, `%7Bimdb_id%7D`), empty
 * values (`imdb_id=`), raw Stremio ids (`tmdb:tv:1399`, `tvdb:81189`, `tt0903747:1:1`) and odd types
 * (`anime`, `{type}`). All of them must name the same title, or fail with a clear 4xx.
 */
import type { MediaType } from '../domain/facts.ts';
import { IMDB_ID_SOURCE, isImdbId } from '../domain/ids.ts';

export interface Identity {
  tmdbId: string | null;
  imdbId: string | null;
  tvdbId: string | null;
  /** From `type` or from the id form; null = take it from TMDB /find. */
  mediaType: MediaType | null;
}

export type IdentityResult =
  | { ok: true; identity: Identity }
  | { ok: false; status: 400 | 404; code: string; message: string };

type QueryValue = string | string[] | undefined;

const TMDB_ID = /^\d{1,10}$/;
/** `tt…` alone or with Stremio's `:season:episode` suffix. */
const STREMIO_IMDB = new RegExp(`^(${IMDB_ID_SOURCE})(?::\\d+:\\d+)?$`);
const ANIME_NAMESPACES = new Set(['kitsu', 'anilist', 'mal', 'anidb']);

/** The first value of a repeated parameter, trimmed; placeholders and blanks become undefined. */
export function presentValue(raw: QueryValue): string | undefined {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return undefined;
  if (isPlaceholder(value)) return undefined;
  // A doubly-encoded placeholder (%257B…) arrives here still encoded once.
  if (/%7b/i.test(value)) {
    try {
      if (isPlaceholder(decodeURIComponent(value).trim())) return undefined;
    } catch {
      // not valid percent-encoding: an ordinary (bad) value
    }
  }
  return value;
}

const isPlaceholder = (value: string) => /^\{[^{}]*\}$/.test(value);

export function mediaTypeFrom(raw: QueryValue): MediaType | null {
  const value = presentValue(raw)?.toLowerCase();
  if (value === 'movie') return 'movie';
  if (value === 'tv' || value === 'series') return 'tv';
  return null; // a hint only: anime, channel, {type} … fall back to the id
}

interface StremioParts {
  tmdbId?: string;
  imdbId?: string;
  tvdbId?: string;
  mediaType?: MediaType;
  anime?: string;
}

/** `tt…[:s:e]`, `tmdb:N`, `tmdb:movie:N`, `tmdb:tv:N`, `tvdb:N`, anime namespaces; null = unusable. */
export function parseStremioId(value: string): StremioParts | null {
  const imdb = STREMIO_IMDB.exec(value);
  if (imdb) return { imdbId: imdb[1] };
  const [namespace, ...rest] = value.split(':');
  const ns = namespace?.toLowerCase() ?? '';
  if (ANIME_NAMESPACES.has(ns)) return { anime: ns };
  if (ns === 'tmdb') {
    const [first, second] = rest;
    if (rest.length === 1 && first && TMDB_ID.test(first)) return { tmdbId: first };
    if (rest.length === 2 && second && TMDB_ID.test(second)) {
      const mediaType = mediaTypeFrom(first);
      return mediaType ? { tmdbId: second, mediaType } : null;
    }
    return null;
  }
  if (ns === 'tvdb' && rest.length >= 1 && rest[0] && TMDB_ID.test(rest[0]))
    return { tvdbId: rest[0], mediaType: 'tv' };
  return null;
}

const fail = (status: 400 | 404, code: string, message: string): IdentityResult => ({
  ok: false,
  status,
  code,
  message,
});

export function parseIdentity(query: Record<string, QueryValue>): IdentityResult {
  let tmdbId: string | null = null;
  let imdbId: string | null = null;
  let tvdbId: string | null = null;
  let mediaType = mediaTypeFrom(query.type);

  const rawTmdb = presentValue(query.tmdb_id);
  if (rawTmdb !== undefined) {
    // Nuvio fills {tmdb_id} from `tmdb:tv:1399` as `tv:1399`.
    const typed = /^(movie|tv|series):(\d{1,10})$/i.exec(rawTmdb);
    if (typed?.[2]) {
      tmdbId = typed[2];
      mediaType ??= mediaTypeFrom(typed[1]);
    } else if (TMDB_ID.test(rawTmdb)) {
      tmdbId = rawTmdb;
    } else {
      return fail(400, 'invalid_tmdb_id', 'tmdb_id must be 1 to 10 digits');
    }
  }

  const rawImdb = presentValue(query.imdb_id);
  if (rawImdb !== undefined) {
    if (!isImdbId(rawImdb)) return fail(400, 'invalid_imdb_id', 'imdb_id must look like tt0111161');
    imdbId = rawImdb;
  }

  const rawStremio = presentValue(query.stremio_id);
  if (rawStremio !== undefined) {
    const parts = parseStremioId(rawStremio);
    if (parts?.anime) {
      if (!tmdbId && !imdbId)
        return fail(404, 'anime_unsupported', `${parts.anime} ids are not supported yet`);
    } else if (parts) {
      imdbId ??= parts.imdbId ?? null;
      tmdbId ??= parts.tmdbId ?? null;
      tvdbId = parts.tvdbId ?? null;
      mediaType ??= parts.mediaType ?? null;
    } else if (!tmdbId && !imdbId) {
      return fail(
        400,
        'invalid_stremio_id',
        'stremio_id must be tt…, tmdb:N, tmdb:movie:N, tmdb:tv:N or tvdb:N',
      );
    }
  }

  if (!tmdbId && !imdbId && !tvdbId) {
    return fail(400, 'missing_id', 'give tmdb_id, imdb_id or stremio_id');
  }
  if (tmdbId && !imdbId && !mediaType) {
    // A bare TMDB id is ambiguous: movie 1396 and series 1396 are different titles.
    return fail(400, 'missing_type', 'type=movie or type=series is required with a bare tmdb_id');
  }
  return { ok: true, identity: { tmdbId, imdbId, tvdbId, mediaType } };
}

export type ShapeResult = { ok: true; shape: 'portrait' } | { ok: false; code: string; message: string };

/** Portrait spellings (and anything unknown) are one shape; landscape and square are not served yet. */
export function parseShape(raw: QueryValue): ShapeResult {
  const value = presentValue(raw)?.toLowerCase();
  if (value === 'landscape')
    return { ok: false, code: 'unsupported_shape', message: 'shape=landscape is not supported yet' };
  if (value === 'square')
    return { ok: false, code: 'unsupported_shape', message: 'shape=square is not supported' };
  return { ok: true, shape: 'portrait' };
}
