/**
 * What is true about one title, as the poster needs it. Assembled by the facts layer (src/title),
 * read by the scene builder (src/render/layout). Shared types only: this module imports nothing.
 */

export type MediaType = 'movie' | 'tv';

/** Colour family of a sash ribbon. */
export type SashType = 'win' | 'nom' | 'prestige' | 'cast' | 'info' | 'alert' | 'trending';

export interface Sash {
  /** Already translated and dated, e.g. "Oscar Winner", "#3 Trending", "Oct 16 Cinema". */
  label: string;
  type: SashType;
  /** The priority slot that produced it (e.g. 'wins', 'trending', 'new_season'). */
  slot: string;
}

/** Quality tokens, one per group: resolution, source, visual, audio. */
export type QualityToken = '4K' | '1080P' | 'REMUX' | 'WEBDL' | 'DV' | 'HDR10+' | 'HDR10' | 'ATMOS' | 'DTSX';

/** Tier of the quality score: 0–1 grey, 2–3 bronze, 4–5 silver, 6 gold (see title/quality.ts). */
export type QualityTier = 'grey' | 'bronze' | 'silver' | 'gold';

export interface ImageRef {
  /** Absolute URL of the chosen image (already sized), fetched by the art loader. */
  url: string;
  width?: number;
  height?: number;
  /** ISO 639-1 of the image's text; null = language-neutral (textless). */
  language?: string | null;
}

/**
 * What the facts layer found and why, for `debug=1` only (the renderer never reads it): the
 * reference's debug contract fields that are not already facts above.
 */
export interface FactEvidence {
  /** Award sash slots the title qualifies for: Oscar/Emmy and Globe wins, picture and Globe nominations. */
  awardWins: number;
  awardNoms: number;
  /** The MDBList festival keyword matched (`festival-cannes-winner` …), and the festival label chosen. */
  festivalKeyword: string | null;
  festivalLabel: string | null;
  isCult: boolean;
  isTrueStory: boolean;
  isMetacritic: boolean;
  isNewRelease: boolean;
  isDigitalRelease: boolean;
  isPremiere: boolean;
  isJustAdded: boolean;
  isNewSeason: boolean;
  isReturning: boolean;
  isSeasonFinale: boolean;
  /** Credit names (as TMDB spells them) found on the curated studio / director / cast lists. */
  matchedStudios: string[];
  matchedDirectors: string[];
  matchedCast: string[];
  /** ISO day and window (cinema, digital …) of the next release, for a title not yet at home. */
  upcomingReleaseDate: string | null;
  upcomingReleaseWindow: string | null;
  /** MDBList's numeric age rating (the `ageRating` fact may be a US certificate instead). */
  mdblistAge: number | null;
  /** TMDB release / first-air date (ISO day). */
  releaseDate: string | null;
}

export interface Facts {
  mediaType: MediaType;
  tmdbId: string;
  imdbId: string | null;
  title: string;
  originalTitle: string | null;
  originalLanguage: string | null;
  /** First release (movies) or first air year (series). */
  year: number | null;
  /** TMDB genre ids in TMDB's order. */
  genreIds: number[];
  /** Label of the winning genre by GENRE_PRIORITY (untranslated English key, e.g. "Sci-Fi"). */
  genre: string | null;
  ageRating: string | null;

  /** Textless poster if there is one, else the best poster; null = no poster art at all. */
  poster: ImageRef | null;
  posterIsTextless: boolean;
  backdrop: ImageRef | null;
  logo: ImageRef | null;

  /** Aggregate score 0–100, or null ("N/A"). */
  score: number | null;
  /** Normalised (0–100) value per rating source that entered the aggregate. */
  ratings: Record<string, number>;
  /** Weights actually used per source (after request overrides and renormalisation). */
  ratingWeights: Record<string, number>;

  sash: Sash | null;
  /** e.g. 'cinema', 'streaming', 'returning', 'ended', 'upcoming' … (see title/releaseStatus.ts). */
  releaseStatus: string | null;
  trendingRank: number | null;

  qualityTokens: QualityToken[];
  /** 0–6 tier score. */
  qualityScore: number;
  qualityTier: QualityTier;

  /** True when anything above is incomplete or stale: such a poster is served but never stored. */
  provisional: boolean;
  provisionalReasons: string[];
  /** Diagnostics for `debug=1`; absent on facts built without a source (unknown titles, tests). */
  evidence?: FactEvidence;
}
