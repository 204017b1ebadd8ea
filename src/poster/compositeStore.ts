/**
 * Where rendered posters live: an in-memory LRU (L1) in front of the Storage row + BlobStore bytes.
 * The blob is written before its row, under a versioned key, and a replaced blob is deleted only after
 * the new row is committed, so a reader never follows a row to a missing object. Backend errors never
 * fail a request: reads miss, writes are skipped, and the caller hears about it once per outage.
 */
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { BlobStore } from '../ports/blobStore.ts';
import type { CompositeRow, Storage } from '../ports/storage.ts';

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
  /** Redirect fresh hits to the CDN (OBJECT_STORE_PUBLIC_URL) instead of reading the blob. */
  redirectToPublicUrl: boolean;
  now: () => number;
  onBackendError: (backend: 'storage' | 'blobstore', error: unknown) => void;
}

const MEMORY_BYTES = 256 * 1024 * 1024;

export function createCompositeStore(options: CompositeStoreOptions) {
  const { storage, blobStore, now } = options;
  const memory =
    options.memoryEntries > 0
      ? new LRUCache<string, StoredPoster & { bytes: Buffer }>({
          max: options.memoryEntries,
          maxSize: MEMORY_BYTES,
          sizeCalculation: (entry) => Math.max(1, entry.bytes.length),
        })
      : null;

  async function lookup(key: string): Promise<Lookup> {
    const cached = memory?.get(key);
    if (cached && cached.expiresAt > now()) return { found: 'memory', poster: cached };
    if (cached) memory?.delete(key);

    let row: CompositeRow | null;
    try {
      row = await storage.getComposite(key);
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
      bytes = await blobStore.get(row.blobKey);
    } catch (error) {
      options.onBackendError('blobstore', error);
      return { found: 'none' };
    }
    if (!bytes) return { found: 'none' };
    const poster = { ...base, bytes };
    memory?.set(key, poster);
    return { found: 'store', poster };
  }

  /** Persists a complete render; returns false when a backend refused (the render is still served). */
  async function save(
    poster: { key: string; bytes: Buffer; etag: string; contentType: string; expiresAt: number },
    title: { tmdbId: string; mediaType: string; params: string },
  ): Promise<boolean> {
    const blobKey = `composites/${poster.key.replaceAll(':', '/')}~${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    memory?.set(poster.key, { ...poster, blobKey });
    try {
      await blobStore.put(blobKey, poster.bytes, poster.contentType);
    } catch (error) {
      options.onBackendError('blobstore', error);
      return false;
    }
    let previous: CompositeRow | null = null;
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
