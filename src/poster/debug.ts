/** The `debug=1` diagnostics body: what the poster would show, and why. Never cached. */
import type { Facts } from '../domain/facts.ts';

export function debugBody(facts: Facts, extra: { cacheKey: string; notes: string[] }) {
  return {
    imdb_id: facts.imdbId,
    tmdb_id: facts.tmdbId,
    type: facts.mediaType,
    title: facts.title,
    score: facts.score,
    ratings: facts.ratings,
    rating_weights: facts.ratingWeights,
    genre: facts.genre,
    release_year: facts.year,
    age_rating: facts.ageRating,
    quality_tokens: facts.qualityTokens,
    quality_tier: facts.qualityTier,
    quality_score: facts.qualityScore,
    sash: facts.sash ? { label: facts.sash.label, type: facts.sash.type, slot: facts.sash.slot } : null,
    release_status: facts.releaseStatus,
    trending_rank: facts.trendingRank,
    poster: facts.poster?.url ?? null,
    poster_is_textless: facts.posterIsTextless,
    backdrop: facts.backdrop?.url ?? null,
    logo: facts.logo?.url ?? null,
    provisional: facts.provisional,
    provisional_reasons: facts.provisionalReasons,
    cache_key: extra.cacheKey,
    notes: extra.notes,
  };
}
