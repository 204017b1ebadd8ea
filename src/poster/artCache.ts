/**
 * Downloaded artwork and logos, kept as files under DATA_DIR/art for ART_CACHE_DAYS (± 10 % per file, so a
 * warm cache does not expire all at once). Concurrent requests for one image share one download; writes
 * are atomic (temp file + rename). A failed download is not an error for the poster: the caller renders
 * fallback art and marks the poster provisional.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { keyFraction } from './cachePolicy.ts';

export type ArtFetch = { bytes: Buffer } | { missing: true } | { failed: true };

export interface ArtCacheOptions {
  dir: string;
  ttlDays: number;
  download: (url: string) => Promise<Buffer | null>;
  now?: () => number;
  /** Metrics hook: one call per image asked for (hit = served from the file cache). */
  onLookup?: (url: string, hit: boolean) => void;
}

export function createArtCache(options: ArtCacheOptions) {
  const now = options.now ?? Date.now;
  const inflight = new Map<string, Promise<ArtFetch>>();
  const fileFor = (url: string) => {
    const hash = createHash('sha256').update(url).digest('hex');
    return path.join(options.dir, hash.slice(0, 2), `${hash}.img`);
  };
  const ttlFor = (url: string) => options.ttlDays * 86_400_000 * (0.9 + 0.2 * keyFraction(url));

  async function readFresh(file: string, url: string): Promise<Buffer | null> {
    try {
      const info = await stat(file);
      if (now() - info.mtimeMs > ttlFor(url)) return null;
      return await readFile(file);
    } catch {
      return null;
    }
  }

  async function load(url: string): Promise<ArtFetch> {
    const file = fileFor(url);
    const cached = await readFresh(file, url);
    options.onLookup?.(url, cached !== null);
    if (cached) return { bytes: cached };
    let bytes: Buffer | null;
    try {
      bytes = await options.download(url);
    } catch {
      return { failed: true };
    }
    if (!bytes) return { missing: true };
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
    } catch {
      // A full or read-only disk costs the cache, not the poster.
    }
    return { bytes };
  }

  return {
    get(url: string): Promise<ArtFetch> {
      let pending = inflight.get(url);
      if (!pending) {
        pending = load(url).finally(() => inflight.delete(url));
        inflight.set(url, pending);
      }
      return pending;
    },
  };
}

export type ArtCache = ReturnType<typeof createArtCache>;
