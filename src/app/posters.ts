/**
 * Builds the poster side of the app: the render pool (worker threads), the art cache, admission, the
 * composite store and the poster service. Backend errors are logged once per outage, not per request.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { BlobStore } from '../ports/blobStore.ts';
import type { Storage } from '../ports/storage.ts';
import { createAdmission } from '../poster/admission.ts';
import { createArtCache } from '../poster/artCache.ts';
import { createCompositeStore } from '../poster/compositeStore.ts';
import { createPosterService } from '../poster/service.ts';
import { createRenderPool } from '../render/index.ts';
import type { FactsContext } from './facts.ts';

export type OutageReporter = ReturnType<typeof createOutageReporter>;

/** Logs the first error of an outage per backend (again at most once a minute), not one line per request. */
export function createOutageReporter(logger: Logger, windowMs = 60_000) {
  const lastError = new Map<string, number>();
  return {
    failed(backend: string, error: unknown) {
      const last = lastError.get(backend);
      const now = Date.now();
      if (last === undefined || now - last > windowMs)
        logger.warn({ backend, err: error }, 'backend error; degrading');
      lastError.set(backend, now);
    },
  };
}

export function createPosters(
  config: Config,
  ports: { storage: Storage; blobStore: BlobStore },
  facts: FactsContext,
  logger: Logger,
  metrics: Metrics,
  outages: OutageReporter = createOutageReporter(logger),
) {
  const slots = config.RENDER_CONCURRENCY || availableParallelism();
  const pool = createRenderPool({ size: slots, defaultDeadlineMs: config.POSTER_DEADLINE_MS });
  const store = createCompositeStore({
    storage: ports.storage,
    blobStore: ports.blobStore,
    memoryEntries: config.COMPOSITE_MEM_ENTRIES,
    redirectToPublicUrl: config.OBJECT_STORE_PUBLIC_URL !== '',
    now: Date.now,
    onBackendError: (backend, error) => outages.failed(backend, error),
  });
  const artCache = createArtCache({
    dir: path.join(config.DATA_DIR, 'art'),
    ttlDays: config.ART_CACHE_DAYS,
    download: (url) => facts.downloadArt(url),
  });
  const admission = createAdmission(slots, config.RENDER_QUEUE_TIMEOUT * 1000);
  const service = createPosterService({
    config,
    facts,
    store,
    artCache,
    admission,
    render: (input) => pool.render(input),
    now: Date.now,
    onCompositeLookup: (result) => metrics.cacheLookups.inc({ table: 'composite', result }),
    onPipeline: (seconds) => metrics.renderDuration.observe(seconds),
    onSaturated: () => metrics.renderSaturated.inc(),
  });
  metrics.sources.renderInflight = () => admission.inFlight();
  metrics.sources.renderQueueDepth = () => admission.queued();
  return { service, store, admission, pool, close: () => pool.close() };
}
