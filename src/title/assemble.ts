/**
 * Facts for one title from what the sources returned (pure): art choice, score, genre, year, age rating,
 * release status, sash, quality tier, trending rank, and whether any of it is provisional.
 */
import type { Facts, ImageRef, QualityToken } from '../domain/facts.ts';
import type { MdbListTitle } from '../upstream/mdblistSchemas.ts';
import type { TmdbImage, TmdbTitle } from '../upstream/tmdb.ts';
import {
  type ArtChoice,
  chooseArt,
  chooseOriginalPoster,
  type LogoPriority,
  logoLanguageOrder,
  logoReachesMetahub,
} from './art.ts';
import type { CuratedLists } from './curated.ts';
import { factEvidence } from './evidence.ts';
import { genreLabel } from './genres.ts';
import { qualityScore, qualityTier } from './quality.ts';
import { aggregateRatings, type WeightMap } from './ratings.ts';
import {
  movieReleaseStatus,
  type ReleaseStatus,
  releaseDatesFromTmdb,
  tvLifecycle,
} from './releaseStatus.ts';
import { chooseSash, sashCandidates } from './sash.ts';
import type { SashSlot } from './sashSlots.ts';

/** What the gatherer found; null = that source had nothing (or failed, see `provisionalReasons`). */
export interface TitleData {
  tmdb: TmdbTitle;
  mdblist: MdbListTitle | null;
  qualityTokens: QualityToken[] | null;
  trendingRank: number | null;
  digitalReleaseIds: ReadonlySet<string>;
  provisionalReasons: string[];
}

export interface FactOptions {
  language: string;
  logoPriority: LogoPriority;
  logoLanguageSecondary: string | null;
  movieWeights: WeightMap | null;
  tvWeights: WeightMap | null;
  fallbackToImdb: boolean;
  tmdbRatingSource: 'mdblist' | 'direct' | 'fallback';
  sashPriority: readonly SashSlot[];
  releaseStatusCinemaOnly: boolean;
  releaseStatusDates: boolean;
  /** Serve the poster with its own title as-is: no logo, no backdrop rescue (use_original_art). */
  useOriginalArt?: boolean;
  originalArtSource?: 'primary' | 'top_rated';
  /** The style greys Cinema/Production art (cinema_greyscale and friends): explain it with the sash. */
  cinemaGreyscale: boolean;
  cinemaGreyscaleSkipIfAvailable: boolean;
}

export interface ServerFactSettings {
  posterMinVotes: number;
  posterMaxScoreDrop: number;
  ratingMinVotes: number;
  cinemaMaxAgeYears: number;
  trendingCount: number;
  trendingBroadCount: number;
  imageUrl: (path: string, size: string) => string;
  /** Metahub's logo URL for an IMDb id (null = none / not configured); absent = no Metahub step. */
  metahubLogoUrl?: (imdbId: string | null) => string | null;
}

/**
 * The TMDB image sizes a poster downloads. Posters at w500 — exactly the 500×750 canvas, as the
 * reference fetches them: w780 doubled the bytes and cost ~5 ms more decode and resample per render
 * (~28 %) for nothing visible at 500 px (docs/PERFORMANCE.md). Backdrops at w1280, the crop taking a
 * 2:3 window of their full height; logos at w500, fitted into a smaller box anyway.
 */
const TMDB_SIZES = { poster: 'w500', backdrop: 'w1280', logo: 'w500' } as const;

const imageRef = (
  image: TmdbImage | { filePath: string; language: string | null } | null,
  size: string,
  settings: ServerFactSettings,
): ImageRef | null =>
  image
    ? {
        url: settings.imageUrl(image.filePath, size),
        language: image.language,
        ...('width' in image ? { width: image.width, height: image.height } : {}),
      }
    : null;

/** TMDB-shaped release_dates body, as releaseDatesFromTmdb reads it. */
function releaseDatesBody(tmdb: TmdbTitle) {
  const byCountry = new Map<
    string,
    { type: number; release_date: string | null; certification: string | null }[]
  >();
  for (const r of tmdb.releaseDates) {
    const list = byCountry.get(r.country) ?? [];
    list.push({ type: r.type, release_date: r.date, certification: r.certification });
    byCountry.set(r.country, list);
  }
  return { results: [...byCountry].map(([iso_3166_1, release_dates]) => ({ iso_3166_1, release_dates })) };
}

