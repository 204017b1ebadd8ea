/**
 * Cache prune: expired fact rows (kept STALE_KEEP_MS past expiry first, because serving stale facts during
 * an upstream outage is the point of keeping them), expired composites and any beyond
 * COMPOSITE_MAX_ENTRIES (soonest expiry first ≈ oldest), their blobs deleted only after the rows are gone
 * (failed deletes retried next run, bounded), and the artwork file cache.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '../ports/blobStore.ts';
import { CACHE_TABLES, type Storage } from '../ports/storage.ts';

const DAY = 86_400_000;
export const STALE_KEEP_MS = 30 * DAY;
const BATCH = 500;
const MAX_PENDING_DELETES = 50_000;

export interface PruneResult {
  factRows: number;
  composites: number;
  blobsDeleted: number;
  blobDeletesPending: number;
  artFiles: number;
}

export interface PruneDeps {
  storage: Storage;
  blobStore: BlobStore;
  maxComposites: number;
  artDir: string;
  artMaxAgeMs: number;
  now: () => number;
}

export function createPruneJob(deps: PruneDeps) {
  // Blob deletes that failed (S3 down): retried next run; bounded so an outage cannot grow memory.
  const pendingDeletes = new Set<string>();

  async function deleteBlobs(keys: Iterable<string>): Promise<number> {
    let deleted = 0;
    for (const key of keys) {
      try {
        await deps.blobStore.delete(key);
        pendingDeletes.delete(key);
        deleted += 1;
      } catch {
        if (pendingDeletes.size < MAX_PENDING_DELETES) pendingDeletes.add(key);
      }
    }
    return deleted;
  }

  async function dropComposites(rows: { key: string }[]): Promise<string[]> {
    const blobs: string[] = [];
    for (const row of rows) {
      const removed = await deps.storage.deleteComposite(row.key);
      if (removed) blobs.push(removed.blobKey);
    }
    return blobs;
  }

  async function sweepArt(signal: AbortSignal): Promise<number> {
    let removed = 0;
    let shards: string[];
    try {
      shards = await readdir(deps.artDir);
    } catch {
      return 0;
    }
    for (const shard of shards) {
      if (signal.aborted) break;
      const dir = path.join(deps.artDir, shard);
      for (const file of await readdir(dir).catch(() => [] as string[])) {
        const full = path.join(dir, file);
        const info = await stat(full).catch(() => null);
        if (info?.isFile() && deps.now() - info.mtimeMs > deps.artMaxAgeMs) {
          await rm(full, { force: true });
          removed += 1;
        }
      }
    }
    return removed;
  }

  return {
    pendingDeletes: () => pendingDeletes.size,
    async run(signal: AbortSignal): Promise<PruneResult> {
      const now = deps.now();
      let factRows = 0;
      for (const table of CACHE_TABLES)
        factRows += await deps.storage.pruneExpired(table, now - STALE_KEEP_MS);

      let blobsDeleted = await deleteBlobs([...pendingDeletes]);
      let composites = 0;
      while (!signal.aborted) {
        const expired = await deps.storage.listExpiredComposites(now, BATCH);
        if (expired.length === 0) break;
        const blobs = await dropComposites(expired);
        composites += expired.length;
        blobsDeleted += await deleteBlobs(blobs);
      }
      if (deps.maxComposites > 0 && !signal.aborted) {
        const excess = (await deps.storage.countComposites()) - deps.maxComposites;
        if (excess > 0) {
          // Soonest expiry first: with one TTL policy that is the oldest render.
          const oldest = await deps.storage.listExpiredComposites(Number.MAX_SAFE_INTEGER, excess);
          const blobs = await dropComposites(oldest);
          composites += oldest.length;
          blobsDeleted += await deleteBlobs(blobs);
        }
      }
      const artFiles = await sweepArt(signal);
      return { factRows, composites, blobsDeleted, blobDeletesPending: pendingDeletes.size, artFiles };
    },
  };
}
