/**
 * The poster use case: a parsed request in, an answer out (image, redirect, debug JSON or a typed error).
 *
 *   key = compositeKey(title, resolved style, server settings)
 *   L1 → Storage row fresh? → blob (or 302 to the CDN)
 *   miss: join the single flight for the key → admission slot → facts → art → render
 *         → store unless provisional
 *
 * Every answer leaves within POSTER_DEADLINE_MS: facts or art still missing then are left out and the
 * poster is provisional (served with no-store, never stored) while the fetches finish in the background.
 */
import type { FactsContext } from '../app/facts.ts';
import type { Config } from '../config/schema.ts';
import type { Facts, MediaType } from '../domain/facts.ts';
import type { PosterStyle } from '../domain/style.ts';
import { AppError, notFound, unavailable } from '../http/errors.ts';
import type { RenderInput, RenderResult } from '../render/types.ts';
import { assembleFacts } from '../title/assemble.ts';
import type { TmdbTitle } from '../upstream/tmdb.ts';
import { type Admission, AdmissionTimeoutError } from './admission.ts';
import type { ArtCache } from './artCache.ts';
import { canonicalJson, compositeKey } from './cacheKey.ts';
import { cacheControlFor, compositeLifetimeMs, etagFor, NO_STORE } from './cachePolicy.ts';
import type { CompositeStore } from './compositeStore.ts';
import { debugBody } from './debug.ts';
import type { Identity } from './identity.ts';
import type { PosterOptions } from './params/table.ts';
import { unknownFacts } from './unknownFacts.ts';

/** Badge modes that show stream quality (1 tinted age, 2 row, 4 accent bar, 5 combined, 6 bookmark). */
const QUALITY_BADGE_MODES = new Set([1, 2, 4, 5, 6]);
const RETRY_AFTER_SECONDS = 5;

export interface PosterRequest {
  identity: Identity;
  style: PosterStyle;
  options: PosterOptions;
  notes: string[];
  tmdbKey?: string;
  mdblistKey?: string;
  debug: boolean;
  /** Re-render and re-store (operator only; the route checks the access key). */
  nocache: boolean;
  /** `preset`: the anonymous public tier (cache-only facts, its own Cache-Control). */
  tier: 'operator' | 'preset';
  receivedAt: number;
}

export type PosterAnswer =
  | {
      kind: 'image';
      bytes: Buffer;
      contentType: string;
      etag: string | null;
      cacheControl: string | null;
      xCache: 'HIT' | 'MISS' | 'PROVISIONAL';
    }
  | { kind: 'redirect'; location: string; cacheControl: string | null }
  | { kind: 'debug'; body: unknown };

export interface PosterServiceDeps {
  config: Config;
  facts: FactsContext;
  store: CompositeStore;
  artCache: ArtCache;
  admission: Admission;
  render: (input: RenderInput) => Promise<RenderResult>;
  now: () => number;
  /** Metrics hooks: composite lookups, pipeline wall time, and requests turned away for lack of a slot. */
  onCompositeLookup?: (result: 'hit' | 'miss') => void;
  onPipeline?: (seconds: number) => void;
  onSaturated?: () => void;
}

interface Rendered {
  bytes: Buffer;
  contentType: string;
  etag: string;
  provisional: boolean;
  expiresAt: number;
}