const tmdbEpisode = (e: TmdbTitle['nextEpisode']) =>
  e
    ? {
        air_date: e.airDate,
        season_number: e.seasonNumber,
        episode_number: e.episodeNumber,
        episode_type: e.episodeType,
      }
    : null;

/** MDBList's numeric age rating, else the US certification TMDB lists. */
function ageRatingOf(tmdb: TmdbTitle, mdblist: MdbListTitle | null): string | null {
  if (mdblist?.ageRating) return `${mdblist.ageRating}+`;
  if (tmdb.mediaType === 'tv') return tmdb.contentRatings.find((r) => r.country === 'US')?.rating ?? null;
  const us = tmdb.releaseDates.filter((r) => r.country === 'US' && r.certification);
  return (us.find((r) => r.type === 3 || r.type === 4) ?? us[0])?.certification ?? null;
}

/** The art a poster shows, as downloadable references: it depends on TMDB's details alone. */
export type ArtImages = Pick<Facts, 'poster' | 'posterIsTextless' | 'backdrop' | 'logo'>;

export function chooseArtImages(
  tmdb: TmdbTitle,
  options: FactOptions,
  settings: ServerFactSettings,
): ArtImages {
  const artOptions = {
    posterMinVotes: settings.posterMinVotes,
    posterMaxScoreDrop: settings.posterMaxScoreDrop,
    logoLanguage: options.language,
    originalLanguage: tmdb.originalLanguage,
    secondaryLanguage: options.logoLanguageSecondary,
    logoPriority: options.logoPriority,
  };
  let art: ArtChoice = chooseArt(tmdb, artOptions);
  if (options.useOriginalArt) {
    const original = chooseOriginalPoster(
      tmdb.posters,
      tmdb.posterPath,
      [...logoLanguageOrder(artOptions), 'en'],
      options.originalArtSource ?? 'primary',
    );
    // The studio's own poster carries its title: no logo over it, and no backdrop rescue.
    if (original) art = { ...art, poster: original, posterIsTextless: false, backdrop: null, logo: null };
  }
  // No TMDB logo in any wanted language: Metahub's, by IMDb id, before the drawn title.
  const metahubLogo =
    !art.logo && !options.useOriginalArt && logoReachesMetahub(options.logoPriority)
      ? (settings.metahubLogoUrl?.(tmdb.imdbId) ?? null)
      : null;
  return {
    poster: imageRef(art.poster, TMDB_SIZES.poster, settings),
    posterIsTextless: art.posterIsTextless,
    backdrop: imageRef(art.backdrop, TMDB_SIZES.backdrop, settings),
    logo: metahubLogo ? { url: metahubLogo, language: 'en' } : imageRef(art.logo, TMDB_SIZES.logo, settings),
  };
}

