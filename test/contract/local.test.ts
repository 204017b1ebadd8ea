import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalBlobStore } from '../../src/adapters/blob/local.ts';
import { describeBlobStoreContract } from './blobStore.suite.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'postersplus-blobs-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describeBlobStoreContract('local', {
  open: () => openLocalBlobStore({ dir: join(root, 'contract') }),
  reopenable: true,
  expectedPublicUrl: null,
});

describeBlobStoreContract('local with public URL', {
  open: () =>
    openLocalBlobStore({ dir: join(root, 'public'), publicBaseUrl: 'https://cdn.example/posters/' }),
  reopenable: true,
  expectedPublicUrl: (key) => `https://cdn.example/posters/${key}`,
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('local blob store', () => {
  it('has kind local and creates its directory', async () => {
    const dir = join(root, 'created', 'on', 'open');
    const store = await openLocalBlobStore({ dir });
    expect(store.kind).toBe('local');
    await store.put('a', Buffer.from('x'), 'image/jpeg');
    expect(await filesUnder(dir)).toEqual(['a']);
  });

  it('maps keys to files under the directory and leaves no temporary files behind', async () => {
    const dir = join(root, 'layout');
    const store = await openLocalBlobStore({ dir });
    await Promise.all([
      store.put('composites/tt1:1:movie:abc~0001', Buffer.from('1'), 'image/jpeg'),
      store.put('composites/tt1:1:movie:abc~0001', Buffer.from('2'), 'image/jpeg'),
      store.put('x/y/z.png', Buffer.from('3'), 'image/png'),
    ]);
    await store.ping();
    expect(await filesUnder(dir)).toEqual(['composites/tt1:1:movie:abc~0001', 'x/y/z.png']);
  });

  it('never touches files outside its directory', async () => {
    const dir = join(root, 'jail', 'inner');
    const outside = join(root, 'jail', 'secret');
    await openLocalBlobStore({ dir });
    await writeFile(outside, 'keep');
    const store = await openLocalBlobStore({ dir });
    for (const key of ['../secret', 'a/../../secret', '/etc/passwd', '..']) {
      await expect(store.delete(key)).rejects.toThrow('invalid blob key');
      await expect(store.put(key, Buffer.from('evil'), 'image/jpeg')).rejects.toThrow('invalid blob key');
    }
    expect(await filesUnder(join(root, 'jail'))).toEqual(['secret']);
  });

  it('treats a key that names a directory of other keys as absent', async () => {
    const store = await openLocalBlobStore({ dir: join(root, 'dirs') });
    await store.put('a/b', Buffer.from('b'), 'image/jpeg');
    expect(await store.get('a')).toBeNull();
    await expect(store.delete('a')).resolves.toBeUndefined();
    expect(await store.get('a/b/c')).toBeNull();
    expect((await store.get('a/b'))?.toString()).toBe('b');
  });

  it('gives no public URL without a base, and trims the base’s trailing slashes', async () => {
    const plain = await openLocalBlobStore({ dir: join(root, 'urls') });
    expect(plain.publicUrl('a/b.jpg')).toBeNull();
    const cdn = await openLocalBlobStore({ dir: join(root, 'urls'), publicBaseUrl: 'https://cdn.example//' });
    expect(cdn.publicUrl('a/b.jpg')).toBe('https://cdn.example/a/b.jpg');
  });

  it('fails ping when the directory is gone', async () => {
    const dir = join(root, 'vanishing');
    const store = await openLocalBlobStore({ dir });
    await store.ping();
    await rm(dir, { recursive: true });
    await expect(store.ping()).rejects.toThrow();
  });
});
