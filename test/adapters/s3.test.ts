/**
 * S3 adapter specifics beyond the BlobStore contract, against a real s3rver: content type and prefix
 * on the stored object, byte-exact stream uploads with the client settings, startup checks with clear
 * errors, and an outage (the server killed) that fails calls quickly instead of hanging them.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseObjectStoreUrl } from '../../src/adapters/blob/objectStoreUrl.ts';
import { openS3BlobStore, s3ClientConfig } from '../../src/adapters/blob/s3.ts';
import { BackendUnavailableError } from '../../src/adapters/errors.ts';
import { openBlobStore } from '../../src/adapters/open.ts';
import { loadConfig } from '../../src/config/load.ts';
import { S3RVER_CREDENTIALS, type S3Server, s3rverMissing, startS3Server } from '../helpers/s3Server.ts';
import { freePort, withServer } from '../helpers/serverGate.ts';

withServer('S3 adapter', s3rverMissing(), () => {
  let server: S3Server;
  let raw: S3Client;
  const url = (query = '') => `s3://posters?endpoint=${server.endpoint}&region=us-east-1${query}`;
  const open = (query = '', extra: Partial<Parameters<typeof openS3BlobStore>[0]> = {}) =>
    openS3BlobStore({ url: url(query), credentials: S3RVER_CREDENTIALS, ...extra });
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error as Error,
    );

  beforeAll(async () => {
    server = await startS3Server(['posters']);
    raw = new S3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    });
  });
  afterAll(async () => {
    raw?.destroy();
    await server?.destroy();
  });

  describe('objects', () => {
    it('stores under the prefix with the given content type', async () => {
      const store = await open('&prefix=cache/v1');
      expect(store.kind).toBe('s3');
      const bytes = randomBytes(10_000);
      await store.put('tt1:603:movie:abc~0001', bytes, 'image/webp');
      const head = await raw.send(
        new HeadObjectCommand({ Bucket: 'posters', Key: 'cache/v1/tt1:603:movie:abc~0001' }),
      );
      expect(head.ContentType).toBe('image/webp');
      expect(head.ContentLength).toBe(bytes.length);
      await store.put('tt1:603:movie:abc~0001', bytes, 'image/jpeg');
      const again = await raw.send(
        new HeadObjectCommand({ Bucket: 'posters', Key: 'cache/v1/tt1:603:movie:abc~0001' }),
      );
      expect(again.ContentType).toBe('image/jpeg');
      await store.close();
    });

    it('stores exactly the bytes sent, as a stream upload with its client settings or a Buffer', async () => {
      const location = parseObjectStoreUrl(url('&prefix=exact'), {});
      const client = new S3Client(s3ClientConfig(location, { url: url(), credentials: S3RVER_CREDENTIALS }));
      const store = await open('&prefix=exact');
      try {
        const bytes = randomBytes(150_000);
        // A stream body is where the SDK's default checksum mode would store aws-chunked framing.
        await client.send(
          new PutObjectCommand({
            Bucket: 'posters',
            Key: 'exact/streamed',
            Body: Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]),
            ContentLength: bytes.length,
            ContentType: 'image/jpeg',
          }),
        );
        const viaAdapter = await store.get('streamed');
        expect(viaAdapter?.length).toBe(bytes.length);
        expect(viaAdapter?.equals(bytes)).toBe(true);

        await store.put('buffered', bytes, 'image/jpeg');
        const object = await raw.send(new GetObjectCommand({ Bucket: 'posters', Key: 'exact/buffered' }));
        expect(Buffer.from(await object.Body!.transformToByteArray()).equals(bytes)).toBe(true);
      } finally {
        client.destroy();
        await store.close();
      }
    });

    it('is what openBlobStore gives for OBJECT_STORE_URL, with credentials from the AWS variables', async () => {
      const saved = { ...process.env };
      process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
      process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
      try {
        const config = loadConfig({
          OBJECT_STORE_URL: url('&prefix=composites/'),
          OBJECT_STORE_PUBLIC_URL: 'https://cdn.example/',
        });
        const store = await openBlobStore(config);
        expect(store.kind).toBe('s3');
        await store.put('a/b.webp', Buffer.from('poster'), 'image/webp');
        expect((await store.get('a/b.webp'))?.toString()).toBe('poster');
        expect(store.publicUrl('a/b.webp')).toBe('https://cdn.example/composites/a/b.webp');
        await store.close();
      } finally {
        process.env = saved;
      }
    });

    it('rejects every call after close', async () => {
      const store = await open();
      await store.close();
      await expect(store.get('x')).rejects.toThrow(/closed/);
      await expect(store.put('x', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/closed/);
      await expect(store.ping()).rejects.toThrow(/closed/);
    });
  });

  describe('startup', () => {
    it('fails with a clear error when the bucket does not exist', async () => {
      const error = await rejection(
        openS3BlobStore({
          url: `s3://no-such-bucket?endpoint=${server.endpoint}`,
          credentials: S3RVER_CREDENTIALS,
        }),
      );
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect(error?.message).toBe(
        `OBJECT_STORE_URL: bucket "no-such-bucket" at ${server.endpoint} does not exist (create it, or fix the bucket name in the URL)`,
      );
    });

    it('says access was refused for wrong credentials, without quoting the secret', async () => {
      const secret = 'Wr0ngS3cretAccessKeyValue';
      const error = await rejection(
        open('', { credentials: { accessKeyId: 'NOT-S3RVER', secretAccessKey: secret } }),
      );
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect(error?.message).toMatch(/bucket "posters" .* refused access: check AWS_ACCESS_KEY_ID/);
      expect(error?.message).not.toContain(secret);
    });

    it('says the endpoint is unreachable when nothing listens', async () => {
      const port = await freePort();
      const error = await rejection(
        openS3BlobStore({
          url: `s3://posters?endpoint=http://127.0.0.1:${port}`,
          credentials: S3RVER_CREDENTIALS,
        }),
      );
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect(error?.message).toMatch(
        /^OBJECT_STORE_URL: bucket "posters" at http:\/\/127\.0\.0\.1:\d+ is unreachable: .*ECONNREFUSED/,
      );
    });

    it('gives up on an endpoint that accepts connections but never answers', async () => {
      const sockets = new Set<Socket>();
      const blackHole: Server = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
      const address = blackHole.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      try {
        const error = await rejection(
          openS3BlobStore({
            url: `s3://posters?endpoint=http://127.0.0.1:${port}`,
            credentials: S3RVER_CREDENTIALS,
            requestTimeoutMs: 300,
          }),
        );
        expect(error).toBeInstanceOf(BackendUnavailableError);
        expect(error?.message).toMatch(/is unreachable: .*time/i);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => blackHole.close(resolve));
      }
    });

    it('refuses an unusable URL before touching the network', async () => {
      await expect(openS3BlobStore({ url: 's3://posters?endpiont=http://x' })).rejects.toThrow(
        /^OBJECT_STORE_URL is not usable: unknown parameter "endpiont"/,
      );
    });
  });

  describe('outage', () => {
    it('fails put, get, delete and ping (never hangs) while S3 is down, and works again when it returns', async () => {
      const store = await open('&prefix=outage');
      await store.put('kept', Buffer.from('before'), 'image/jpeg');

      await server.stop();
      try {
        const failures = await Promise.all([
          rejection(store.put('new', Buffer.from('during'), 'image/jpeg')),
          rejection(store.get('kept')),
          rejection(store.delete('kept')),
          rejection(store.ping()),
        ]);
        for (const failure of failures) {
          expect(failure).toBeInstanceOf(Error);
          expect(failure?.message).toMatch(/^s3 (put|get|delete|ping) failed on bucket "posters"/);
        }
      } finally {
        await server.start();
      }

      // The same adapter, no reopen: the SDK simply connects again.
      await store.ping();
      expect((await store.get('kept'))?.toString()).toBe('before');
      await store.put('new', Buffer.from('after'), 'image/jpeg');
      expect((await store.get('new'))?.toString()).toBe('after');
      await store.close();
    });
  });
});
