/**
 * Default blob store: one file per key under a directory. Writes go to a temporary sibling and are
 * renamed into place, so a reader opens either the old file or the complete new one.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { assertSafeBlobKey, type BlobStore } from '../../ports/blobStore.ts';

export interface LocalBlobStoreOptions {
  dir: string;
  /** Base URL the directory is served from (e.g. a CDN); without it publicUrl() returns null. */
  publicBaseUrl?: string;
}

/** Errors that mean "there is no blob at this key" (a path component is missing or not a file). */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export async function openLocalBlobStore(options: LocalBlobStoreOptions): Promise<BlobStore> {
  const root = resolve(options.dir);
  await mkdir(root, { recursive: true });
  const baseUrl = options.publicBaseUrl ? options.publicBaseUrl.replace(/\/+$/, '') : null;

  function pathFor(key: string): string {
    assertSafeBlobKey(key);
    const path = join(root, ...key.split('/'));
    // Defence in depth behind the key grammar: whatever the key, the file stays under root.
    const rel = relative(root, path);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
      throw new Error('invalid blob key');
    }
    return path;
  }

  // '+' is outside the key alphabet, so a temporary file can never be mistaken for (or hit by) a key.
  const tempName = (path: string) => `${path}+${randomUUID()}.tmp`;

  return {
    kind: 'local',

    // The content type is not kept: the composite row that points at the blob already carries it.
    async put(key, bytes) {
      const path = pathFor(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = tempName(path);
      try {
        await writeFile(temp, bytes, { flush: true });
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw error;
      }
    },

    async get(key) {
      const path = pathFor(key);
      try {
        return await readFile(path);
      } catch (error) {
        if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return null;
        throw error;
      }
    },

    async delete(key) {
      const path = pathFor(key);
      try {
        await unlink(path);
      } catch (error) {
        if (!ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
    },

    publicUrl(key) {
      assertSafeBlobKey(key);
      return baseUrl === null ? null : `${baseUrl}/${key}`;
    },

    async ping() {
      const probe = join(root, `ping+${randomUUID()}.tmp`);
      await writeFile(probe, '');
      await unlink(probe);
    },

    async close() {},
  };
}
