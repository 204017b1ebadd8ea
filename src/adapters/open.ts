/**
 * Chooses each adapter once at boot from config. The hosted adapters (PostgreSQL, Redis, S3) and their
 * drivers are imported only when their variable is set, so the default install never loads them.
 * A configured backend that cannot be reached throws BackendUnavailableError (main.ts exits 2); its
 * message names the variable and never contains a password.
 */
import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { BlobStore } from '../ports/blobStore.ts';
import type { Coordinator } from '../ports/coordinator.ts';
import type { Storage } from '../ports/storage.ts';
import { openLocalBlobStore } from './blob/local.ts';
import { createInProcessCoordinator } from './coordination/inprocess.ts';
import type { AdapterLogger } from './errors.ts';
import { openSqliteStorage } from './storage/sqlite.ts';

export { BackendUnavailableError } from './errors.ts';

export interface OpenOptions {
  /** Where adapters report runtime trouble (dropped connections, fail-open outages). */
  logger?: AdapterLogger;
}

/**
 * Runtime warnings (a Redis outage) must reach the operator even when the caller passes no logger:
 * then they go through a logger built from the same config, with the same secret redaction.
 */
async function defaultLogger(config: Config): Promise<AdapterLogger> {
  const [{ createLogger }, { secretValues }] = await Promise.all([
    import('../observability/logger.ts'),
    import('../config/load.ts'),
  ]);
  return createLogger({ format: config.LOG_FORMAT, level: config.LOG_LEVEL, secrets: secretValues(config) });
}

export async function openStorage(config: Config, options: OpenOptions = {}): Promise<Storage> {
  if (config.DATABASE_URL) {
    const { openPostgresStorage } = await import('./storage/postgres.ts');
    const logger = options.logger ?? (await defaultLogger(config));
    return openPostgresStorage({
      url: config.DATABASE_URL,
      poolMin: config.DB_POOL_MIN_SIZE,
      poolMax: config.DB_POOL_MAX_SIZE,
      onPoolError: (message) =>
        logger.warn({ backend: 'postgresql', error: message }, 'postgresql connection dropped'),
    });
  }
  return openSqliteStorage({ path: path.join(config.DATA_DIR, 'postersplus.db') });
}

export async function openCoordinator(config: Config, options: OpenOptions = {}): Promise<Coordinator> {
  if (config.REDIS_URL) {
    const { openRedisCoordinator } = await import('./coordination/redis.ts');
    return openRedisCoordinator({
      url: config.REDIS_URL,
      keyPrefix: config.REDIS_KEY_PREFIX,
      logger: options.logger ?? (await defaultLogger(config)),
    });
  }
  return createInProcessCoordinator();
}

export async function openBlobStore(config: Config, _options: OpenOptions = {}): Promise<BlobStore> {
  const publicBaseUrl = config.OBJECT_STORE_PUBLIC_URL || undefined;
  if (config.OBJECT_STORE_URL) {
    const { openS3BlobStore } = await import('./blob/s3.ts');
    // Credentials come from the AWS SDK's default chain (AWS_* variables, profile, instance role).
    return openS3BlobStore({ url: config.OBJECT_STORE_URL, publicBaseUrl });
  }
  return openLocalBlobStore({
    dir: config.COMPOSITE_BLOB_DIR || path.join(config.DATA_DIR, 'composites'),
    publicBaseUrl,
  });
}
