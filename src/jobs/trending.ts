/**
 * Trending refresh: today's ranks for movies and series into `trending_cache`, then every stored poster of
 * a title that was or now is trending is invalidated (rows first, then their blobs), so no poster keeps a
 * yesterday's "#3 Today" ribbon — or misses today's.
 */
import type { MediaType } from '../domain/facts.ts';
import type { BlobStore } from '../ports/blobStore.ts';
import type { Storage } from '../ports/storage.ts';
import type { CachedFetcher } from '../title/cachedFetch.ts';

const DAY = 86_400_000;

export interface TrendingDeps {
  fetcher: CachedFetcher;
  storage: Storage;
  blobStore: BlobStore;
  trending: (mediaType: MediaType, signal: AbortSignal) => Promise<string[]>;
  /** Ranks beyond this never show a sash, so they need no invalidation. */
  broadCount: number;
}

export async function refreshTrending(
  deps: TrendingDeps,
  signal: AbortSignal,
): Promise<{ invalidated: number }> {
  let invalidated = 0;
  for (const mediaType of ['movie', 'tv'] as const) {
    if (signal.aborted) break;
    const previous = (await deps.fetcher.peek<string[]>('trending_cache', mediaType))?.value ?? [];
    const current = await deps.trending(mediaType, signal);
    await deps.fetcher.store('trending_cache', mediaType, current, DAY);
    const touched = new Set([...previous.slice(0, deps.broadCount), ...current.slice(0, deps.broadCount)]);
    for (const tmdbId of touched) {
      if (signal.aborted) break;
      for (const row of await deps.storage.listCompositesForTitle(tmdbId, mediaType)) {
        const removed = await deps.storage.deleteComposite(row.key);
        if (removed) {
          invalidated += 1;
          await deps.blobStore.delete(removed.blobKey).catch(() => {});
        }
      }
    }
  }
  return { invalidated };
}
