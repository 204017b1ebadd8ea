/**
 * The poster use case: a parsed request in, an answer out (image, redirect, debug JSON or a domain
 * error). One request, top to bottom:
 *
 *   identity → title → composite key → (debug: facts only) → stored? answer it
 *   → single flight per key → produce (src/poster/produce.ts: facts → art → render slot → pixels
 *     → persist unless provisional) → answer with the cache policy
 *
 * Every answer leaves within POSTER_DEADLINE_MS: facts or art still missing then are left out and the
 * poster is provisional (served with no-store, never stored) while the fetches finish in the background.
 */
import { DomainError } from '../domain/errors.ts';
import { budgetOf } from './budget.ts';
import { compositeKey } from './cacheKey.ts';
import { cacheControlFor, provisionalCacheControl } from './cachePolicy.ts';
import { debugBody } from './debug.ts';
import { gatherPosterFacts } from './posterFacts.ts';
import { type ProduceDeps, type Produced, producePlaceholder, producePoster } from './produce.ts';
import type { PosterAnswer, PosterRequest } from './request.ts';
import { resolveTitle, type TitleRef } from './resolveTitle.ts';
import { serverKeyPart } from './serverSettings.ts';
import { createSingleFlight } from './singleFlight.ts';

export type { PosterAnswer, PosterRequest } from './request.ts';

export interface PosterServiceDeps extends ProduceDeps {
  /** Metrics hook: composite lookups (a hit from memory, the store or a CDN redirect; else a miss). */
  onCompositeLookup?: (result: 'hit' | 'miss') => void;
}

export function createPosterService(deps: PosterServiceDeps) {
  const { config, store, now } = deps;
  const flights = createSingleFlight<Produced>();
  const serverKey = serverKeyPart(deps.server);
  const cacheControlOf = (request: PosterRequest, expiresAt: number) =>
    cacheControlFor(
      expiresAt,
      now(),
      request.tier === 'preset' ? config.PRESET_CDN_CACHE_TTL : config.CDN_CACHE_TTL,
    );

  async function serve(request: PosterRequest): Promise<PosterAnswer> {
    const budget = budgetOf(request.receivedAt, config.POSTER_DEADLINE_MS, now);
    const title = await resolveTitle(deps.facts, request.identity, {
      tmdbKey: request.tmdbKey,
      deadline: budget.deadline,
      unavailableMessage: 'the title could not be looked up right now',
    }).catch((error: unknown) => {
      if (!isLookupOutage(error) || request.debug) throw error;
      return null;
    });
    if (!title) {
      // TMDB down and the id never resolved: a provisional placeholder, as a TMDB id gets (docs/OPERATIONS.md).
      const placeholder = await producePlaceholder(deps, unresolvedRef(request), request, budget);
      return answerOf(request, placeholder);
    }
    const key = compositeKey({
      tmdbId: title.tmdbId,
      mediaType: title.mediaType,
      style: { style: request.style, options: { ...request.options, primaryClient: undefined } },
      server: serverKey,
    });

    if (request.debug) {
      const facts = await gatherPosterFacts(
        { ...deps, presetRatingFetch: config.PRESET_MDBLIST_FETCH },
        title,
        request,
        budget.deadline,
      );
      return {
        kind: 'debug',
        body: debugBody(facts, {
          cacheKey: key,
          notes: request.notes,
          style: request.style,
          options: request.options,
        }),
      };
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
        const { bytes, contentType, etag, expiresAt } = hit.poster;
        const cacheControl = cacheControlOf(request, expiresAt);
        return { kind: 'image', bytes, contentType, etag, cacheControl, xCache: 'HIT' };
      }
    }

    // Per (key, tier): an operator request must never join a /p flight, which renders from cached facts
    // only and may come out provisional.
    const flightKey = `${key}#${request.tier}${request.nocache ? '#nocache' : ''}`;
    const produced = await flights.run(flightKey, () => producePoster(deps, key, title, request, budget));
    return answerOf(request, produced);
  }

  function answerOf(request: PosterRequest, produced: Produced): PosterAnswer {
    const { bytes, contentType } = produced;
    if (produced.provisional) {
      const cacheControl = provisionalCacheControl(request.tier, config.DISABLE_COMPOSITE_CACHE);
      return { kind: 'image', bytes, contentType, etag: null, cacheControl, xCache: 'PROVISIONAL' };
    }
    const cacheControl = cacheControlOf(request, produced.expiresAt);
    return { kind: 'image', bytes, contentType, etag: produced.etag, cacheControl, xCache: 'MISS' };
  }

  return { inflightCount: () => flights.size(), serve };
}

export type PosterService = ReturnType<typeof createPosterService>;

const isLookupOutage = (error: unknown) =>
  error instanceof DomainError && error.kind === 'unavailable' && error.code === 'upstream_unavailable';

/** What is known of a title whose id could not be resolved: its id as given, its type or movie. */
const unresolvedRef = (request: PosterRequest): TitleRef => ({
  tmdbId: request.identity.tmdbId ?? '',
  mediaType: request.identity.mediaType ?? 'movie',
});
