/**
 * Hosted blob store: an S3 (or S3-compatible) bucket. `@aws-sdk/client-s3` is imported when this
 * adapter opens, so the default install never loads it.
 *
 * - Atomic by S3 semantics: a PUT becomes visible whole or not at all.
 * - The bucket is checked with HeadBucket at startup; a missing bucket, refused credentials or an
 *   unreachable endpoint fail the boot with a message that says which (and quotes no secret).
 * - Short timeouts and one retry: during an S3 outage a put or get fails within seconds, and the
 *   poster service serves the render without persisting it instead of hanging on the bucket.
 * - Checksums only WHEN_REQUIRED: the SDK's default (WHEN_SUPPORTED) sends aws-chunked bodies that
 *   some S3-compatible servers (s3rver among them) store with the chunk framing left in.
 */
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { assertSafeBlobKey, type BlobStore } from '../../ports/blobStore.ts';
import { BackendUnavailableError, errorText, scrubMessage } from '../errors.ts';
import { type ObjectStoreLocation, parseObjectStoreUrl } from './objectStoreUrl.ts';

export interface S3BlobStoreOptions {
  /** OBJECT_STORE_URL: s3://bucket?endpoint=…&region=…&prefix=… */
  url: string;
  /** CDN base in front of the bucket (OBJECT_STORE_PUBLIC_URL); publicUrl() is null without it. */
  publicBaseUrl?: string;
  /** Explicit credentials; absent = the SDK's default chain (AWS_* variables, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Bound on opening a TCP connection to the endpoint. */
  connectTimeoutMs?: number;
  /** Bound on one request, headers to last byte. */
  requestTimeoutMs?: number;
  /** Attempts per operation, the first included. */
  maxAttempts?: number;
  /** Where region defaults come from (tests pass their own). */
  env?: Record<string, string | undefined>;
}

/** The client settings, exported so tests can prove the checksum and timeout choices on a real server. */
export function s3ClientConfig(location: ObjectStoreLocation, options: S3BlobStoreOptions): S3ClientConfig {
  return {
    region: location.region,
    endpoint: location.endpoint,
    forcePathStyle: location.forcePathStyle,
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: options.maxAttempts ?? 2,
    requestHandler: {
      connectionTimeout: options.connectTimeoutMs ?? 2000,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      // Without this a request past requestTimeout is only logged as a warning, never failed.
      throwOnRequestTimeout: true,
    },
  };
}

export async function openS3BlobStore(options: S3BlobStoreOptions): Promise<BlobStore> {
  const env = options.env ?? process.env;
  let location: ObjectStoreLocation;
  try {
    location = parseObjectStoreUrl(options.url, env);
  } catch (error) {
    throw new BackendUnavailableError(`OBJECT_STORE_URL is not usable: ${errorText(error)}`);
  }
  const secrets = [
    options.credentials?.secretAccessKey,
    options.credentials?.sessionToken,
    env.AWS_SECRET_ACCESS_KEY,
    env.AWS_SESSION_TOKEN,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
  const scrub = (error: unknown) => scrubMessage(errorText(error), secrets);

  const s3 = await import('@aws-sdk/client-s3');
  const client = new s3.S3Client(s3ClientConfig(location, options));
  // The endpoint carries no credentials (the parser refuses them), so it is shown as given.
  const where = `bucket "${location.bucket}" at ${location.endpoint ?? `AWS S3 (${location.region})`}`;
  try {
    await client.send(new s3.HeadBucketCommand({ Bucket: location.bucket }));
  } catch (error) {
    client.destroy();
    throw new BackendUnavailableError(`OBJECT_STORE_URL: ${where} ${headBucketProblem(error, scrub)}`);
  }

  const baseUrl = options.publicBaseUrl ? options.publicBaseUrl.replace(/\/+$/, '') : null;
  let closed = false;
  const objectKey = (key: string) => {
    if (closed) throw new Error('s3 blob store is closed');
    assertSafeBlobKey(key);
    return `${location.prefix}${key}`;
  };
  const failure = (operation: string, error: unknown) =>
    new Error(`s3 ${operation} failed on ${where}: ${scrub(error)}`, { cause: error });

  return {
    kind: 's3',

    async put(key, bytes, contentType) {
      const Key = objectKey(key);
      try {
        await client.send(
          new s3.PutObjectCommand({
            Bucket: location.bucket,
            Key,
            // A view over part of a larger buffer must send only its own bytes.
            Body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
            ContentLength: bytes.byteLength,
            ContentType: contentType,
          }),
        );
      } catch (error) {
        throw failure('put', error);
      }
    },

    async get(key) {
      const Key = objectKey(key);
      try {
        const object = await client.send(new s3.GetObjectCommand({ Bucket: location.bucket, Key }));
        if (!object.Body) return Buffer.alloc(0);
        const bytes = await object.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw failure('get', error);
      }
    },

    async delete(key) {
      const Key = objectKey(key);
      try {
        await client.send(new s3.DeleteObjectCommand({ Bucket: location.bucket, Key }));
      } catch (error) {
        if (isNotFound(error)) return;
        throw failure('delete', error);
      }
    },

    publicUrl(key) {
      assertSafeBlobKey(key);
      return baseUrl === null ? null : `${baseUrl}/${location.prefix}${key}`;
    },

    async ping() {
      if (closed) throw new Error('s3 blob store is closed');
      try {
        await client.send(new s3.HeadBucketCommand({ Bucket: location.bucket }));
      } catch (error) {
        throw failure('ping', error);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      client.destroy();
    },
  } satisfies BlobStore;
}

interface S3Failure {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

function statusOf(error: unknown): number | undefined {
  return (error as S3Failure | null)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as S3Failure | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

/** An operator-facing reason for a failed HeadBucket. */
function headBucketProblem(error: unknown, scrub: (error: unknown) => string): string {
  const status = statusOf(error);
  const name = (error as S3Failure | null)?.name ?? '';
  if (status === 404 || name === 'NotFound' || name === 'NoSuchBucket') {
    return 'does not exist (create it, or fix the bucket name in the URL)';
  }
  if (status === 403 || status === 401) {
    return 'refused access: check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the instance role) and the bucket policy';
  }
  if (status === 301 || name === 'PermanentRedirect') {
    return 'is in another region: set ?region= in OBJECT_STORE_URL';
  }
  if (name === 'CredentialsProviderError') {
    return 'cannot be used: no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)';
  }
  return `is unreachable: ${scrub(error)}`;
}
