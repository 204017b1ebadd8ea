/**
 * OBJECT_STORE_URL → where composites live in S3:
 *
 *   s3://bucket[/prefix]?endpoint=https://…&region=…&prefix=…&path_style=true|false
 *
 * - `endpoint`: an S3-compatible server (MinIO, R2, s3rver…); omitted = AWS itself.
 * - `region`: else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1 (custom endpoints mostly ignore it).
 * - `prefix` (or the URL path): key prefix inside the bucket, always stored ending in "/".
 * - `path_style`: path-style addressing (http://endpoint/bucket/key); on by default with a custom
 *   endpoint, whose host names rarely resolve per bucket, off for AWS.
 * Credentials never go in this URL: they come from the standard AWS variables or the default chain.
 * Unknown parameters are refused, so a typo (`?endpiont=`) cannot silently send posters to AWS.
 */
import { assertSafeBlobKey } from '../../ports/blobStore.ts';

export interface ObjectStoreLocation {
  bucket: string;
  /** '' or a key prefix ending in '/'. */
  prefix: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
}

const PARAMS = new Set(['endpoint', 'region', 'prefix', 'path_style']);
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseObjectStoreUrl(
  raw: string,
  env: Record<string, string | undefined> = process.env,
): ObjectStoreLocation {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('not a URL (expected s3://bucket?endpoint=…&region=…&prefix=…)');
  }
  if (url.protocol.toLowerCase() !== 's3:') {
    throw new Error(`unsupported scheme ${JSON.stringify(url.protocol.slice(0, 16))} (expected s3://)`);
  }
  if (url.username || url.password) {
    throw new Error(
      'credentials do not belong in the URL: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or use an instance role)',
    );
  }
  const bucket = url.hostname.toLowerCase();
  if (!BUCKET.test(bucket) || bucket.includes('..')) {
    throw new Error(`bucket name ${JSON.stringify(bucket.slice(0, 70))} is not a valid S3 bucket name`);
  }
  for (const name of url.searchParams.keys()) {
    if (!PARAMS.has(name)) {
      throw new Error(
        `unknown parameter ${JSON.stringify(name.slice(0, 32))} (known: ${[...PARAMS].join(', ')})`,
      );
    }
  }
  const param = (name: string) => url.searchParams.get(name)?.trim() || undefined;

  const pathPrefix = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const queryPrefix = param('prefix');
  if (pathPrefix && queryPrefix)
    throw new Error('give the prefix once: in the path or as ?prefix=, not both');
  const prefix = normalisePrefix(queryPrefix ?? pathPrefix);

  let endpoint = param('endpoint');
  if (endpoint !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(endpoint);
    } catch {
      throw new Error('endpoint must be an http:// or https:// URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error('endpoint must be an http:// or https:// URL');
    }
    if (parsed.username || parsed.password) throw new Error('endpoint must not carry credentials');
    endpoint = parsed.origin + parsed.pathname.replace(/\/+$/, '');
  }

  const pathStyle = param('path_style');
  let forcePathStyle = endpoint !== undefined;
  if (pathStyle !== undefined) {
    if (!/^(true|false|1|0)$/i.test(pathStyle)) throw new Error('path_style must be true or false');
    forcePathStyle = /^(true|1)$/i.test(pathStyle);
  }

  return {
    bucket,
    prefix,
    region: param('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    endpoint,
    forcePathStyle,
  };
}

/** 'a/b', '/a/b/', 'a/b/' → 'a/b/'; '' stays ''. Each segment obeys the blob-key grammar. */
function normalisePrefix(text: string): string {
  const trimmed = text.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  try {
    assertSafeBlobKey(trimmed);
  } catch {
    throw new Error(
      `prefix ${JSON.stringify(trimmed.slice(0, 70))} may use only A-Z a-z 0-9 . _ ~ : - and /`,
    );
  }
  return `${trimmed}/`;
}
