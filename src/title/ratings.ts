/**
 * Rating sources → one aggregate 0–100 score (reference §3.2, §5.2, §7).
 *
 * Three steps, each pure: read an MDBList body of either host's shape into normalised per-source
 * ratings (`parseMdbList`), merge the optional IMDb-dataset / direct-TMDB / anime-provider values
 * (`aggregateRatings`), and weight them with the request's or the server's weights. Upstream JSON is
 * treated as hostile: nothing here throws, a body that makes no sense yields an empty result.
 */
import { z } from 'zod';
import type { MediaType } from '../domain/facts.ts';
import { isImdbId } from '../domain/ids.ts';
import { isoDay, isRecord, own, toCount, toNumber, toText } from './util.ts';

/** Every source a weight can name (reference §3.2). */
export const RATING_SOURCES = [
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
  'anilist',
  'kitsu',
] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/** Sources MDBList reports (anilist/kitsu come from the anime providers instead). */
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
] as const satisfies readonly RatingSource[];
export type MdbListSource = (typeof MDBLIST_SOURCES)[number];

/** Which sources each weights parameter accepts (reference §3.2); others are ignored, not errors. */
export const WEIGHT_SOURCES = {
  movie: [
    'letterboxd',
    'trakt',
    'tomatoes',
    'popcorn',
    'imdb',
    'metacritic',
    'metacriticuser',
    'tmdb',
    'rogerebert',
    'myanimelist',
    'anilist',
    'kitsu',
  ],
  tv: [
    'trakt',
    'tomatoes',
    'popcorn',
    'imdb',
    'metacritic',
    'metacriticuser',
    'tmdb',
    'myanimelist',
    'anilist',
    'kitsu',
  ],
  animeMovie: [
    'myanimelist',
    'anilist',
    'kitsu',
    'letterboxd',
    'trakt',
    'tomatoes',
    'popcorn',
    'imdb',
    'metacritic',
    'metacriticuser',
    'tmdb',
    'rogerebert',
  ],
  animeTv: [
    'myanimelist',
    'anilist',
    'kitsu',
    'trakt',
    'tomatoes',
    'popcorn',
    'imdb',
    'metacriticuser',
    'tmdb',
    'letterboxd',
  ],
} as const satisfies Record<string, readonly RatingSource[]>;

export type WeightMap = Partial<Record<RatingSource, number>>;

/** Server defaults (reference §7); a request's weights replace these wholesale, never merge. */
export const DEFAULT_MOVIE_WEIGHTS: Readonly<WeightMap> = Object.freeze({ letterboxd: 0.8, tomatoes: 0.2 });
export const DEFAULT_TV_WEIGHTS: Readonly<WeightMap> = Object.freeze({ trakt: 0.8, tomatoes: 0.2 });

/** Per-source vote floor (env RATING_MIN_VOTES). */
export const DEFAULT_RATING_MIN_VOTES = 10;

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

/** Roger Ebert reviews carry no vote count and are one critic by design: the floor would always drop them. */
const VOTE_FLOOR_EXEMPT: ReadonlySet<RatingSource> = new Set<RatingSource>(['rogerebert']);

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

