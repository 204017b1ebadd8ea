/**
 * A poster whose bytes live in the object store, with OBJECT_STORE_PUBLIC_URL set, is answered over HTTP
 * with a 302 to the CDN — on /poster and on the public tier /p — and counted in composite_cdn_hits_total.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/server.ts';
import { findPreset } from '../../src/poster/presets.ts';
import { fakeUpstreamEnv } from '../helpers/fakeUpstreamEnv.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';
import { S3RVER_CREDENTIALS, type S3Server, s3rverMissing, startS3Server } from '../helpers/s3Server.ts';
import { withServer } from '../helpers/serverGate.ts';

const CDN = 'https://cdn.posters.example';
const KEY = 'operator-key-302';

withServer('CDN redirects over HTTP (S3 + OBJECT_STORE_PUBLIC_URL)', s3rverMissing(), () => {
  let s3: S3Server;
  let fake: FakeUpstream;
  let app: Awaited<ReturnType<typeof startInProcessApp>>;

  beforeAll(async () => {
    [s3, fake] = await Promise.all([
      startS3Server(['posters']),
      startFakeUpstream({ port: 0, host: '127.0.0.1' }),
    ]);
    // The S3 adapter takes its credentials from the SDK's default chain, as in production.
    process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
    app = await startInProcessApp({
      OBJECT_STORE_URL: `s3://posters?endpoint=${s3.endpoint}&region=us-east-1`,
      OBJECT_STORE_PUBLIC_URL: CDN,
      COMPOSITE_MEM_ENTRIES: '0', // every hit goes through the stored row, as on a fresh replica
      PRESET_ENABLED: 'true',
      ACCESS_KEY: KEY,
      TMDB_API_KEY: 'cdn-test-tmdb-key',
      ...fakeUpstreamEnv(fake),
      MDBLIST_API_KEY: 'cdn-test-mdblist-key',
      QUALITY_GRACE_MS: '4000',
      JOBS_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([fake?.close(), s3?.destroy()]);
  });

  const cdnHits = async () => {
    const text = await (await app.get('/metrics')).text();
    const line = text.split('\n').find((l) => l.startsWith('postersplus_composite_cdn_hits_total '));
    return Number(line?.split(' ')[1] ?? Number.NaN);
  };

  it('/poster: rendered once (200), then a 302 to the CDN carrying the Cache-Control', async () => {
    const url = `/poster?imdb_id=tt0111161&type=movie&access_key=${KEY}`;
    const first = await app.get(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const before = await cdnHits();
    const second = await app.get(url);
    expect(second.status).toBe(302);
    expect(second.headers.get('location')?.startsWith(`${CDN}/`)).toBe(true);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(await cdnHits()).toBe(before + 1);
  });

  it('/p: a stored preset poster answers 302 to the CDN', async () => {
    // The equivalent /poster URL stores the composite /p shares (same key).
    const preset = findPreset('clean_notch')!;
    const warm = await app.get(`/poster?imdb_id=tt0068646&type=movie&${preset.query}&access_key=${KEY}`);
    expect(warm.status).toBe(200);
    expect(warm.headers.get('x-cache')).toBe('MISS');
    const before = await cdnHits();
    const response = await app.get('/p/clean_notch/movie/tt0068646.jpg');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')?.startsWith(`${CDN}/`)).toBe(true);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(await cdnHits()).toBe(before + 1);
  });
});
