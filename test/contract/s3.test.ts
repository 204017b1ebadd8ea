import { afterAll, beforeAll } from 'vitest';
import { openS3BlobStore } from '../../src/adapters/blob/s3.ts';
import { S3RVER_CREDENTIALS, type S3Server, s3rverMissing, startS3Server } from '../helpers/s3Server.ts';
import { withServer } from '../helpers/serverGate.ts';
import { describeBlobStoreContract } from './blobStore.suite.ts';

withServer('S3 blob store contract', s3rverMissing(), () => {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3Server(['posters']);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const open = (query: string, publicBaseUrl?: string) =>
    openS3BlobStore({
      url: `s3://posters?endpoint=${server.endpoint}&region=eu-west-1${query}`,
      credentials: S3RVER_CREDENTIALS,
      publicBaseUrl,
    });

  describeBlobStoreContract('s3', { open: () => open(''), reopenable: true, expectedPublicUrl: null });

  describeBlobStoreContract('s3 with prefix and public URL', {
    open: () => open('&prefix=cache/composites', 'https://cdn.example/p/'),
    reopenable: true,
    expectedPublicUrl: (key) => `https://cdn.example/p/cache/composites/${key}`,
  });
});
