/**
 * The `debug=1` diagnostics body: what the poster would show, and why. Never cached.
 *
 * Carries every field of the Python service's debug contract with its types (a public contract clients
 * read) — `age_rating` is MDBList's number, `sash` has `label`/`type`, flags are booleans,
 * matches are lists — plus our own extras (quality tier, art URLs, provisional reasons, cache key,
 * parameter notes). test/integration/debugContract.test.ts pins the field set and the types.
 */
import type { FactEvidence, Facts } from '../domain/facts.ts';
import type { PosterStyle } from '../domain/style.ts';
import type { PosterOptions } from './params/table.ts';

export interface DebugContext {
  cacheKey: string;
  notes: string[];
  style: Pick<PosterStyle, 'badgeDisplayMode' | 'ratingDisplayMode'>;
  options: Pick<PosterOptions, 'sashPriority' | 'imdbRatingSource' | 'tmdbRatingSource'>;
}

const NO_EVIDENCE: FactEvidence = {
  awardWins: 0,
  awardNoms: 0,
  festivalKeyword: null,
  festivalLabel: null,
  isCult: false,
  isTrueStory: false,
  isMetacritic: false,
  isNewRelease: false,
  isDigitalRelease: false,
  isPremiere: false,
  isJustAdded: false,
  isNewSeason: false,
  isReturning: false,
  isSeasonFinale: false,
  matchedStudios: [],
  matchedDirectors: [],
  matchedCast: [],
  upcomingReleaseDate: null,
  upcomingReleaseWindow: null,
  mdblistAge: null,
  releaseDate: null,
};

export function debugBody(facts: Facts, context: DebugContext) {
  const e = facts.evidence ?? NO_EVIDENCE;
  // The id the rating and quality caches key on: the IMDb id, else the TMDB id (we have no anime path).
  const canonicalId = facts.imdbId ?? `tmdb:${facts.mediaType}:${facts.tmdbId}`;
  return {
    imdb_id: facts.imdbId,
    effective_imdb_id: facts.imdbId,
    canonical_id: canonicalId,
    rating_provider: 'mdblist',
    rating_media_id: facts.imdbId ?? facts.tmdbId,
    imdb_rating_source: context.options.imdbRatingSource,
    tmdb_rating_source: context.options.tmdbRatingSource,
    quality_id: facts.imdbId,
    tmdb_id: facts.tmdbId,
    type: facts.mediaType,
    title: facts.title,
    score: facts.score,
    is_anime: false,
    ratings: facts.ratings,
    rating_weights: facts.ratingWeights,
    genre: facts.genre,
    release_year: facts.year,
    release_date: e.releaseDate,
    quality_tokens: facts.qualityTokens,
    quality_tier: facts.qualityTier,
    quality_score: facts.qualityScore,
    age_rating: e.mdblistAge,
    // What the poster prints for the age: MDBList's number as "16+", else the US certificate.
    age_label: facts.ageRating,
    award_wins: e.awardWins,
    award_noms: e.awardNoms,
    festival_keyword: e.festivalKeyword,
    festival_label: e.festivalLabel,
    sash: facts.sash ? { label: facts.sash.label, type: facts.sash.type, slot: facts.sash.slot } : null,
    is_cult: e.isCult,
    is_true_story: e.isTrueStory,
    is_metacritic: e.isMetacritic,
    is_new_release: e.isNewRelease,
    is_digital_release: e.isDigitalRelease,
    // The digital-release poller records membership, not a date: null when unknown, as in the reference.
    recent_digital_release_date: null,
    is_premiere: e.isPremiere,
    is_just_added: e.isJustAdded,
    is_new_season: e.isNewSeason,
    is_returning: e.isReturning,
    is_season_finale: e.isSeasonFinale,
    trending_rank: facts.trendingRank,
    original_language: facts.originalLanguage,
    matched_studios: e.matchedStudios,
    matched_directors: e.matchedDirectors,
    matched_cast: e.matchedCast,
    release_status: facts.releaseStatus,
    upcoming_release_date: e.upcomingReleaseDate,
    upcoming_release_window: e.upcomingReleaseWindow,
    sash_priority: [...context.options.sashPriority],
    badge_display_mode: context.style.badgeDisplayMode,
    rating_display_mode: context.style.ratingDisplayMode,
    poster: facts.poster?.url ?? null,
    poster_is_textless: facts.posterIsTextless,
    backdrop: facts.backdrop?.url ?? null,
    logo: facts.logo?.url ?? null,
    provisional: facts.provisional,
    provisional_reasons: facts.provisionalReasons,
    cache_key: context.cacheKey,
    notes: context.notes,
  };
}