export function createPosterService(deps: PosterServiceDeps) {
  const { config, facts: factsContext, store, now } = deps;
  const inflight = new Map<string, Promise<Rendered>>();
  const output = {
    format: config.IMAGE_FORMAT,
    quality: config.IMAGE_FORMAT === 'jpeg' ? config.JPEG_QUALITY : config.WEBP_QUALITY,
  };
  /** Server settings that change pixels: part of every composite key. */
  const serverSettings = {
    format: output.format,
    quality: output.quality,
    posterMinVotes: config.TMDB_POSTER_MIN_VOTES,
    posterMaxScoreDrop: config.TMDB_POSTER_MAX_SCORE_DROP,
    ratingMinVotes: config.RATING_MIN_VOTES,
    cinemaMaxAgeYears: config.CINEMA_MAX_AGE_YEARS,
    trending: `${config.TRENDING_FETCH_COUNT}/${config.TRENDING_BROAD_FETCH_COUNT}`,
  };

  const remaining = (request: PosterRequest) => request.receivedAt + config.POSTER_DEADLINE_MS - now();

  async function resolveTitle(request: PosterRequest): Promise<{ tmdbId: string; mediaType: MediaType }> {
    const { identity } = request;
    if (identity.tmdbId && identity.mediaType)
      return { tmdbId: identity.tmdbId, mediaType: identity.mediaType };
    const found = await factsContext.gatherer.resolve(
      { imdbId: identity.imdbId, tvdbId: identity.tvdbId },
      { tmdbKey: request.tmdbKey, deadline: request.receivedAt + config.POSTER_DEADLINE_MS },
    );
    if (found === null) throw notFound('unknown_title', 'no source knows this title');
    if (found === undefined) {
      if (identity.tmdbId && identity.mediaType)
        return { tmdbId: identity.tmdbId, mediaType: identity.mediaType };
      throw unavailable(
        'upstream_unavailable',
        'the title could not be looked up right now',
        RETRY_AFTER_SECONDS,
      );
    }
    return found;
  }

  function factOptions(request: PosterRequest) {
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

  /**
   * Starts the art downloads as soon as TMDB's details are in, while ratings, quality and trending are
   * still being fetched: the art choice needs the details only. The art cache joins the later reads
   * to these downloads, so a cold poster waits for one upstream round trip less.
   */
  function prefetchArt(tmdb: TmdbTitle, request: PosterRequest): void {
    const early = assembleFacts(
      {
        tmdb,
        mdblist: null,
        qualityTokens: null,
        trendingRank: null,
        digitalReleaseIds: new Set(),
        provisionalReasons: [],
      },
      factOptions(request),
      factsContext.settings,
      factsContext.lists,
      new Date(now()),
    );
    for (const url of artUrls(early, request)) {
      if (url) deps.artCache.get(url).catch(() => undefined);
    }
  }

  async function factsFor(
    title: { tmdbId: string; mediaType: MediaType },
    request: PosterRequest,
    prefetch = false,
  ): Promise<Facts> {
    const { style, options } = request;
    const data = await factsContext.gatherer.gather(title, {
      imageLanguages: [style.language, options.logoLanguageSecondary ?? ''].filter(Boolean),
      tmdbKey: request.tmdbKey,
      mdblistKey: request.mdblistKey,
      needQuality:
        QUALITY_BADGE_MODES.has(style.badgeDisplayMode) ||
        style.cinemaGreyscaleSkipIfAvailable ||
        style.greyscaleNoQuality,
      waitForQuality: style.waitForQuality,
      qualityTokens: options.qualityTokens,
      episode: { season: options.season, episode: options.episode },
      cacheOnly: request.tier === 'preset',
      deadline: request.receivedAt + config.POSTER_DEADLINE_MS,
      ...(prefetch ? { onTitle: (tmdb: TmdbTitle) => prefetchArt(tmdb, request) } : {}),
    });
    if (data === null) throw notFound('unknown_title', 'TMDB does not know this title');
    if (data === undefined) return unknownFacts(title.tmdbId, title.mediaType, 'metadata_unavailable');
    return assembleFacts(
      data,
      factOptions(request),
      factsContext.settings,
      factsContext.lists,
      new Date(now()),
    );
  }

  /** The art a poster downloads: its image, the backdrop rescue for texted posters, the logo. */
  function artUrls(
    facts: Facts,
    request: PosterRequest,
  ): [string | undefined, string | undefined, string | undefined] {
    // The base art is textless unless it is a texted poster without a backdrop to crop: a backdrop crop
    // and the genre canvas (no art at all) both carry our logo.
    const wantLogo = !request.style.textless && (facts.posterIsTextless || !facts.poster || !!facts.backdrop);
    return [
      facts.poster?.url,
      facts.posterIsTextless ? undefined : facts.backdrop?.url,
      wantLogo ? facts.logo?.url : undefined,
    ];
  }

  /** Downloads (or reads cached) art, bounded by the request's deadline. */
  async function artFor(facts: Facts, request: PosterRequest) {
    const fetchBytes = async (url: string | undefined) => {
      if (!url) return { bytes: null, failed: false };
      const result = await deps.artCache.get(url);
      return 'bytes' in result
        ? { bytes: result.bytes, failed: false }
        : { bytes: null, failed: 'failed' in result };
    };
    const [posterUrl, backdropUrl, logoUrl] = artUrls(facts, request);
    const all = Promise.all([fetchBytes(posterUrl), fetchBytes(backdropUrl), fetchBytes(logoUrl)]);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), Math.max(0, remaining(request) - 1000));
    });
    const result = await Promise.race([all, late]).finally(() => clearTimeout(timer));
    if (!result) return { art: null, backdrop: null, logo: null, incomplete: true };
    const [art, backdrop, logo] = result;
    return {
      art: art.bytes,
      backdrop: backdrop.bytes,
      logo: logo.bytes,
      incomplete: art.failed || backdrop.failed || logo.failed,
    };
  }

  async function renderFresh(
    key: string,
    title: { tmdbId: string; mediaType: MediaType },
    request: PosterRequest,
  ): Promise<Rendered> {
    const started = performance.now();
    try {
      return await renderPipeline(key, title, request);
    } finally {
      deps.onPipeline?.((performance.now() - started) / 1000);
    }
  }

  async function renderPipeline(
    key: string,
    title: { tmdbId: string; mediaType: MediaType },
    request: PosterRequest,
  ): Promise<Rendered> {
    const facts = await factsFor(title, request, true);
    const art = await artFor(facts, request);
    if (art.incomplete) {
      facts.provisional = true;
      facts.provisionalReasons.push('art_unavailable');
    }
    const result = await deps.render({
      art: art.art,
      backdrop: art.backdrop,
      logo: art.logo,
      facts,
      style: request.style,
      output,
      deadlineMs: Math.max(1500, remaining(request)),
    });
    const provisional = facts.provisional || config.DISABLE_COMPOSITE_CACHE;
    const etag = etagFor(result.bytes);
    const expiresAt =
      now() +
      compositeLifetimeMs({
        key,
        baseTtlMs: config.COMPOSITE_CACHE_TTL * 1000,
        jitterMs: config.COMPOSITE_CACHE_TTL_JITTER * 1000,
        sashSlot: facts.sash?.slot ?? null,
        releaseStatus: facts.releaseStatus,
      });
    if (!provisional) {
      await store.save(
        { key, bytes: result.bytes, etag, contentType: result.contentType, expiresAt },
        {
          tmdbId: title.tmdbId,
          mediaType: title.mediaType,
          params: canonicalJson({ style: request.style, options: request.options }),
        },
      );
    }
    return { bytes: result.bytes, contentType: result.contentType, etag, provisional, expiresAt };
  }

  /** One render per key at a time: later identical requests join it before taking a slot. */
  function joinOrRender(
    key: string,
    title: { tmdbId: string; mediaType: MediaType },
    request: PosterRequest,
  ): Promise<Rendered> {
    const flightKey = request.nocache ? `${key}#nocache` : key;
    let pending = inflight.get(flightKey);
    if (!pending) {
      const queueBudget = Math.max(
        1,
        Math.min(
          config.RENDER_QUEUE_TIMEOUT > 0 ? config.RENDER_QUEUE_TIMEOUT * 1000 : Number.POSITIVE_INFINITY,
          remaining(request),
        ),
      );
      pending = withQueueBudget(
        deps.admission,
        queueBudget,
        () => renderFresh(key, title, request),
        deps.onSaturated,
      ).finally(() => inflight.delete(flightKey));
      inflight.set(flightKey, pending);
    }
    return pending;
  }

  function cacheControlOf(request: PosterRequest, expiresAt: number): string | null {
    if (request.tier === 'preset') {
      return cacheControlFor(expiresAt, now(), config.PRESET_CDN_CACHE_TTL);
    }
    return cacheControlFor(expiresAt, now(), config.CDN_CACHE_TTL);
  }

  return {
    inflightCount: () => inflight.size,

    async serve(request: PosterRequest): Promise<PosterAnswer> {
      const title = await resolveTitle(request);
      const key = compositeKey({
        tmdbId: title.tmdbId,
        mediaType: title.mediaType,
        style: { style: request.style, options: { ...request.options, primaryClient: undefined } },
        server: serverSettings,
      });

      if (request.debug) {
        const facts = await factsFor(title, request);
        const context = {
          cacheKey: key,
          notes: request.notes,
          style: request.style,
          options: request.options,
        };
        return { kind: 'debug', body: debugBody(facts, context) };
      }

      if (!request.nocache && !config.DISABLE_COMPOSITE_CACHE) {
        const hit = await store.lookup(key);
        deps.onCompositeLookup?.(hit.found === 'none' ? 'miss' : 'hit');
        if (hit.found === 'redirect') {
          return {
            kind: 'redirect',
            location: hit.url,
            cacheControl: cacheControlOf(request, hit.poster.expiresAt),
          };
        }
        if (hit.found === 'memory' || hit.found === 'store') {
          const { poster } = hit;
          return {
            kind: 'image',
            bytes: poster.bytes,
            contentType: poster.contentType,
            etag: poster.etag,
            cacheControl: cacheControlOf(request, poster.expiresAt),
            xCache: 'HIT',
          };
        }
      }

      const rendered = await joinOrRender(key, title, request);
      if (rendered.provisional) {
        return {
          kind: 'image',
          bytes: rendered.bytes,
          contentType: rendered.contentType,
          etag: null,
          // The public tier tells CDNs to come back soon rather than never (its moat is the CDN).
          cacheControl:
            request.tier === 'preset' && !config.DISABLE_COMPOSITE_CACHE ? 'public, max-age=60' : NO_STORE,
          xCache: 'PROVISIONAL',
        };
      }
      return {
        kind: 'image',
        bytes: rendered.bytes,
        contentType: rendered.contentType,
        etag: rendered.etag,
        cacheControl: cacheControlOf(request, rendered.expiresAt),
        xCache: 'MISS',
      };
    },
  };
}

/** Admission with the queue wait bounded by the request's own budget; a timeout becomes a 503. */
async function withQueueBudget<T>(
  admission: Admission,
  budgetMs: number,
  work: () => Promise<T>,
  onSaturated?: () => void,
): Promise<T> {
  try {
    return await admission.run(work, budgetMs);
  } catch (error) {
    if (error instanceof AdmissionTimeoutError) {
      onSaturated?.();
      throw unavailable('saturated', 'all render slots are busy, retry shortly', RETRY_AFTER_SECONDS);
    }
    if (error instanceof AppError) throw error;
    if (error instanceof Error && error.name === 'RenderTimeoutError') {
      throw unavailable(
        'render_timeout',
        'the render did not finish in time, retry shortly',
        RETRY_AFTER_SECONDS,
      );
    }
    throw error;
  }
}

export type PosterService = ReturnType<typeof createPosterService>;
