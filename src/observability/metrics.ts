/**
 * Every Prometheus metric the service exports, in one place (prefix `postersplus_`). Labels carry only
 * bounded, non-secret values: table names, route patterns, services, outcomes — never a raw id or key.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const METRIC_PREFIX = 'postersplus_';

/** Live values read at scrape time; the composition root points them at the real components. */
export interface GaugeSources {
  renderInflight: () => number;
  renderQueueDepth: () => number;
  breakerStates: () => Record<string, 'closed' | 'half_open' | 'open'>;
  coordinatorFailOpen: () => number;
}

export function createMetrics() {
  const registry = new Registry();
  const sources: GaugeSources = {
    renderInflight: () => 0,
    renderQueueDepth: () => 0,
    breakerStates: () => ({}),
    coordinatorFailOpen: () => 0,
  };
  let failOpenSeen = 0;
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  // prom-client names three gauges `…_total`, which promtool rejects (only counters end in _total); the
  // correctly named `…_nodejs_active_resources{type}` gauge it also exports carries the same information.
  for (const misnamed of [
    'nodejs_active_handles_total',
    'nodejs_active_requests_total',
    'nodejs_active_resources_total',
  ]) {
    registry.removeSingleMetric(`${METRIC_PREFIX}${misnamed}`);
  }
  const name = (suffix: string) => `${METRIC_PREFIX}${suffix}`;

  const metrics = {
    registry,
    cacheLookups: new Counter({
      name: name('cache_lookups_total'),
      help: 'Cache lookups by table and result (hit, miss, stale, error).',
      labelNames: ['table', 'result'] as const,
      registers: [registry],
    }),
    renderDuration: new Histogram({
      name: name('render_duration_seconds'),
      help: 'Wall time of the uncached poster pipeline (facts, art, render, store).',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    renderInflight: new Gauge({
      name: name('render_inflight'),
      help: 'Uncached poster pipelines running now (summed over workers).',
      registers: [registry],
      collect() {
        this.set(sources.renderInflight());
      },
    }),
    renderQueueDepth: new Gauge({
      name: name('render_queue_depth'),
      help: 'Requests waiting for a render slot (summed over workers).',
      registers: [registry],
      collect() {
        this.set(sources.renderQueueDepth());
      },
    }),
    renderSaturated: new Counter({
      name: name('render_saturated_total'),
      help: 'Requests turned away (503) because no render slot freed up in time.',
      registers: [registry],
    }),
    compositeCdnHits: new Counter({
      name: name('composite_cdn_hits_total'),
      help: 'Poster cache hits answered with a 302 to the CDN (OBJECT_STORE_PUBLIC_URL) instead of the bytes.',
      registers: [registry],
    }),
    presetRequests: new Counter({
      name: name('preset_requests_total'),
      help: 'Public-tier /p requests by preset id (known ids only: unknown presets are 404s and not counted).',
      labelNames: ['preset'] as const,
      registers: [registry],
    }),
    upstreamCalls: new Counter({
      name: name('upstream_calls_total'),
      help: 'Upstream HTTP attempts by service and outcome (2xx, 3xx, 4xx, 5xx, timeout, error, circuit_open).',
      labelNames: ['service', 'status'] as const,
      registers: [registry],
    }),
    circuitState: new Gauge({
      name: name('circuit_state'),
      help: 'Circuit breaker state per upstream service: 0 closed, 1 half-open, 2 open (worst worker).',
      labelNames: ['service'] as const,
      registers: [registry],
      aggregator: 'max',
      collect() {
        for (const [service, state] of Object.entries(sources.breakerStates())) {
          this.set({ service }, CIRCUIT_STATE_VALUE[state]);
        }
      },
    }),
    backendInfo: new Gauge({
      name: name('backend_info'),
      help: 'Which adapters this process runs on (always 1).',
      labelNames: ['storage', 'coordinator', 'blobstore'] as const,
      registers: [registry],
      aggregator: 'max',
    }),
    httpRequests: new Counter({
      name: name('http_requests_total'),
      help: 'HTTP requests by route pattern and status code.',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: name('http_request_duration_seconds'),
      help: 'HTTP request duration by route pattern.',
      labelNames: ['route'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: name('job_runs_total'),
      help: 'Background job runs by job and outcome (ok, error, skipped = another replica holds the lease).',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    processesReporting: new Gauge({
      name: name('processes_reporting'),
      help: 'Processes whose metrics are in this scrape (summed: the number of workers under WORKERS>1).',
      registers: [registry],
      collect() {
        this.set(1);
      },
    }),
    coordinatorFailOpen: new Counter({
      name: name('coordinator_failopen_total'),
      help: 'Coordinator operations answered locally because the shared backend (Redis) failed.',
      registers: [registry],
      collect() {
        // The adapter keeps its own running count; the counter follows it.
        const total = sources.coordinatorFailOpen();
        if (total > failOpenSeen) this.inc(total - failOpenSeen);
        failOpenSeen = Math.max(failOpenSeen, total);
      },
    }),
  };
  return { ...metrics, sources };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * `cache_lookups_total{table}` values, as the Python service emitted them (dashboards built for it keep
 * working): storage table names lose their `_cache` suffix; the composite store is `final_poster`, the
 * artwork file cache `tmdb_poster` / `tmdb_logo`.
 */
export const CACHE_TABLE_LABELS = {
  composite: 'final_poster',
  rating_cache: 'rating',
  quality_cache: 'quality',
  tmdb_metadata_cache: 'tmdb_metadata',
  release_status_cache: 'release_status',
  trending_cache: 'trending',
  imdb_to_tmdb_cache: 'imdb_to_tmdb',
  digital_release_cache: 'digital_release',
  art_poster: 'tmdb_poster',
  art_logo: 'tmdb_logo',
} as const;

export function cacheTableLabel(table: string): string {
  return (CACHE_TABLE_LABELS as Record<string, string>)[table] ?? table;
}

/**
 * `upstream_calls_total{service}` / `circuit_state{service}` values: the quality source is named by what
 * it is (`aiostreams` as in the Python service, or `scraper`), not by its role.
 */
export function upstreamServiceLabel(service: string, qualityKind: 'aiostreams' | 'scraper'): string {
  return service === 'quality' ? qualityKind : service;
}

export const CIRCUIT_STATE_VALUE = { closed: 0, half_open: 1, open: 2 } as const;
