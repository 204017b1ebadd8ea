/**
 * The service's background jobs and their schedules:
 * - cache-prune: 5 min after start, then every 6 h, lease 8 h;
 * - digital-release-poll: 60 s after start, then every 24 h, lease 25 h;
 * - trending-fetch: 10 s after start, then every 24 h, lease 26 h.
 */
import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { BlobStore } from '../ports/blobStore.ts';
import type { Storage } from '../ports/storage.ts';
import type { JobFacts } from '../title/sources.ts';
import { createArcticShiftClient } from '../upstream/arcticShift.ts';
import { pollDigitalReleases } from './digitalReleases.ts';
import { createPruneJob } from './prune.ts';
import type { JobSpec } from './scheduler.ts';
import { refreshTrending } from './trending.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function buildJobs(
  config: Config,
  deps: { storage: Storage; blobStore: BlobStore; facts: JobFacts; arcticShiftBase: string },
  now: () => number = Date.now,
) {
  const prune = createPruneJob({
    storage: deps.storage,
    blobStore: deps.blobStore,
    maxComposites: config.COMPOSITE_MAX_ENTRIES,
    artDir: path.join(config.DATA_DIR, 'art'),
    artMaxAgeMs: config.ART_CACHE_DAYS * 1.1 * 24 * HOUR,
    now,
  });
  const arctic = createArcticShiftClient({
    http: deps.facts.http,
    base: deps.arcticShiftBase,
    pauseMs: 1000,
  });
  const jobs: JobSpec[] = [
    {
      name: 'cache-prune',
      firstDelayMs: 5 * MINUTE,
      intervalMs: 6 * HOUR,
      leaseMs: 8 * HOUR,
      run: async (signal) => {
        await prune.run(signal);
      },
    },
    {
      name: 'digital-release-poll',
      firstDelayMs: MINUTE,
      intervalMs: 24 * HOUR,
      leaseMs: 25 * HOUR,
      run: async (signal) => {
        await pollDigitalReleases(
          { fetcher: deps.facts.fetcher, recentDigitalReleases: arctic.recentDigitalReleases, now },
          signal,
        );
      },
    },
    {
      name: 'trending-fetch',
      firstDelayMs: 10_000,
      intervalMs: 24 * HOUR,
      leaseMs: 26 * HOUR,
      run: async (signal) => {
        await refreshTrending(
          {
            fetcher: deps.facts.fetcher,
            storage: deps.storage,
            blobStore: deps.blobStore,
            trending: (mediaType, signal) => deps.facts.tmdb.trending(mediaType, 5, { signal }),
            broadCount: config.TRENDING_BROAD_FETCH_COUNT,
          },
          signal,
        );
      },
    },
  ];
  return { jobs, prune };
}
