/**
 * Builds the poster side of the app: the render pool (worker threads), the art cache, admission, the
 * composite store and the poster service. Backend errors are logged once per outage, not per request.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../observability/logger.ts';
import { cacheTableLabel, type Metrics } from '../observability/metrics.ts';
import type { BlobStore } from '../ports/blobStore.ts';
import type { Storage } from '../ports/storage.ts';
import { createAdmission } from '../poster/admission.ts';
import { createArtCache } from '../poster/artCache.ts';
import { createCompositeStore } from '../poster/compositeStore.ts';
import { createLogoService } from '../poster/logo.ts';
import { createPosterService } from '../poster/service.ts';
// The pool module only, not render/index.ts: the drawing libraries load in the render workers, not here.
import { createRenderPool } from '../render/pool.ts';
import type { FactSources } from '../title/sources.ts';
import { serverSettingsOf } from './serverSettings.ts';

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

/** Logos are PNG/SVG files on TMDB (and Metahub's /logo/ path); posters and backdrops are JPEGs. */
function isLogoUrl(url: string): boolean {
  try {
    const { pathname } = new URL(url);
    return /\.(png|svg)$/i.test(pathname) || pathname.includes('/logo/');
  } catch {
    return false;
  }
}

export function createPosters(
  config: Config,
  ports: { storage: Storage; blobStore: BlobStore },
  facts: FactSources,
  logger: Logger,
  metrics: Metrics,
  outages: OutageReporter = createOutageReporter(logger),
) {
  const slots = config.RENDER_CONCURRENCY || availableParallelism();
  const pool = createRenderPool({
    size: slots,
    idleMs: config.RENDER_WORKER_IDLE_TIMEOUT * 1000,
    defaultDeadlineMs: config.POSTER_DEADLINE_MS,
  });
  const store = createCompositeStore({
    storage: ports.storage,
    blobStore: ports.blobStore,
    memoryEntries: config.COMPOSITE_MEM_ENTRIES,
    memoryBytes: config.L1_CACHE_MB * 1024 * 1024,
    redirectToPublicUrl: config.OBJECT_STORE_PUBLIC_URL !== '',
    now: Date.now,
    onBackendError: (backend, error) => outages.failed(backend, error),
  });
  const artCache = createArtCache({
    dir: path.join(config.DATA_DIR, 'art'),
    ttlDays: config.ART_CACHE_DAYS,
    download: (url) => facts.downloadArt(url),
    onLookup: (url, hit) =>
      metrics.cacheLookups.inc({
        table: cacheTableLabel(isLogoUrl(url) ? 'art_logo' : 'art_poster'),
        result: hit ? 'hit' : 'miss',
      }),
  });
  const admission = createAdmission(slots, config.RENDER_QUEUE_TIMEOUT * 1000);
  const service = createPosterService({
    config,
    server: serverSettingsOf(config),
    facts,
    store,
    artCache,
    admission,
    render: (input) => pool.render(input),
    now: Date.now,
    onCompositeLookup: (result) => metrics.cacheLookups.inc({ table: cacheTableLabel('composite'), result }),
    onPipeline: (seconds) => metrics.renderDuration.observe(seconds),
    onSaturated: () => metrics.renderSaturated.inc(),
  });
  metrics.sources.renderInflight = () => admission.inFlight();
  metrics.sources.renderQueueDepth = () => admission.queued();
  // A cache hit answered by a 302 to the CDN is counted here, where every tier's answer passes.
  const counted: typeof service = {
    ...service,
    async serve(request) {
      const answer = await service.serve(request);
      if (answer.kind === 'redirect') metrics.compositeCdnHits.inc();
      return answer;
    },
  };
  const logos = createLogoService({ facts, now: Date.now });
  return { service: counted, logos, store, admission, pool, close: () => pool.close() };
}
