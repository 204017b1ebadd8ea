/**
 * Where rendered posters live: an in-memory LRU (L1) in front of the Storage row + BlobStore bytes.
 * The blob is written before its row, under a versioned key, and a replaced blob is deleted only after
 * the new row is committed, so a reader never follows a row to a missing object. Backend errors never
 * fail a request: reads miss, writes are skipped, and the caller hears about it once per outage. A hung
 * backend counts as failed after `backendWaitMs` and is then skipped briefly (see ports/wait.ts); a
 * save that overruns it goes on in the background, in the same order, while the request is answered.
 */
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { BlobStore } from '../ports/blobStore.ts';
import type { CompositeRow, Storage } from '../ports/storage.ts';
import {
  backendLatched,
  boundedWait,
  latchBackend,
  REQUEST_BACKEND_WAIT_MS,
  waitForBackend,
} from '../ports/wait.ts';

export interface StoredPoster {
  key: string;
  bytes: Buffer | null;
  etag: string;
  contentType: string;
  expiresAt: number;
  blobKey: string;
}

export type Lookup =
  | { found: 'memory' | 'store'; poster: StoredPoster & { bytes: Buffer } }
  | { found: 'redirect'; poster: StoredPoster; url: string }
  | { found: 'none' };

export interface CompositeStoreOptions {
  storage: Storage;
  blobStore: BlobStore;
  memoryEntries: number;
  /** Most bytes of poster data the L1 holds (0 disables it, as memoryEntries 0 does). */
  memoryBytes: number;
  /** Redirect fresh hits to the CDN (OBJECT_STORE_PUBLIC_URL) instead of reading the blob. */
  redirectToPublicUrl: boolean;
  now: () => number;
  onBackendError: (backend: 'storage' | 'blobstore', error: unknown) => void;
  /** Longest wait for one lookup step, and for a whole save (default REQUEST_BACKEND_WAIT_MS). */
  backendWaitMs?: number;
}

export function createCompositeStore(options: CompositeStoreOptions) {
  const { storage, blobStore, now } = options;
  const waitMs = options.backendWaitMs ?? REQUEST_BACKEND_WAIT_MS;
  const memory =
    options.memoryEntries > 0 && options.memoryBytes > 0
      ? new LRUCache<string, StoredPoster & { bytes: Buffer }>({
          max: options.memoryEntries,
          // Bounded by bytes as well as entries: a process's memory is what a small host runs out of.
          maxSize: options.memoryBytes,
          sizeCalculation: (entry) => Math.max(1, entry.bytes.length),
        })
      : null;

  async function lookup(key: string): Promise<Lookup> {
    const cached = memory?.get(key);
    if (cached && cached.expiresAt > now()) return { found: 'memory', poster: cached };
    if (cached) memory?.delete(key);

    let row: CompositeRow | null;
    try {
      row = await waitForBackend(storage, () => storage.getComposite(key), waitMs);
    } catch (error) {
      options.onBackendError('storage', error);
      return { found: 'none' };
    }
    if (!row || row.expiresAt <= now()) return { found: 'none' };
    const base = {
      key,
      etag: row.etag,
      contentType: row.contentType,
      expiresAt: row.expiresAt,
      blobKey: row.blobKey,
    };
    if (options.redirectToPublicUrl) {
      const url = blobStore.publicUrl(row.blobKey);
      if (url) return { found: 'redirect', poster: { ...base, bytes: null }, url };
    }
    let bytes: Buffer | null;
    try {
      bytes = await waitForBackend(blobStore, () => blobStore.get(row.blobKey), waitMs);
    } catch (error) {
      options.onBackendError('blobstore', error);
      return { found: 'none' };
    }
    if (!bytes) return { found: 'none' };
    const poster = { ...base, bytes };
    memory?.set(key, poster);
    return { found: 'store', poster };
  }

  /**
   * Persists a complete render; returns false when a backend refused or did not finish in time (the
   * render is still served; a late save still completes).
   */
  async function save(
    poster: { key: string; bytes: Buffer; etag: string; contentType: string; expiresAt: number },
    title: { tmdbId: string; mediaType: string; params: string },
  ): Promise<boolean> {
    const blobKey = `composites/${poster.key.replaceAll(':', '/')}~${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    memory?.set(poster.key, { ...poster, blobKey });
    for (const [name, backend] of [
      ['blobstore', blobStore],
      ['storage', storage],
    ] as const) {
      if (backendLatched(backend)) {
        options.onBackendError(name, new Error(`${name} skipped: it did not answer moments ago`));
        return false;
      }
    }
    // Which backend a timeout belongs to: the one persist() was waiting for.
    const waitingOn: { backend: 'storage' | 'blobstore' } = { backend: 'blobstore' };
    try {
      return await boundedWait(persist(poster, title, blobKey, waitingOn), waitMs);
    } catch (error) {
      latchBackend(waitingOn.backend === 'storage' ? storage : blobStore);
      options.onBackendError(waitingOn.backend, error);
      return false;
    }
  }

  async function persist(
    poster: { key: string; bytes: Buffer; etag: string; contentType: string; expiresAt: number },
    title: { tmdbId: string; mediaType: string; params: string },
    blobKey: string,
    waitingOn: { backend: 'storage' | 'blobstore' },
  ): Promise<boolean> {
    try {
      await blobStore.put(blobKey, poster.bytes, poster.contentType);
    } catch (error) {
      options.onBackendError('blobstore', error);
      return false;
    }
    let previous: CompositeRow | null = null;
    waitingOn.backend = 'storage';
    try {
      previous = await storage.getComposite(poster.key);
      await storage.putComposite({
        key: poster.key,
        blobKey,
        contentType: poster.contentType,
        etag: poster.etag,
        byteLength: poster.bytes.length,
        cachedAt: now(),
        expiresAt: poster.expiresAt,
        tmdbId: title.tmdbId,
        mediaType: title.mediaType,
        params: title.params,
      });
    } catch (error) {
      options.onBackendError('storage', error);
      await blobStore.delete(blobKey).catch(() => {});
      return false;
    }
    if (previous && previous.blobKey !== blobKey) {
      waitingOn.backend = 'blobstore';
      await blobStore
        .delete(previous.blobKey)
        .catch((error: unknown) => options.onBackendError('blobstore', error));
    }
    return true;
  }

  return {
    lookup,
    save,
    memoryEntries: () => memory?.size ?? 0,
    memoryBytes: () => memory?.calculatedSize ?? 0,
  };
}

export type CompositeStore = ReturnType<typeof createCompositeStore>;
