/**
 * The facts one poster request needs: gathered through the fact caches (bounded by the request's
 * deadline) and assembled with the request's own options. TMDB not knowing the title is a 404; TMDB
 * unreachable with nothing cached gives placeholder facts (a provisional poster on the genre canvas).
 */
import { notFound } from '../domain/errors.ts';
import type { Facts } from '../domain/facts.ts';
import { styleNeedsQuality } from '../domain/style.ts';
import { type ArtImages, assembleFacts, chooseArtImages, type FactOptions } from '../title/assemble.ts';
import type { UseCaseFacts } from '../title/sources.ts';
import type { TmdbTitle } from '../upstream/tmdb.ts';
import type { PosterRequest } from './request.ts';
import type { TitleRef } from './resolveTitle.ts';
import { unknownFacts } from './unknownFacts.ts';

export function factOptionsOf(request: PosterRequest): FactOptions {
  const { style, options } = request;
  return {
    language: style.language,
    logoPriority: options.logoPriority,
    logoLanguageSecondary: options.logoLanguageSecondary,
    movieWeights: options.movieWeights,
    tvWeights: options.tvWeights,
    fallbackToImdb: options.fallbackToImdb,
    tmdbRatingSource: options.tmdbRatingSource,
    sashPriority: options.sashPriority,
    releaseStatusCinemaOnly: options.releaseStatusCinemaOnly,
    releaseStatusDates: options.releaseStatusDates,
    cinemaGreyscale: style.cinemaGreyscale,
    cinemaGreyscaleSkipIfAvailable: style.cinemaGreyscaleSkipIfAvailable,
    useOriginalArt: options.useOriginalArt,
    originalArtSource: options.originalArtSource,
  };
}

export interface GatherPosterFacts {
  facts: UseCaseFacts;
  now: () => number;
  /** PRESET_MDBLIST_FETCH: an anonymous /p miss may fetch ratings (within the operator's MDBList budget). */
  presetRatingFetch?: boolean;
  /** Called with the poster's art as soon as TMDB's details are known, before ratings and quality. */
  onArtKnown?: (art: ArtImages) => void;
}

export async function gatherPosterFacts(
  deps: GatherPosterFacts,
  title: TitleRef,
  request: PosterRequest,
  deadline: number,
): Promise<Facts> {
  const { style, options } = request;
  const { onArtKnown } = deps;
  const data = await deps.facts.gatherer.gather(title, {
    imageLanguages: [style.language, options.logoLanguageSecondary ?? ''].filter(Boolean),
    tmdbKey: request.tmdbKey,
    mdblistKey: request.mdblistKey,
    needQuality: styleNeedsQuality(style),
    waitForQuality: style.waitForQuality,
    qualityTokens: options.qualityTokens,
    episode: { season: options.season, episode: options.episode },
    cacheOnly: request.tier === 'preset',
    fetchRatings: request.tier === 'preset' && deps.presetRatingFetch === true,
    deadline,
    ...(onArtKnown
      ? {
          onTitle: (tmdb: TmdbTitle) =>
            onArtKnown(chooseArtImages(tmdb, factOptionsOf(request), deps.facts.settings)),
        }
      : {}),
  });
  if (data === null) throw notFound('unknown_title', 'TMDB does not know this title');
  if (data === undefined) return unknownFacts(title.tmdbId, title.mediaType, 'metadata_unavailable');
  return assembleFacts(
    data,
    factOptionsOf(request),
    deps.facts.settings,
    deps.facts.lists,
    new Date(deps.now()),
  );
}
