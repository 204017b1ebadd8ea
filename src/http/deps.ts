import type { Config } from '../config/schema.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { BlobStore } from '../ports/blobStore.ts';
import type { Coordinator } from '../ports/coordinator.ts';
import type { Storage } from '../ports/storage.ts';
import type { Admission } from '../poster/admission.ts';
import type { CompositeStore } from '../poster/compositeStore.ts';
import type { LogoService } from '../poster/logo.ts';
import type { PosterService } from '../poster/service.ts';
import type { RouteFacts } from '../title/sources.ts';
import type { UpstreamEndpoints } from '../upstream/endpoints.ts';

/** Everything the HTTP layer needs, built once by the composition root (src/app/start.ts). */
export interface AppDeps {
  config: Config;
  logger: Logger;
  storage: Storage;
  coordinator: Coordinator;
  blobStore: BlobStore;
  upstream: UpstreamEndpoints;
  /** Upstream clients: the TMDB proxies (/search, /resolve-imdb), thumbnails, status and caps use them. */
  facts: RouteFacts;
  posters: PosterService;
  logos: LogoService;
  metrics: Metrics;
  scheduler: Scheduler;
  prune: { pendingDeletes(): number };
  admission: Admission;
  compositeStore: CompositeStore;
  /** The Prometheus text for /metrics: this process's registry, or the cluster aggregate under WORKERS>1. */
  metricsText?: () => Promise<string>;
}
