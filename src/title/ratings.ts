/**
 * Rating sources → one aggregate 0–100 score. Pure and total.
 *
 * Merges MDBList's normalised ratings (read by src/upstream/mdblistSchemas.ts) with the optional
 * IMDb-dataset / direct-TMDB / anime-provider values, then weights them with the request's or the
 * server's weights (the URL syntax of those weights: src/poster/params/weights.ts).
 */
import type { MediaType } from '../domain/facts.ts';
import { toCount, toNumber } from '../upstream/json.ts';
import { MDBLIST_SOURCES, type NormalisedRating } from '../upstream/mdblistSchemas.ts';

/**
 * Every source a weight can name, in the order weights are written back: MDBList's
 * own sources, then the anime providers' community scores.
 */
export const RATING_SOURCES = [...MDBLIST_SOURCES, 'anilist', 'kitsu'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

export type WeightMap = Partial<Record<RatingSource, number>>;

/** Server defaults; a request's weights replace these wholesale, never merge. */
export const DEFAULT_MOVIE_WEIGHTS: Readonly<WeightMap> = Object.freeze({ letterboxd: 0.8, tomatoes: 0.2 });
export const DEFAULT_TV_WEIGHTS: Readonly<WeightMap> = Object.freeze({ trakt: 0.8, tomatoes: 0.2 });

/** Per-source vote floor (env RATING_MIN_VOTES). */
export const DEFAULT_RATING_MIN_VOTES = 10;

/** Roger Ebert reviews carry no vote count and are one critic by design: the floor would always drop them. */
const VOTE_FLOOR_EXEMPT: ReadonlySet<RatingSource> = new Set<RatingSource>(['rogerebert']);

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

const round1 = (n: number): number => Math.round(n * 10) / 10;

const ANIME_SOURCES: readonly RatingSource[] = ['myanimelist', 'anilist', 'kitsu'];

/** Merge every rating input and weight it. Pure and total. */
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
