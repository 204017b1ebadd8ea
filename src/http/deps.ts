import type { Config } from '../config/schema.ts';
import type { Logger } from '../observability/logger.ts';
import type { BlobStore } from '../ports/blobStore.ts';
import type { Coordinator } from '../ports/coordinator.ts';
import type { Storage } from '../ports/storage.ts';
import type { PosterService } from '../poster/service.ts';
import type { UpstreamEndpoints } from '../upstream/endpoints.ts';

/** Everything the HTTP layer needs, built once by the composition root (src/main.ts). */
export interface AppDeps {
  config: Config;
  logger: Logger;
  storage: Storage;
  coordinator: Coordinator;
  blobStore: BlobStore;
  upstream: UpstreamEndpoints;
  posters: PosterService;
}
