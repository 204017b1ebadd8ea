/**
 * Producing one poster nobody has stored: facts → art (outside the render slots, bounded by the
 * deadline) → a render slot for the scene and pixels only → persist unless provisional. The service runs
 * it once per key at a time (single flight).
 */
import type { Config } from '../config/schema.ts';
import { DomainError, RETRY_AFTER_SECONDS, unavailable } from '../domain/errors.ts';
import type { Facts } from '../domain/facts.ts';
import type { RenderInput, RenderResult } from '../render/types.ts';
import { RenderTimeoutError } from '../render/types.ts';
import type { UseCaseFacts } from '../title/sources.ts';
import { type Admission, AdmissionTimeoutError } from './admission.ts';
import type { ArtCache } from './artCache.ts';
import { artWaitMs, type Budget, gatherDeadline, queueWaitMs, renderDeadlineMs } from './budget.ts';
import { canonicalJson } from './cacheKey.ts';
import { compositeLifetimeMs, etagFor } from './cachePolicy.ts';
import type { CompositeStore } from './compositeStore.ts';
import { fetchPosterArt, startArtDownloads } from './posterArt.ts';
import { gatherPosterFacts } from './posterFacts.ts';
import type { PosterRequest } from './request.ts';
import type { TitleRef } from './resolveTitle.ts';
import type { ServerSettings } from './serverSettings.ts';
import { unknownFacts } from './unknownFacts.ts';

export interface Produced {
  bytes: Buffer;
  contentType: string;
  etag: string;
  provisional: boolean;
  expiresAt: number;
}

export interface ProduceDeps {
  config: Config;
  server: ServerSettings;
  facts: UseCaseFacts;
  store: CompositeStore;
  artCache: ArtCache;
  admission: Admission;
  render: (input: RenderInput) => Promise<RenderResult>;
  now: () => number;
  onPipeline?: (seconds: number) => void;
  onSaturated?: () => void;
}

export async function producePoster(
  deps: ProduceDeps,
  key: string,
  title: TitleRef,
  request: PosterRequest,
  budget: Budget,
): Promise<Produced> {
  const started = performance.now();
  try {
    const { facts, art } = await gatherOutsideSlot(deps, title, request, budget);
    const pixels = await inRenderSlot(deps, queueWaitMs(deps.config.RENDER_QUEUE_TIMEOUT), () =>
      deps.render({
        art: art.art,
        backdrop: art.backdrop,
        logo: art.logo,
        facts,
        style: request.style,
        output: deps.server.output,
        deadlineMs: renderDeadlineMs(budget),
      }),
    );
    return await persist(deps, key, title, request, facts, pixels);
  } finally {
    deps.onPipeline?.((performance.now() - started) / 1000);
  }
}

/**
 * A placeholder for a title nobody could look up (TMDB down, nothing cached): the genre-less fallback
 * canvas, provisional, never stored. The same answer a TMDB id gets in that outage.
 */
export async function producePlaceholder(
  deps: ProduceDeps,
  title: TitleRef,
  request: PosterRequest,
  budget: Budget,
): Promise<Produced> {
  const facts = unknownFacts(title.tmdbId, title.mediaType, 'metadata_unavailable');
  const pixels = await inRenderSlot(deps, queueWaitMs(deps.config.RENDER_QUEUE_TIMEOUT), () =>
    deps.render({
      art: null,
      backdrop: null,
      logo: null,
      facts,
      style: request.style,
      output: deps.server.output,
      deadlineMs: renderDeadlineMs(budget),
    }),
  );
  const { bytes, contentType } = pixels;
  return { bytes, contentType, etag: etagFor(bytes), provisional: true, expiresAt: deps.now() };
}

/**
 * Facts, then art, bounded by the request's budget and holding no render slot: a slow or hung upstream
 * makes this poster provisional, never the others wait.
 */
async function gatherOutsideSlot(deps: ProduceDeps, title: TitleRef, request: PosterRequest, budget: Budget) {
  const facts = await gatherPosterFacts(
    {
      facts: deps.facts,
      now: deps.now,
      presetRatingFetch: deps.config.PRESET_MDBLIST_FETCH,
      onArtKnown: (images) => startArtDownloads(deps.artCache, images, request.style),
    },
    title,
    request,
    gatherDeadline(budget),
  );
  const art = await fetchPosterArt(deps.artCache, facts, request.style, artWaitMs(budget));
  if (art.incomplete) {
    facts.provisional = true;
    facts.provisionalReasons.push('art_unavailable');
  }
  return { facts, art };
}

/** Stores the poster unless provisional (or the composite cache is off); returns what to answer. */
async function persist(
  deps: ProduceDeps,
  key: string,
  title: TitleRef,
  request: PosterRequest,
  facts: Facts,
  pixels: RenderResult,
): Promise<Produced> {
  const { config, now } = deps;
  const provisional = facts.provisional || config.DISABLE_COMPOSITE_CACHE;
  const etag = etagFor(pixels.bytes);
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
    await deps.store.save(
      { key, bytes: pixels.bytes, etag, contentType: pixels.contentType, expiresAt },
      {
        tmdbId: title.tmdbId,
        mediaType: title.mediaType,
        params: canonicalJson({ style: request.style, options: request.options }),
      },
    );
  }
  return { bytes: pixels.bytes, contentType: pixels.contentType, etag, provisional, expiresAt };
}

/** Runs `work` in a render slot, queueing at most `waitMs`; no slot in time, or a render too slow, is a 503. */
async function inRenderSlot<T>(deps: ProduceDeps, waitMs: number, work: () => Promise<T>): Promise<T> {
  try {
    return await deps.admission.run(work, waitMs);
  } catch (error) {
    if (error instanceof AdmissionTimeoutError) {
      deps.onSaturated?.();
      throw unavailable('saturated', 'all render slots are busy, retry shortly', RETRY_AFTER_SECONDS);
    }
    if (error instanceof DomainError) throw error;
    if (error instanceof RenderTimeoutError) {
      throw unavailable(
        'render_timeout',
        'the render did not finish in time, retry shortly',
        RETRY_AFTER_SECONDS,
      );
    }
    throw error;
  }
}