function isRatingSource(value: string): value is RatingSource {
  return (RATING_SOURCES as readonly string[]).includes(value);
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

/**
 * A `movie_weights`-style parameter: `source:weight,…`, each weight clamped to 0–1, sources outside
 * `allowed` ignored, a later duplicate wins. Absent, blank or wholly unusable → null ("use the server
 * defaults"); `imdb:0` stays `{imdb: 0}` because zeroing every source is a deliberate "no score".
 */
export function parseWeights(
  raw: string | null | undefined,
  allowed: readonly RatingSource[],
): WeightMap | null {
  if (typeof raw !== 'string') return null;
  const result: WeightMap = {};
  let any = false;
  for (const part of raw.slice(0, 2000).split(',')) {
    const [name, weightText, ...rest] = part.split(':');
    if (name === undefined || weightText === undefined || rest.length > 0) continue;
    const source = name.trim().toLowerCase();
    if (!isRatingSource(source) || !allowed.includes(source)) continue;
    const weight = toNumber(weightText);
    if (weight === null) continue;
    result[source] = Math.min(1, Math.max(0, weight));
    any = true;
  }
  return any ? result : null;
}

/** Writes weights back in the parameter syntax (zero weights dropped; see parseWeights for why one stays). */
export function formatWeights(weights: WeightMap): string {
  const entries = RATING_SOURCES.flatMap((source) => {
    const weight = weights[source];
    return weight !== undefined && weight > 0 ? [`${source}:${Number(weight.toFixed(2))}`] : [];
  });
  if (entries.length > 0) return entries.join(',');
  // All zero: keep one explicit zero, since an empty value would read as "use the server defaults".
  const first = RATING_SOURCES.find((source) => weights[source] !== undefined);
  return first === undefined ? '' : `${first}:0`;
}

export type MergeMode = 'mdblist' | 'dataset' | 'direct' | 'fallback';

export interface RequestWeights {
  movie?: WeightMap | null;
  tv?: WeightMap | null;
  animeMovie?: WeightMap | null;
  animeTv?: WeightMap | null;
}

export interface AggregateInput {
  mediaType: MediaType;
  /** From `parseMdbList(...).ratings`. */
  mdblist?: readonly NormalisedRating[];
  /** IMDb bulk-dataset row (rating 0–10); merged per `imdbRatingSource`. */
  imdbDataset?: { rating: number; votes: number | null } | null;
  /** `mdblist` (ignore the dataset), `dataset` (override), `fallback` (only when MDBList has none). */
  imdbRatingSource?: 'mdblist' | 'dataset' | 'fallback';
  /** TMDB details `vote_average` (0–10) and `vote_count`; merged per `tmdbRatingSource`. */
  tmdbDirect?: { voteAverage: number; voteCount: number } | null;
  /** `mdblist` (ignore), `direct` (override), `fallback` (only when MDBList has none). */
  tmdbRatingSource?: 'mdblist' | 'direct' | 'fallback';
  /** Anime provider community scores (0–100), merged under their own source name. */
  animeScores?: Partial<Record<'anilist' | 'kitsu', number>> | null;
  /** The request came in through an anime id (kitsu:/anilist:/mal:). */
  animeRequest?: boolean;
  /** Per-request weights; a present map replaces the server default for its set wholesale. */
  requestWeights?: RequestWeights;
  /** Operator defaults; reference defaults when omitted. */
  serverWeights?: { movie?: WeightMap; tv?: WeightMap };
  fallbackToImdb?: boolean;
  /** RATING_MIN_VOTES; sources whose known vote count is below it are dropped. */
  minVotes?: number;
}

export type WeightSet = 'movie' | 'tv' | 'animeMovie' | 'animeTv';

export interface RatingResult {
  /** Aggregate 0–100, or null for "N/A". */
  score: number | null;
  /** Every source that has a usable rating (after the vote floor), normalised 0–100. */
  ratings: Partial<Record<RatingSource, number>>;
  /** Weights that produced `score`, renormalised to sum to 1 over the sources actually used. */
  weights: Partial<Record<RatingSource, number>>;
  weightSet: WeightSet;
  /** Set when `score` came from a fallback rather than the weighted mean. */
  fallback: 'imdb' | 'anime' | null;
}

const ANIME_SOURCES: readonly RatingSource[] = ['myanimelist', 'anilist', 'kitsu'];

/** Merge every rating input and weight it (reference §7). Pure and total. */
export function aggregateRatings(input: AggregateInput): RatingResult {
  const minVotes = Math.max(0, input.minVotes ?? DEFAULT_RATING_MIN_VOTES);
  const passesFloor = (source: RatingSource, votes: number | null): boolean =>
    votes === null || VOTE_FLOOR_EXEMPT.has(source) || votes >= minVotes;

  const ratings: Partial<Record<RatingSource, number>> = {};
  for (const rating of input.mdblist ?? []) {
    if (ratings[rating.source] !== undefined) continue;
    if (!passesFloor(rating.source, rating.votes)) continue;
    ratings[rating.source] = rating.score;
  }

  for (const source of ['anilist', 'kitsu'] as const) {
    const score = toNumber(input.animeScores?.[source]);
    if (score !== null && score > 0 && score <= 100) ratings[source] = round1(score);
  }

  const dataset = input.imdbDataset;
  const datasetMode = input.imdbRatingSource ?? 'mdblist';
  if (dataset && datasetMode !== 'mdblist') {
    const rating = toNumber(dataset.rating);
    const votes = dataset.votes === null ? null : toCount(dataset.votes);
    if (rating !== null && rating > 0 && rating <= 10 && passesFloor('imdb', votes)) {
      if (datasetMode === 'dataset' || ratings.imdb === undefined) ratings.imdb = round1(rating * 10);
    }
  }

  const tmdb = input.tmdbDirect;
  const tmdbMode = input.tmdbRatingSource ?? 'mdblist';
  if (tmdb && tmdbMode !== 'mdblist') {
    const average = toNumber(tmdb.voteAverage);
    const count = toCount(tmdb.voteCount);
    // Unlike MDBList votes, an unknown TMDB count is not trusted: vote_average 0 is how TMDB says "nobody".
    if (average !== null && average > 0 && average <= 10 && count !== null && count >= minVotes) {
      if (tmdbMode === 'direct' || ratings.tmdb === undefined) ratings.tmdb = round1(average * 10);
    }
  }

  const anime = input.animeRequest === true || ANIME_SOURCES.some((source) => ratings[source] !== undefined);
  const isMovie = input.mediaType === 'movie';
  const weightSet: WeightSet = anime ? (isMovie ? 'animeMovie' : 'animeTv') : isMovie ? 'movie' : 'tv';
  const base =
    (isMovie ? input.requestWeights?.movie : input.requestWeights?.tv) ??
    (isMovie ? input.serverWeights?.movie : input.serverWeights?.tv) ??
    (isMovie ? DEFAULT_MOVIE_WEIGHTS : DEFAULT_TV_WEIGHTS);
  const animeWeights = isMovie ? input.requestWeights?.animeMovie : input.requestWeights?.animeTv;
  const weights: WeightMap = (anime ? animeWeights : null) ?? base;

  let total = 0;
  let sum = 0;
  const used: Partial<Record<RatingSource, number>> = {};
  for (const source of RATING_SOURCES) {
    const weight = weights[source];
    const value = ratings[source];
    if (weight === undefined || value === undefined || !(weight > 0)) continue;
    total += weight;
    sum += weight * value;
    used[source] = weight;
  }

  if (total > 0) {
    for (const source of RATING_SOURCES) {
      const weight = used[source];
      if (weight !== undefined) used[source] = Math.round((weight / total) * 10_000) / 10_000;
    }
    return { score: Math.round(sum / total), ratings, weights: used, weightSet, fallback: null };
  }

  if (anime) {
    const provider = ratings.anilist ?? ratings.kitsu ?? ratings.myanimelist;
    const source =
      ratings.anilist !== undefined ? 'anilist' : ratings.kitsu !== undefined ? 'kitsu' : 'myanimelist';
    if (provider !== undefined) {
      return { score: Math.round(provider), ratings, weights: { [source]: 1 }, weightSet, fallback: 'anime' };
    }
  }
  if (input.fallbackToImdb === true && ratings.imdb !== undefined) {
    return { score: Math.round(ratings.imdb), ratings, weights: { imdb: 1 }, weightSet, fallback: 'imdb' };
  }
  return { score: null, ratings, weights: {}, weightSet, fallback: null };
}
