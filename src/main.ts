/**
 * Composition root: load config → logger → backends → server → listen; graceful shutdown on signals.
 * Exit codes: 0 clean stop, 1 startup failure, 2 invalid configuration.
 */
import cluster from 'node:cluster';
import { BackendUnavailableError } from './adapters/open.ts';
import { runPrimary, workerMetrics } from './app/cluster.ts';
import { startApp } from './app/start.ts';
import { demoDecision } from './config/demoMode.ts';
import { configWarnings } from './config/envWarnings.ts';
import { ConfigError, loadConfig, secretValues } from './config/load.ts';
import { createLogger } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // One line, exit 2: demo posters must never be served where real ones are expected (config/demoMode.ts).
  const demo = demoDecision(config);
  if (!demo.ok) {
    process.stderr.write(`${demo.message}\n`);
    process.exit(2);
  }

  const logger = createLogger({
    format: config.LOG_FORMAT,
    level: config.LOG_LEVEL,
    secrets: secretValues(config),
  });
  // Renamed, retired or misspelt variables: one warning line each, once (by the primary process).
  if (cluster.isPrimary) for (const warning of configWarnings(process.env)) logger.warn(warning);
  if (config.WORKERS > 1 && cluster.isPrimary) {
    runPrimary(config.WORKERS, logger);
    return;
  }
  const metrics = createMetrics();
  // Without a shared coordinator every worker would run every job; one is enough.
  const appConfig =
    cluster.isWorker && !config.REDIS_URL && cluster.worker?.id !== 1
      ? Object.freeze({ ...config, JOBS_ENABLED: false })
      : config;
  let running: Awaited<ReturnType<typeof startApp>>;
  try {
    running = await startApp(appConfig, logger, metrics);
    if (cluster.isWorker) running.deps.metricsText = workerMetrics(metrics);
  } catch (error) {
    logger.fatal({ err: error }, 'startup failed');
    process.exit(error instanceof BackendUnavailableError ? 2 : 1);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, close_order: running.lifecycle.closeOrder() }, 'shutting down');
    running.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

await main();
