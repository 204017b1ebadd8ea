import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { BlobStore } from '../ports/blobStore.ts';
import type { Coordinator } from '../ports/coordinator.ts';
import type { Storage } from '../ports/storage.ts';
import { openLocalBlobStore } from './blob/local.ts';
import { createInProcessCoordinator } from './coordination/inprocess.ts';
import { openSqliteStorage } from './storage/sqlite.ts';

export class BackendUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendUnavailableError';
  }
}

/** Chooses each adapter once at boot from config. Hosted adapters (PostgreSQL, Redis, S3) arrive later. */
export async function openStorage(config: Config): Promise<Storage> {
  if (config.DATABASE_URL) {
    throw new BackendUnavailableError('DATABASE_URL is set, but this build has no PostgreSQL adapter yet');
  }
  return openSqliteStorage({ path: path.join(config.DATA_DIR, 'postersplus.db') });
}

export async function openCoordinator(config: Config): Promise<Coordinator> {
  if (config.REDIS_URL) {
    throw new BackendUnavailableError('REDIS_URL is set, but this build has no Redis adapter yet');
  }
  return createInProcessCoordinator();
}

export async function openBlobStore(config: Config): Promise<BlobStore> {
  if (config.OBJECT_STORE_URL) {
    throw new BackendUnavailableError('OBJECT_STORE_URL is set, but this build has no S3 adapter yet');
  }
  return openLocalBlobStore({
    dir: path.join(config.DATA_DIR, 'composites'),
    publicBaseUrl: config.OBJECT_STORE_PUBLIC_URL || undefined,
  });
}
