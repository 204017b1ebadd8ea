import type { FastifyInstance } from 'fastify';
import { openBlobStore, openCoordinator, openStorage } from '../adapters/open.ts';
import { demoDecision } from '../config/demoMode.ts';
import { ConfigError } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import type { FakeUpstream } from '../demo/server.ts';
import type { AppDeps } from '../http/deps.ts';
import { buildServer } from '../http/server.ts';
import { buildJobs } from '../jobs/index.ts';
import { createScheduler } from '../jobs/scheduler.ts';
import type { Logger } from '../observability/logger.ts';
import {
  cacheTableLabel,
  createMetrics,
  type Metrics,
  upstreamServiceLabel,
} from '../observability/metrics.ts';
import { endpointsFromConfig, type UpstreamEndpoints } from '../upstream/endpoints.ts';
import { createFacts } from './facts.ts';
import { Lifecycle } from './lifecycle.ts';
import { createOutageReporter, createPosters } from './posters.ts';

export interface RunningApp {
  app: FastifyInstance;
  deps: AppDeps;
  lifecycle: Lifecycle;
  /** Base URL the server listens on (loopback form). */
  url: string;
  /** Demo mode only: the in-process fake upstream (tests and benchmarks read its request log, set faults). */
  demoUpstream: FakeUpstream | null;
  /** Stops accepting, waits for in-flight requests (bounded), then closes every resource in reverse order. */
  stop(): Promise<void>;
}

/**
 * In demo mode (config/demoMode.ts) the service runs against the built-in offline catalogue: the fake
 * upstream starts in-process on a free loopback port and every client points at it. A configuration that
 * must not run in demo mode (a hosted backend without a TMDB key, DEMO_MODE=off) never gets this far.
 */
async function resolveUpstream(
  config: Config,
  lifecycle: Lifecycle,
  logger: Logger,
): Promise<{ upstream: UpstreamEndpoints; fake: FakeUpstream | null }> {
  const decision = demoDecision(config);
  if (!decision.ok) throw new ConfigError([decision.message]);
  if (!decision.demo) return { upstream: endpointsFromConfig(config), fake: null };
  // Imported only here: the fake's catalogue, art and image libraries stay out of a real deployment.
  const { startFakeUpstream } = await import('../demo/server.ts');
  const fake = await startFakeUpstream({ port: 0, host: '127.0.0.1' });
  lifecycle.add('demo-upstream', () => fake.close());
  logger.warn(
    { demo_upstream: fake.origin },
    config.TMDB_API_KEY
      ? 'demo mode: DEMO_MODE=on, serving the built-in offline catalogue although TMDB_API_KEY is set'
      : 'demo mode: TMDB_API_KEY is not set, serving the built-in offline catalogue (set TMDB_API_KEY and MDBLIST_API_KEY for real titles)',
  );
  const upstream: UpstreamEndpoints = {
    demo: true,
    tmdbApiKey: 'demo',
    tmdbApiBase: fake.urls.tmdbApiBase,
    tmdbImageBase: fake.urls.tmdbImageBase,
    mdblistApiKeys: ['demo'],
    mdblistApiBase: fake.urls.mdblistApiBase,
    aiostreamsUrl: '',
    scraperUrl: fake.urls.scraperUrl,
    arcticShiftBase: fake.urls.arcticShiftBase,
    metahubBase: fake.urls.metahubBase,
  };
  return { upstream, fake };
}

/** The composition root's body: open backends in order, build the server, listen. */
export async function startApp(
  config: Config,
  logger: Logger,
  metrics: Metrics = createMetrics(),
): Promise<RunningApp> {
  const lifecycle = new Lifecycle(logger);
  try {
    const { upstream, fake } = await resolveUpstream(config, lifecycle, logger);
    const storage = await openStorage(config, { logger });
    lifecycle.add(`storage:${storage.kind}`, () => storage.close());
    const blobStore = await openBlobStore(config, { logger });
    lifecycle.add(`blobstore:${blobStore.kind}`, () => blobStore.close());
    const coordinator = await openCoordinator(config, { logger });
    lifecycle.add(`coordinator:${coordinator.kind}`, () => coordinator.close());

    // Metric label of the quality source (its kind is fixed at boot; demo mode uses the stream addon).
    const qualityKind = upstream.demo ? 'scraper' : config.QUALITY_SOURCE;
    // One reporter for the fact caches and the poster store: an outage is one warning, not one per request.
    const outages = createOutageReporter(logger);
    const facts = await createFacts(
      config,
      upstream,
      { storage, coordinator },
      {
        onAttempt: (service, outcome) =>
          metrics.upstreamCalls.inc({ service: upstreamServiceLabel(service, qualityKind), status: outcome }),
        onBreakerChange: (service, state) => {
          if (state === 'open')
            logger.warn({ service }, 'upstream failing: circuit open, serving cached facts');
          else if (state === 'closed') logger.info({ service }, 'upstream recovered: circuit closed');
        },
        onLookup: (table, result) => metrics.cacheLookups.inc({ table: cacheTableLabel(table), result }),
        onStorageError: (error) => outages.failed('storage', error),
        onBackgroundError: (what, error) => logger.warn({ err: error, what }, 'background fetch failed'),
        warn: (message) => logger.warn(message),
      },
    );
    metrics.sources.breakerStates = () =>
      Object.fromEntries(
        (['tmdb', 'tmdb_images', 'mdblist', 'quality', 'arctic_shift', 'metahub'] as const).map((service) => [
          upstreamServiceLabel(service, qualityKind),
          facts.http.breakerState(service),
        ]),
      );
    const failOpen = (coordinator as { failOpenCount?: () => number }).failOpenCount;
    if (failOpen) metrics.sources.coordinatorFailOpen = () => failOpen.call(coordinator);
    metrics.backendInfo.set(
      { storage: storage.kind, coordinator: coordinator.kind, blobstore: blobStore.kind },
      1,
    );
    lifecycle.add('upstream-http', () => facts.close());
    const posters = createPosters(config, { storage, blobStore }, facts, logger, metrics, outages);
    lifecycle.add('render-pool', () => posters.close());
    const { jobs, prune } = buildJobs(config, {
      storage,
      blobStore,
      facts,
      arcticShiftBase: upstream.arcticShiftBase,
    });
    const scheduler = createScheduler({
      coordinator,
      logger,
      jobs,
      onRun: (job, outcome) => metrics.jobRuns.inc({ job, outcome }),
    });
    if (config.JOBS_ENABLED) scheduler.start();
    // Closed first: running jobs finish and release their leases while the coordinator is still open.
    lifecycle.add('jobs', () => scheduler.stop());

    const deps: AppDeps = {
      config,
      logger,
      storage,
      coordinator,
      blobStore,
      upstream,
      facts,
      posters: posters.service,
      logos: posters.logos,
      metrics,
      scheduler,
      prune,
      admission: posters.admission,
      compositeStore: posters.store,
    };
    const app = await buildServer(deps);
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://127.0.0.1:${port}`;
    logger.info(
      { url, storage: storage.kind, coordinator: coordinator.kind, blobstore: blobStore.kind },
      'listening',
    );

    const stop = async () => {
      // Closing fastify stops accepting and waits for in-flight requests; the timer bounds that wait.
      // Keep-alive connections close after their last response (http/plugins/drain.ts).
      const force = setTimeout(() => app.server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(force);
      }
      await lifecycle.close();
    };
    return { app, deps, lifecycle, url, demoUpstream: fake, stop };
  } catch (error) {
    await lifecycle.close();
    throw error;
  }
}
