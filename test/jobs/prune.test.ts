import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalBlobStore } from '../../src/adapters/blob/local.ts';
import { openSqliteStorage } from '../../src/adapters/storage/sqlite.ts';
import { createPruneJob, STALE_KEEP_MS } from '../../src/jobs/prune.ts';
import type { BlobStore } from '../../src/ports/blobStore.ts';
import type { CompositeRow, Storage } from '../../src/ports/storage.ts';

const NOW = 1_900_000_000_000;
const DAY = 86_400_000;

describe('cache prune', () => {
  let dir: string;
  let storage: Storage;
  let blobs: BlobStore;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'prune-'));
    storage = await openSqliteStorage({ path: path.join(dir, 'db.sqlite') });
    blobs = await openLocalBlobStore({ dir: path.join(dir, 'composites') });
  });
  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const composite = async (key: string, expiresAt: number): Promise<CompositeRow> => {
    const row: CompositeRow = {
      key,
      blobKey: `composites/${key}~v1`,
      contentType: 'image/webp',
      etag: '"x"',
      byteLength: 3,
      cachedAt: NOW - 10 * DAY,
      expiresAt,
      tmdbId: '1',
      mediaType: 'movie',
      params: '{}',
    };
    await blobs.put(row.blobKey, Buffer.from('abc'), row.contentType);
    await storage.putComposite(row);
    return row;
  };

  it('deletes expired composites and then their blobs; keeps fresh ones', async () => {
    const expired = await composite('poster:1:movie:old', NOW - DAY);
    const fresh = await composite('poster:1:movie:new', NOW + DAY);
    const prune = createPruneJob({
      storage,
      blobStore: blobs,
      maxComposites: 0,
      artDir: path.join(dir, 'art'),
      artMaxAgeMs: DAY,
      now: () => NOW,
    });
    const result = await prune.run(new AbortController().signal);
    expect(result.composites).toBe(1);
    expect(result.blobsDeleted).toBe(1);
    expect(await storage.getComposite(expired.key)).toBeNull();
    expect(await blobs.get(expired.blobKey)).toBeNull();
    expect(await storage.getComposite(fresh.key)).not.toBeNull();
    expect(await blobs.get(fresh.blobKey)).not.toBeNull();
  });

  it('keeps stale fact rows for serve-stale, then drops them after the keep window; never drops permanent rows', async () => {
    await storage.put('rating_cache', 'recently-expired', { v: 1 }, DAY, NOW - 2 * DAY);
    await storage.put('rating_cache', 'long-expired', { v: 1 }, DAY, NOW - STALE_KEEP_MS - 2 * DAY);
    await storage.put('imdb_to_tmdb_cache', 'tt1', { tmdbId: '1' }, null, NOW - 400 * DAY);
    const prune = createPruneJob({
      storage,
      blobStore: blobs,
      maxComposites: 0,
      artDir: path.join(dir, 'art'),
      artMaxAgeMs: DAY,
      now: () => NOW,
    });
    const result = await prune.run(new AbortController().signal);
    expect(result.factRows).toBe(1);
    expect(await storage.get('rating_cache', 'recently-expired', NOW)).not.toBeNull();
    expect(await storage.get('rating_cache', 'long-expired', NOW)).toBeNull();
    expect(await storage.get('imdb_to_tmdb_cache', 'tt1', NOW)).not.toBeNull();
  });

  it('caps stored posters at COMPOSITE_MAX_ENTRIES, dropping the soonest-expiring first', async () => {
    for (let i = 0; i < 5; i += 1) await composite(`poster:${i}:movie:k`, NOW + (i + 1) * DAY);
    const prune = createPruneJob({
      storage,
      blobStore: blobs,
      maxComposites: 3,
      artDir: path.join(dir, 'art'),
      artMaxAgeMs: DAY,
      now: () => NOW,
    });
    await prune.run(new AbortController().signal);
    expect(await storage.countComposites()).toBe(3);
    expect(await storage.getComposite('poster:0:movie:k')).toBeNull();
    expect(await storage.getComposite('poster:4:movie:k')).not.toBeNull();
  });

  it('queues blob deletes that fail and retries them on the next run', async () => {
    const row = await composite('poster:9:movie:x', NOW - DAY);
    let failing = true;
    const flaky: BlobStore = {
      ...blobs,
      kind: blobs.kind,
      get: (key) => blobs.get(key),
      put: (key, bytes, type) => blobs.put(key, bytes, type),
      publicUrl: (key) => blobs.publicUrl(key),
      ping: () => blobs.ping(),
      close: () => blobs.close(),
      delete: async (key) => {
        if (failing) throw new Error('s3 down');
        await blobs.delete(key);
      },
    };
    const prune = createPruneJob({
      storage,
      blobStore: flaky,
      maxComposites: 0,
      artDir: path.join(dir, 'art'),
      artMaxAgeMs: DAY,
      now: () => NOW,
    });
    const first = await prune.run(new AbortController().signal);
    expect(first.blobDeletesPending).toBe(1);
    expect(await storage.getComposite(row.key)).toBeNull(); // the row went first
    expect(await blobs.get(row.blobKey)).not.toBeNull();
    failing = false;
    const second = await prune.run(new AbortController().signal);
    expect(second.blobDeletesPending).toBe(0);
    expect(await blobs.get(row.blobKey)).toBeNull();
  });

  it('sweeps artwork files older than their age limit', async () => {
    const artDir = path.join(dir, 'art', 'ab');
    await mkdir(artDir, { recursive: true });
    await writeFile(path.join(artDir, 'old.img'), 'x');
    await writeFile(path.join(artDir, 'new.img'), 'y');
    const oldTime = new Date(Date.now() - 3 * DAY);
    await utimes(path.join(artDir, 'old.img'), oldTime, oldTime);
    const prune = createPruneJob({
      storage,
      blobStore: blobs,
      maxComposites: 0,
      artDir: path.join(dir, 'art'),
      artMaxAgeMs: DAY,
      now: () => Date.now(),
    });
    const result = await prune.run(new AbortController().signal);
    expect(result.artFiles).toBe(1);
    expect(await readdir(artDir)).toEqual(['new.img']);
  });
});
