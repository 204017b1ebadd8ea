/**
 * Composition root: load config → logger → backends → server → listen; graceful shutdown on signals.
 * Exit codes: 0 clean stop, 1 startup failure, 2 invalid configuration.
 */
import { BackendUnavailableError } from './adapters/open.ts';
import { startApp } from './app/start.ts';
import { ConfigError, loadConfig, secretValues } from './config/load.ts';
import { createLogger } from './observability/logger.ts';

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

  const logger = createLogger({
    format: config.LOG_FORMAT,
    level: config.LOG_LEVEL,
    secrets: secretValues(config),
  });
  let running: Awaited<ReturnType<typeof startApp>>;
  try {
    running = await startApp(config, logger);
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
