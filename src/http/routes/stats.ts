import type { FastifyInstance } from 'fastify';
import { CACHE_TABLES } from '../../ports/storage.ts';
import { requireOperator } from '../access.ts';
import type { AppDeps } from '../deps.ts';

const BREAKER_SERVICES = ['tmdb', 'tmdb_images', 'mdblist', 'quality', 'arctic_shift', 'metahub'] as const;

/** Operator diagnostics, gated like /poster. Counts and states only: no keys, no per-title data. */
export function registerStatsRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/stats', async (request, reply) => {
    requireOperator(deps.config, (request.query as Record<string, unknown>).access_key);
    const count = async (read: () => Promise<number>) => {
      try {
        return await read();
      } catch {
        return null; // storage down: the rest of the report is still useful
      }
    };
    const cache: Record<string, number | null> = {};
    for (const table of CACHE_TABLES) cache[table] = await count(() => deps.storage.count(table));
    cache.composite_cache = await count(() => deps.storage.countComposites());
    reply.header('cache-control', 'no-store');
    return {
      cache,
      composite_l1: {
        entries: deps.compositeStore.memoryEntries(),
        bytes: deps.compositeStore.memoryBytes(),
      },
      blob_deletes_queued: deps.prune.pendingDeletes(),
      runtime: {
        renders_in_flight: deps.admission.inFlight(),
        renders_queued: deps.admission.queued(),
        renders_saturated: deps.admission.saturatedCount(),
      },
      breakers: Object.fromEntries(
        BREAKER_SERVICES.map((service) => [service, deps.facts.http.breakerState(service)]),
      ),
      mdblist_keys: deps.facts.mdblist.quotas().map((quota) => ({
        index: quota.keyIndex,
        daily_limit: quota.limit,
        daily_remaining: quota.remaining,
        quota_reset_at: quota.resetAt === null ? null : new Date(quota.resetAt).toISOString(),
      })),
      jobs: deps.scheduler.status().map((job) => ({
        name: job.name,
        running: job.running,
        last_outcome: job.lastOutcome,
        last_run_at: job.lastRunAt === null ? null : new Date(job.lastRunAt).toISOString(),
      })),
      backends: {
        storage: deps.storage.kind,
        coordinator: deps.coordinator.kind,
        blobstore: deps.blobStore.kind,
      },
      demo_mode: deps.upstream.demo,
    };
  });
}
