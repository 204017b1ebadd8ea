import type { Facts, MediaType } from '../domain/facts.ts';

/**
 * Facts for a title nobody could be asked about (TMDB down or too slow, nothing cached): the renderer
 * then draws the genre-tinted fallback canvas. Always provisional, so it is never stored.
 */
export function unknownFacts(tmdbId: string, mediaType: MediaType, reason: string): Facts {
  return {
    mediaType,
    tmdbId,
    imdbId: null,
    title: '',
    originalTitle: null,
    originalLanguage: null,
    year: null,
    genreIds: [],
    genre: null,
    ageRating: null,
    poster: null,
    posterIsTextless: false,
    backdrop: null,
    logo: null,
    score: null,
    ratings: {},
    ratingWeights: {},
    sash: null,
    releaseStatus: null,
    trendingRank: null,
    qualityTokens: [],
    qualityScore: 0,
    qualityTier: 'grey',
    provisional: true,
    provisionalReasons: [reason],
  };
}
