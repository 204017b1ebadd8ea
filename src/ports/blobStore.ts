/**
 * Blob store port: rendered poster bytes. A local directory by default, an S3 bucket when
 * OBJECT_STORE_URL is set.
 *
 * Keys are opaque strings made by the poster service (`[A-Za-z0-9._~:-]` and `/`); adapters reject
 * anything else, and in particular any path traversal.
 */

export interface BlobStore {
  readonly kind: string;
  /** Writes atomically: a reader sees the old object, or the whole new one, never a torn write. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when absent. */
  get(key: string): Promise<Buffer | null>;
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Public URL for CDN redirects, or null when the store has none. */
  publicUrl(key: string): string | null;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9._~:-]+(?:\/[A-Za-z0-9._~:-]+)*$/;

/** Validates a blob key; throws on anything that could escape a directory or prefix. */
export function assertSafeBlobKey(key: string): void {
  if (key.length === 0 || key.length > 512 || !SAFE_KEY.test(key)) {
    throw new Error('invalid blob key');
  }
  for (const segment of key.split('/')) {
    if (segment === '.' || segment === '..') throw new Error('invalid blob key');
  }
}
