import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/ports/blobStore.ts';
import type { CompositeRow, Storage } from '../../src/ports/storage.ts';
import { createCompositeStore } from '../../src/poster/compositeStore.ts';

/** Backends that have nothing and accept every write: what L1 holds is then all a lookup can find. */
function emptyBackends() {
  const rows = new Map<string, CompositeRow>();
  const storage = {
    kind: 'test',
    getComposite: async () => null,
    putComposite: async (row: CompositeRow) => void rows.set(row.key, row),
  } as unknown as Storage;
  const blobStore = {
    kind: 'test',
    put: async () => {},
    get: async () => null,
    delete: async () => {},
    publicUrl: () => null,
  } as unknown as BlobStore;
  return { storage, blobStore };
}

const poster = (key: string, size: number) => ({
  key,
  bytes: Buffer.alloc(size, 1),
  etag: `"${key}"`,
  contentType: 'image/jpeg',
  expiresAt: Date.now() + 60_000,
});
const title = { tmdbId: '1', mediaType: 'movie', params: '{}' };

function store(memoryEntries: number, memoryBytes: number) {
  return createCompositeStore({
    ...emptyBackends(),
    memoryEntries,
    memoryBytes,
    redirectToPublicUrl: false,
    now: Date.now,
    onBackendError: () => {},
  });
}

describe('composite store L1 bounds', () => {
  it('keeps no more poster bytes than memoryBytes, evicting the least recently used', async () => {
    const l1 = store(500, 100_000);
    for (let i = 0; i < 10; i++) await l1.save(poster(`k${i}`, 30_000), title);
    expect(l1.memoryBytes()).toBeLessThanOrEqual(100_000);
    expect(l1.memoryEntries()).toBe(3);
    expect((await l1.lookup('k9')).found).toBe('memory');
    expect((await l1.lookup('k0')).found).toBe('none');
  });

  it('keeps no more entries than memoryEntries, whatever the bytes allow', async () => {
    const l1 = store(2, 10_000_000);
    for (let i = 0; i < 5; i++) await l1.save(poster(`k${i}`, 1_000), title);
    expect(l1.memoryEntries()).toBe(2);
  });

  it('is off when memoryBytes is 0', async () => {
    const l1 = store(500, 0);
    await l1.save(poster('k', 1_000), title);
    expect(l1.memoryEntries()).toBe(0);
    expect((await l1.lookup('k')).found).toBe('none');
  });
});
