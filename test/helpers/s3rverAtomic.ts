/**
 * Runs s3rver's CLI with atomic object writes. Real S3 makes a PUT visible whole or not at all; s3rver's
 * file store truncates and rewrites the object file in place (then its metadata), so a GET racing a PUT
 * can read a torn or short object — and two racing PUTs can interleave into a mix of both. The
 * BlobStore contract (rightly) requires atomic replacement, which the S3 adapter gets from S3 itself;
 * this wrapper makes the emulator keep that promise: write to a temporary file, then rename.
 *
 * Usage: node s3rverAtomic.ts <s3rver CLI arguments>
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const require = createRequire(import.meta.url);
const FilesystemStore = require('s3rver/lib/stores/filesystem.js');
const S3Object = require('s3rver/lib/models/object.js');

async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temp = `${path}.${randomUUID()}.partial`;
  await writeFile(temp, data);
  await rename(temp, path);
}

interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | NodeJS.ReadableStream;
  metadata: Record<string, string>;
}

FilesystemStore.prototype.putObject = async function putObject(object: StoredObject) {
  const objectPath: string = this.getResourcePath(object.bucket, object.key, 'object');
  await mkdir(dirname(objectPath), { recursive: true });
  const md5 = createHash('md5');
  let size = 0;
  const temp = `${objectPath}.${randomUUID()}.partial`;
  if (Buffer.isBuffer(object.content)) {
    md5.update(object.content);
    size = object.content.length;
    await writeFile(temp, object.content);
  } else {
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    await pipeline(object.content, count, createWriteStream(temp));
  }
  await rename(temp, objectPath);
  const digest = md5.digest('hex');
  await this.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
};

FilesystemStore.prototype.putMetadata = async function putMetadata(
  bucket: string,
  key: string,
  metadata: Record<string, string>,
  md5?: string,
) {
  // The original's content, but each file replaced by rename so a reader never parses half a file.
  const allowed: string[] = S3Object.ALLOWED_METADATA;
  const json = Object.fromEntries(
    Object.entries(metadata).filter(([name]) => allowed.includes(name) || name.startsWith('x-amz-meta-')),
  );
  if (md5) await writeAtomically(this.getResourcePath(bucket, key, 'object.md5'), md5);
  await writeAtomically(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(json, null, 2));
};

require('s3rver/bin/s3rver.js');
