/**
 * MDBList title bodies → what the title-facts layer reads, for both hosts' shapes: the new host
 * (`ids{}`, `popcorn`, boolean `commonsense`) and the legacy one (`imdbid`, `tomatoesaudience`, errors
 * as 200 with `response: false`). Each rating is normalised to 0–100 here; weighting them is
 * src/title/ratings.ts. The body is hostile: nothing here throws, a body that makes no sense yields
 * `ok: false` and empty lists, and list lengths are capped.
 */
import { z } from 'zod';
import { isImdbId } from '../domain/ids.ts';
import { isoDay, isRecord, own, toCount, toNumber, toText } from './json.ts';

/** Sources MDBList reports; the aggregate's RATING_SOURCES (src/title/ratings.ts) add the anime providers'. */
export const MDBLIST_SOURCES = [
  'imdb',
  'letterboxd',
  'trakt',
  'tomatoes',
  'popcorn',
  'metacritic',
  'metacriticuser',
  'tmdb',
  'rogerebert',
  'myanimelist',
] as const;
export type MdbListSource = (typeof MDBLIST_SOURCES)[number];

/** MDBList's legacy host calls the Rotten Tomatoes audience score `tomatoesaudience`; it is `popcorn`. */
const SOURCE_ALIASES: ReadonlyMap<string, MdbListSource> = new Map([['tomatoesaudience', 'popcorn']]);

/**
 * Native scale of `value` per source (fixture README quirk 9), used only when MDBList sent no `score`.
 * trakt and tmdb are already 0–100 on MDBList (TMDB's 7.6 arrives as 76).
 */
const NATIVE_SCALE: Readonly<Record<MdbListSource, number>> = Object.freeze({
  imdb: 10,
  letterboxd: 5,
  trakt: 100,
  tomatoes: 100,
  popcorn: 100,
  metacritic: 100,
  metacriticuser: 10,
  tmdb: 100,
  rogerebert: 4,
  myanimelist: 10,
});

/** Caps that keep a hostile body from costing more than a normal one. */
const MAX_RATINGS = 64;
const MAX_KEYWORDS = 2000;
const MAX_GENRES = 64;