export function assembleFacts(
  data: TitleData,
  options: FactOptions,
  settings: ServerFactSettings,
  lists: CuratedLists,
  now: Date,
): Facts {
  const { tmdb, mdblist } = data;

  const rating = aggregateRatings({
    mediaType: tmdb.mediaType,
    mdblist: mdblist?.ratings ?? [],
    tmdbDirect: { voteAverage: tmdb.voteAverage, voteCount: tmdb.voteCount },
    tmdbRatingSource: options.tmdbRatingSource,
    requestWeights: { movie: options.movieWeights, tv: options.tvWeights },
    fallbackToImdb: options.fallbackToImdb,
    minVotes: settings.ratingMinVotes,
  });

  let releaseStatus: ReleaseStatus | null;
  let upcoming = null;
  let tvFlags = null;
  let movieFlags = null;
  if (tmdb.mediaType === 'movie') {
    const info = movieReleaseStatus({
      tmdbStatus: tmdb.status,
      primaryReleaseDate: tmdb.releaseDate,
      releaseDates: releaseDatesFromTmdb(releaseDatesBody(tmdb)),
      imdbId: tmdb.imdbId,
      digitalReleaseIds: data.digitalReleaseIds,
      now,
      cinemaMaxAgeYears: settings.cinemaMaxAgeYears,
    });
    releaseStatus = info.status;
    upcoming = info.upcoming;
    movieFlags = { isJustAdded: info.isJustAdded, isDigitalRelease: info.isDigitalRelease };
  } else {
    const life = tvLifecycle({
      status: tmdb.status,
      firstAirDate: tmdb.releaseDate,
      lastEpisode: tmdbEpisode(tmdb.lastEpisode),
      nextEpisode: tmdbEpisode(tmdb.nextEpisode),
      seasons: tmdb.seasonList.map((s) => ({
        season_number: s.seasonNumber,
        episode_count: s.episodeCount,
        air_date: s.airDate,
      })),
      now,
    });
    releaseStatus = life.status;
    tvFlags = life;
  }

  const tokens = data.qualityTokens ?? [];
  const keywords = [
    ...(mdblist?.keywords ?? []),
    ...tmdb.keywords.map((k) => k.toLowerCase().replaceAll(' ', '-')),
  ];
  const companies = [...tmdb.companies.map((c) => c.name), ...tmdb.networks.map((n) => n.name)];
  const candidates = sashCandidates({
    mediaType: tmdb.mediaType,
    tmdbId: tmdb.tmdbId,
    keywords,
    trendingRank: data.trendingRank,
    trendingCount: settings.trendingCount,
    trendingBroadCount: settings.trendingBroadCount,
    originalLanguage: tmdb.originalLanguage,
    runtimeMinutes: tmdb.runtime,
    numberOfSeasons: tmdb.seasons,
    numberOfEpisodes: tmdb.episodes,
    companies: tmdb.companies.map((c) => c.name),
    networks: tmdb.networks.map((n) => n.name),
    directors: tmdb.directors,
    cast: tmdb.cast,
    tv: tvFlags,
    movie: movieFlags,
    mdbListReleased: mdblist?.released ?? null,
    releaseStatus,
    upcomingRelease: upcoming,
    lists,
    now,
  });
  // Greyed Cinema/Production art is explained by its release-status ribbon.
  const digitalFound = tokens.includes('WEBDL') || tokens.includes('REMUX');
  const greyed =
    options.cinemaGreyscale &&
    (releaseStatus === 'cinema' || releaseStatus === 'production') &&
    !(options.cinemaGreyscaleSkipIfAvailable && digitalFound);
  const sash = chooseSash(candidates, options.sashPriority, {
    lang: options.language,
    releaseStatusCinemaOnly: options.releaseStatusCinemaOnly,
    releaseStatusDates: options.releaseStatusDates,
    promoteSlot: greyed && releaseStatus ? releaseStatus : null,
  });

  const score = qualityScore(tokens);
  const year = Number.parseInt(tmdb.releaseDate?.slice(0, 4) ?? '', 10);
  return {
    mediaType: tmdb.mediaType,
    tmdbId: tmdb.tmdbId,
    imdbId: tmdb.imdbId,
    title: tmdb.title,
    originalTitle: tmdb.originalTitle,
    originalLanguage: tmdb.originalLanguage,
    year: Number.isFinite(year) ? year : (mdblist?.year ?? null),
    genreIds: tmdb.genreIds,
    genre: genreLabel({ tmdbGenreIds: tmdb.genreIds, mdbListGenres: mdblist?.genres ?? [] }),
    ageRating: ageRatingOf(tmdb, mdblist),
    ...chooseArtImages(tmdb, options, settings),
    score: rating.score,
    ratings: rating.ratings as Record<string, number>,
    ratingWeights: rating.weights as Record<string, number>,
    sash,
    releaseStatus,
    trendingRank: data.trendingRank,
    qualityTokens: tokens,
    qualityScore: score,
    qualityTier: qualityTier(score),
    provisional: data.provisionalReasons.length > 0,
    provisionalReasons: [...data.provisionalReasons],
    evidence: factEvidence({
      candidates,
      keywords,
      companies,
      directors: tmdb.directors,
      cast: tmdb.cast,
      lists,
      tv: tvFlags,
      movie: movieFlags,
      upcoming,
      mdblistAge: mdblist?.ageRating ?? null,
      releaseDate: tmdb.releaseDate,
    }),
  };
}
