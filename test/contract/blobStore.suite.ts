/**
 * Conformance suite for the BlobStore port. Every adapter (local directory now, S3 later) runs it.
 * Keys carry a random per-test prefix, so a shared bucket needs no emptying.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/ports/blobStore.ts';

export interface BlobStoreContractTarget {
  /** A new handle on the store under test; the suite closes every handle it opens. */
  open(): Promise<BlobStore>;
  /** True when objects written through one handle are readable through a later open() after close(). */
  reopenable: boolean;
  /** The URL the store opened by open() must give for a key; null when it was opened without one. */
  expectedPublicUrl: ((key: string) => string) | null;
}

/** Keys no adapter may accept: each could escape the directory or prefix, or is outside the alphabet. */
export const UNSAFE_BLOB_KEYS = [
  '',
  '../x',
  '..',
  '.',
  '/abs',
  '/etc/passwd',
  'a/../../b',
  'a/..',
  './a',
  'a/./b',
  'a//b',
  'a/',
  'a\\..\\b',
  '..\\x',
  '%2e%2e/x',
  'a b',
  'a\u0000b',
  'é',
  'x'.repeat(513),
];

export function describeBlobStoreContract(name: string, target: BlobStoreContractTarget): void {
  describe(`BlobStore contract: ${name}`, () => {
    let store: BlobStore;
    let run: string;
    const opened: BlobStore[] = [];
    const open = async () => {
      const handle = await target.open();
      opened.push(handle);
      return handle;
    };
    const k = (suffix: string) => `composites/${run}/${suffix}`;

    beforeEach(async () => {
      run = randomUUID();
      store = await open();
    });
    afterEach(async () => {
      for (const handle of opened.splice(0)) await handle.close();
    });

    it('has a kind and answers ping', async () => {
      expect(store.kind).toMatch(/\S/);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('round-trips all 256 byte values exactly', async () => {
      const bytes = new Uint8Array(512);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
      await store.put(k('bytes'), bytes, 'application/octet-stream');
      const back = await store.get(k('bytes'));
      expect(Buffer.isBuffer(back)).toBe(true);
      expect(back?.equals(bytes)).toBe(true);
      expect(new Set(back).size).toBe(256);
    });

    it('round-trips a 2 MB random buffer exactly', async () => {
      const bytes = randomBytes(2 * 1024 * 1024);
      await store.put(k('big.jpg'), bytes, 'image/jpeg');
      const back = await store.get(k('big.jpg'));
      expect(back?.length).toBe(bytes.length);
      expect(back?.equals(bytes)).toBe(true);
    });

    it('stores an empty object as empty, not as absent', async () => {
      await store.put(k('empty'), new Uint8Array(0), 'image/jpeg');
      const back = await store.get(k('empty'));
      expect(back).not.toBeNull();
      expect(back?.length).toBe(0);
    });

    it('accepts a typed-array view over part of a larger buffer', async () => {
      const backing = Buffer.from('xxxxPOSTERyyyy');
      await store.put(k('view'), new Uint8Array(backing.buffer, backing.byteOffset + 4, 6), 'image/png');
      expect((await store.get(k('view')))?.toString()).toBe('POSTER');
    });

    it('accepts every character of the key alphabet, nested keys, and dots inside a segment', async () => {
      const keys = [
        k('tt0133093:603:movie:0123456789abcdef~0123456789abcdef'),
        k('A-Z_a.z~0:9'),
        k('deeply/nested/path/x.webp'),
        k('..a'),
        k('a..'),
        k('...'),
        k('.hidden'),
      ];
      for (const [i, key] of keys.entries()) await store.put(key, Buffer.from(`blob ${i}`), 'image/jpeg');
      for (const [i, key] of keys.entries()) expect((await store.get(key))?.toString()).toBe(`blob ${i}`);
    });

    it('returns null for a missing key, and deleting one is fine', async () => {
      expect(await store.get(k('missing'))).toBeNull();
      expect(await store.get(k('missing/deeper'))).toBeNull();
      await expect(store.delete(k('missing'))).resolves.toBeUndefined();
      await expect(store.delete(k('missing/deeper'))).resolves.toBeUndefined();
    });

    it('overwrites a key with the whole new object', async () => {
      await store.put(k('over'), Buffer.alloc(100_000, 1), 'image/jpeg');
      await store.put(k('over'), Buffer.from([9, 8, 7]), 'image/jpeg');
      expect(await store.get(k('over'))).toEqual(Buffer.from([9, 8, 7]));
    });

    it('deletes an object without touching its neighbours', async () => {
      await store.put(k('del/a'), Buffer.from('a'), 'image/jpeg');
      await store.put(k('del/b'), Buffer.from('b'), 'image/jpeg');
      await store.delete(k('del/a'));
      expect(await store.get(k('del/a'))).toBeNull();
      expect((await store.get(k('del/b')))?.toString()).toBe('b');
      await store.delete(k('del/a'));
    });

    it('never lets a reader see a torn object while writers replace it', async () => {
      const size = 512 * 1024;
      const versions = [1, 2, 3, 4].map((fill) => Buffer.alloc(size, fill));
      await store.put(k('torn'), versions[0]!, 'image/jpeg');
      const reads: Promise<Buffer | null>[] = [];
      const writes: Promise<void>[] = [];
      for (let round = 0; round < 8; round++) {
        writes.push(store.put(k('torn'), versions[round % versions.length]!, 'image/jpeg'));
        for (let r = 0; r < 3; r++) reads.push(store.get(k('torn')));
      }
      await Promise.all(writes);
      for (const read of await Promise.all(reads)) {
        expect(read).not.toBeNull();
        expect(versions.some((version) => version.equals(read!))).toBe(true);
      }
      const final = await store.get(k('torn'));
      expect(versions.some((version) => version.equals(final!))).toBe(true);
    });

    it('keeps concurrent writes to distinct keys apart', async () => {
      const blobs = Array.from({ length: 20 }, (_, i) => randomBytes(1000 + i));
      await Promise.all(blobs.map((bytes, i) => store.put(k(`many/${i}`), bytes, 'image/jpeg')));
      const back = await Promise.all(blobs.map((_, i) => store.get(k(`many/${i}`))));
      back.forEach((bytes, i) => {
        expect(bytes?.equals(blobs[i]!)).toBe(true);
      });
    });

    it('rejects unsafe keys on every operation', async () => {
      for (const key of UNSAFE_BLOB_KEYS) {
        await expect(store.put(key, Buffer.from('x'), 'image/jpeg'), key).rejects.toThrow();
        await expect(store.get(key), key).rejects.toThrow();
        await expect(store.delete(key), key).rejects.toThrow();
        expect(() => store.publicUrl(key), key).toThrow();
      }
    });

    it('gives the configured public URL for a key', async () => {
      const key = k('tt0133093:603:movie:0123456789abcdef~0123456789abcdef');
      expect(store.publicUrl(key)).toBe(target.expectedPublicUrl ? target.expectedPublicUrl(key) : null);
    });

    describe('lifecycle', () => {
      it('closes idempotently', async () => {
        const handle = await open();
        await handle.close();
        await expect(handle.close()).resolves.toBeUndefined();
      });

      // Only for stores whose objects outlive a handle.
      if (!target.reopenable) return;

      it('keeps objects across close and reopen', async () => {
        const bytes = randomBytes(4096);
        await store.put(k('persist.jpg'), bytes, 'image/jpeg');
        await store.close();
        const reopened = await open();
        expect((await reopened.get(k('persist.jpg')))?.equals(bytes)).toBe(true);
      });
    });
  });
}