export interface NormalisedRating {
  source: MdbListSource;
  /** 0–100. */
  score: number;
  /** The source's own value as sent (null when only `score` was usable). */
  value: number | null;
  /** Scale of `value` (letterboxd: derived from `score` when both are present, quirk 9). */
  scale: number;
  /** Vote count when MDBList knows it. */
  votes: number | null;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const clamp100 = (n: number): number => Math.min(100, Math.max(0, n));

function isMdbListSource(value: string): value is MdbListSource {
  return (MDBLIST_SOURCES as readonly string[]).includes(value);
}

const numberish = z.union([z.number(), z.string()]).nullish();

/** One `ratings[]` item: tolerant of url integer|string|null, numeric strings and extra fields. */
const MdbRatingItem = z.looseObject({
  source: z.string().max(64),
  value: numberish.catch(null),
  score: numberish.catch(null),
  votes: numberish.catch(null),
  vote_count: numberish.catch(null),
  count: numberish.catch(null),
  url: z.union([z.string(), z.number()]).nullish().catch(null),
});

/**
 * One MDBList `ratings[]` item → normalised rating, or null when it carries no rating.
 *
 * `score` (0–100) wins when present. Without it, `value` is read on the source's own scale —
 * except `value: 0` with `score: null`, which MDBList uses for "missing" (quirk 9), and items with
 * neither field at all.
 */
export function normaliseMdbRating(item: unknown): NormalisedRating | null {
  const parsed = MdbRatingItem.safeParse(item);
  if (!parsed.success) return null;
  const rawSource = parsed.data.source.trim().toLowerCase();
  const source = SOURCE_ALIASES.get(rawSource) ?? (isMdbListSource(rawSource) ? rawSource : null);
  if (source === null) return null;

  const value = toNumber(parsed.data.value);
  const score = toNumber(parsed.data.score);
  const votes = toCount(parsed.data.votes) ?? toCount(parsed.data.vote_count) ?? toCount(parsed.data.count);
  let scale = NATIVE_SCALE[source];

  if (source === 'letterboxd' && value !== null && value > 0 && score !== null && score > 0) {
    // Letterboxd is 0–5 in most bodies, but the Jaws sample has value 8 with score 80: trust the ratio.
    scale = Math.abs((value * 100) / score - 10) < Math.abs((value * 100) / score - 5) ? 10 : 5;
  }

  if (score !== null) {
    if (score < 0 || score > 100) return null;
    return { source, score: round1(score), value, scale, votes };
  }
  if (value === null || value <= 0) return null;
  if (source === 'letterboxd' && value > 5) scale = 10; // no score to derive from: a 0–5 value can't exceed 5
  if (value > scale) return null;
  return { source, score: round1(clamp100((value / scale) * 100)), value, scale, votes };
}

export interface MdbListIds {
  imdb: string | null;
  tmdb: number | null;
  trakt: number | null;
  tvdb: number | null;
  mal: number | null;
}

/** What the title-facts layer reads from one MDBList body, host-shape independent. */
export interface MdbListTitle {
  /** False when the body was not an MDBList title at all (error body, garbage, wrong type). */
  ok: boolean;
  ids: MdbListIds;
  title: string | null;
  year: number | null;
  mediaType: 'movie' | 'show' | null;
  /** ISO day of the release (drives "New" and TTLs). */
  released: string | null;
  releasedDigital: string | null;
  certification: string | null;
  ageRating: number | null;
  /** Legacy host sends a number (age), new host a boolean (has a review). */
  commonsense: boolean | number | null;
  runtime: number | null;
  language: string | null;
  /** Keyword slugs, lower-case (`best-picture-winner`, `cult-classic`, …). */
  keywords: string[];
  /** Genre names as MDBList spells them. */
  genres: string[];
  /** One entry per source that has a rating (first occurrence wins). */
  ratings: NormalisedRating[];
}

const idish = z.union([z.string(), z.number()]).nullish().catch(null);

/** Both hosts: new (`ids{}`, `popcorn`, boolean commonsense) and legacy (`imdbid`, `tomatoesaudience`). */
const MdbListBody = z.looseObject({
  title: z.string().nullish().catch(null),
  year: numberish.catch(null),
  type: z.string().nullish().catch(null),
  released: z.string().nullish().catch(null),
  released_digital: z.string().nullish().catch(null),
  certification: z.string().nullish().catch(null),
  age_rating: numberish.catch(null),
  commonsense: z.union([z.boolean(), z.number(), z.string()]).nullish().catch(null),
  runtime: numberish.catch(null),
  language: z.string().nullish().catch(null),
  ids: z
    .looseObject({ imdb: idish, tmdb: idish, trakt: idish, tvdb: idish, mal: idish })
    .nullish()
    .catch(null),
  imdbid: idish,
  tmdbid: idish,
  traktid: idish,
  tvdbid: idish,
  malid: idish,
  response: z.union([z.boolean(), z.string(), z.number()]).nullish().catch(null),
  ratings: z.array(z.unknown()).nullish().catch(null),
  keywords: z.array(z.unknown()).nullish().catch(null),
  genres: z.array(z.unknown()).nullish().catch(null),
});

function emptyTitle(): MdbListTitle {
  return {
    ok: false,
    ids: { imdb: null, tmdb: null, trakt: null, tvdb: null, mal: null },
    title: null,
    year: null,
    mediaType: null,
    released: null,
    releasedDigital: null,
    certification: null,
    ageRating: null,
    commonsense: null,
    runtime: null,
    language: null,
    keywords: [],
    genres: [],
    ratings: [],
  };
}

function imdbId(value: unknown): string | null {
  const text = toText(value, 20);
  return isImdbId(text) ? text : null;
}

function isoDate(value: unknown): string | null {
  return isoDay(value) === null ? null : (value as string).trim().slice(0, 10);
}

/** A name out of `"slug"`, `{name}` or `{title}` list entries. */
function entryName(entry: unknown): string | null {
  if (typeof entry === 'string') return toText(entry, 200);
  if (isRecord(entry)) return toText(own(entry, 'name'), 200) ?? toText(own(entry, 'title'), 200);
  return null;
}

/** Parse one MDBList title body (either host). Never throws; garbage → `ok: false`, empty lists. */
export function parseMdbList(body: unknown): MdbListTitle {
  const parsed = MdbListBody.safeParse(body);
  const result = emptyTitle();
  if (!parsed.success) return result;
  const data = parsed.data;
  // The legacy host answers errors with 200 and `response: false`.
  if (data.response === false) return result;

  const ids = data.ids ?? null;
  result.ids = {
    imdb: imdbId(ids?.imdb) ?? imdbId(data.imdbid),
    tmdb: toCount(ids?.tmdb) ?? toCount(data.tmdbid),
    trakt: toCount(ids?.trakt) ?? toCount(data.traktid),
    tvdb: toCount(ids?.tvdb) ?? toCount(data.tvdbid),
    mal: toCount(ids?.mal) ?? toCount(data.malid),
  };
  result.title = toText(data.title);
  const year = toCount(data.year);
  result.year = year !== null && year >= 1800 && year <= 3000 ? year : null;
  const type = data.type?.trim().toLowerCase();
  result.mediaType = type === 'movie' ? 'movie' : type === 'show' || type === 'tv' ? 'show' : null;
  result.released = isoDate(data.released);
  result.releasedDigital = isoDate(data.released_digital);
  result.certification = toText(data.certification, 20);
  const age = toCount(data.age_rating);
  result.ageRating = age !== null && age <= 99 ? age : null;
  const commonsense = data.commonsense;
  result.commonsense = typeof commonsense === 'boolean' ? commonsense : (toCount(commonsense) ?? null);
  const runtime = toCount(data.runtime);
  result.runtime = runtime !== null && runtime <= 100_000 ? runtime : null;
  result.language = toText(data.language, 20);

  const keywords = new Set<string>();
  for (const entry of (data.keywords ?? []).slice(0, MAX_KEYWORDS)) {
    const name = entryName(entry);
    if (name !== null) keywords.add(name.toLowerCase());
  }
  result.keywords = [...keywords];

  const genres = new Set<string>();
  for (const entry of (data.genres ?? []).slice(0, MAX_GENRES)) {
    const name = entryName(entry);
    if (name !== null) genres.add(name);
  }
  result.genres = [...genres];

  const seen = new Set<MdbListSource>();
  for (const item of (data.ratings ?? []).slice(0, MAX_RATINGS)) {
    const rating = normaliseMdbRating(item);
    if (rating === null || seen.has(rating.source)) continue;
    seen.add(rating.source);
    result.ratings.push(rating);
  }
  result.ok = true;
  return result;
}
