import { request as httpRequest } from 'node:http';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, redactUrl, startFakeUpstream } from '../../src/demo/index.ts';
import { getBytes, getJson } from './helpers.ts';

let upstream: FakeUpstream;
let movie: string;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  movie = `${upstream.urls.tmdbApiBase}/movie/278?api_key=k`;
});
afterEach(() => {
  upstream.faults.reset();
});
afterAll(() => upstream.close());

describe('faults', () => {
  it('status: every request gets the status with a service-shaped body, until reset', async () => {
    upstream.faults.status('tmdb', 500);
    const tmdb = await getJson(movie);
    expect(tmdb.status).toBe(500);
    expect(tmdb.body).toMatchObject({ success: false, status_code: 11 });
    expect((await getJson(movie)).status).toBe(500);
    upstream.faults.status('mdblist', 503);
    const mdb = await getJson(`${upstream.urls.mdblistApiBase}/imdb/movie/tt0111161?apikey=k`);
    expect(mdb.status).toBe(503);
    expect(typeof mdb.body.error).toBe('string');
    upstream.faults.reset('tmdb');
    expect((await getJson(movie)).status).toBe(200);
  });

  it('502 looks like a proxy error page (HTML, not JSON)', async () => {
    upstream.faults.status('addon', 502);
    const response = await fetch(`${upstream.urls.addonBase}/stream/movie/tt0111161.json`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('502 Bad Gateway');
  });

  it('rateLimit: 429 with Retry-After in seconds', async () => {
    upstream.faults.rateLimit('mdblist', 7);
    const response = await fetch(`${upstream.urls.mdblistApiBase}/imdb/movie/tt0111161?apikey=k`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await response.json()).toEqual({ error: 'API Limit Reached!' });
    upstream.faults.rateLimit('tmdb', 2);
    const tmdb = await getJson(movie);
    expect(tmdb.status).toBe(429);
    expect(tmdb.headers.get('retry-after')).toBe('2');
    expect(tmdb.body.status_code).toBe(25);
  });

  it('latency delays the answer', async () => {
    upstream.faults.latency('tmdb', 250);
    const started = performance.now();
    expect((await getJson(movie)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('failNext(n) fails n requests then recovers, and counts them', async () => {
    const before = upstream.requests.count('tmdb');
    upstream.faults.failNext('tmdb', 2, 503);
    expect((await getJson(movie)).status).toBe(503);
    expect((await getJson(movie)).status).toBe(503);
    expect((await getJson(movie)).status).toBe(200);
    expect(upstream.faults.rule('tmdb').failNext).toBe(0);
    expect(upstream.requests.count('tmdb') - before).toBe(3);
  });

  it('hang never answers; the client gives up with AbortSignal.timeout and the server stays healthy', async () => {
    upstream.faults.hang('tmdb');
    const started = performance.now();
    await expect(fetch(movie, { signal: AbortSignal.timeout(150) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(upstream.requests.entries('tmdb').at(-1)?.status).toBeNull();
    upstream.faults.reset('tmdb');
    expect((await getJson(movie)).status).toBe(200);
  });

  it('close() ends hung requests', async () => {
    const other = await startFakeUpstream({ faults: { arctic: { hang: true } } });
    const pending = fetch(`${other.urls.arcticShiftBase}/api/posts/search?subreddit=movieleaks`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.close();
    expect(await pending).toBe('failed');
  });

  it('drop resets the connection without an answer', async () => {
    upstream.faults.drop('addon');
    await expect(fetch(`${upstream.urls.addonBase}/manifest.json`)).rejects.toThrow();
  });

  it('brokenImage truncates image bytes so they fail to decode', async () => {
    const images = (await getJson(`${upstream.urls.tmdbApiBase}/movie/27205/images?api_key=k`)).body;
    const url = `${upstream.urls.tmdbImageBase}/w342${images.posters[0].file_path}`;
    const intact = await getBytes(url);
    upstream.faults.brokenImage();
    const broken = await getBytes(url);
    expect(broken.status).toBe(200);
    expect(broken.type).toBe('image/jpeg');
    expect(broken.body.length).toBeLessThan(intact.body.length);
    await expect(sharp(broken.body).toBuffer()).rejects.toThrow();
    await sharp(intact.body).toBuffer();
  });

  it('brokenJson truncates JSON bodies', async () => {
    upstream.faults.brokenJson('tmdb');
    const response = await fetch(movie);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it('faults can be set at start, per service', async () => {
    const other = await startFakeUpstream({ faults: { tmdb: { status: 503 }, images: { failNext: 1 } } });
    try {
      expect((await getJson(`${other.urls.tmdbApiBase}/movie/278?api_key=k`)).status).toBe(503);
      expect((await getJson(`${other.urls.mdblistApiBase}/imdb/movie/tt0111161?apikey=k`)).status).toBe(200);
    } finally {
      await other.close();
    }
    await expect(startFakeUpstream({ faults: { nope: {} } as never })).rejects.toThrow('unknown service');
  });
});

describe('request log', () => {
  it('records method, path, service and status with api keys redacted', async () => {
    upstream.requests.clear();
    await getJson(`${upstream.urls.tmdbApiBase}/movie/238?api_key=SUPER-SECRET-1&language=en`);
    await getJson(`${upstream.urls.mdblistApiBase}/imdb/movie/tt0068646?apikey=SUPER-SECRET-2`);
    await getJson(`${upstream.urls.tmdbApiBase}/movie/238?api%5Fkey=SUPER-SECRET-3`);
    const entries = upstream.requests.entries();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      method: 'GET',
      path: '/tmdb/3/movie/238?api_key=REDACTED&language=en',
      service: 'tmdb',
      status: 200,
    });
    expect(entries[1]).toMatchObject({
      path: '/mdblist/imdb/movie/tt0068646?apikey=REDACTED',
      service: 'mdblist',
    });
    expect(JSON.stringify(entries)).not.toContain('SUPER-SECRET');
    expect(upstream.requests.count('tmdb')).toBe(2);
    expect(upstream.requests.count('mdblist')).toBe(1);
    expect(upstream.requests.count()).toBe(3);
    expect(upstream.requests.countMatching('tmdb', '/movie/238')).toBe(2);
  });

  it('is bounded', async () => {
    const small = await startFakeUpstream({ requestLogLimit: 3 });
    try {
      for (let i = 0; i < 5; i++) await getJson(`${small.origin}/health`);
      expect(small.requests.entries()).toHaveLength(3);
      expect(small.requests.count()).toBe(5);
    } finally {
      await small.close();
    }
  });

  it('redactUrl never throws on malformed input', () => {
    expect(redactUrl('/x?%E0%A4%A=1&apikey=abc&key')).toBe('/x?%E0%A4%A=1&apikey=REDACTED&key');
    expect(redactUrl('/x')).toBe('/x');
  });
});

describe('bad input', () => {
  function raw(path: string, method = 'GET', headers: Record<string, string> = {}) {
    const { hostname, port } = new URL(upstream.origin);
    return new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
      const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] ?? '' }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('huge query strings, huge headers, odd methods and unknown paths get 4xx JSON', async () => {
    const huge = await raw(`/tmdb/3/search/multi?api_key=k&query=${'a'.repeat(9000)}`);
    expect(huge.status).toBe(414);
    expect(JSON.parse(huge.body).error).toBeTruthy();
    const headers = await raw('/tmdb/3/movie/278?api_key=k', 'GET', { 'x-big': 'b'.repeat(40_000) });
    expect(headers.status).toBe(431);
    expect(JSON.parse(headers.body).error).toBeTruthy();
    const post = await raw('/tmdb/3/movie/278?api_key=k', 'POST');
    expect(post.status).toBe(405);
    expect(post.type).toContain('application/json');
    const unknown = await raw('/nothing/here');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ error: 'Not found' });
    const encoded = await raw('/tmdb/3/movie/%E0%A4%A?api_key=k');
    expect(encoded.status).toBe(404);
  });

  it('hostile ids never produce a 5xx', async () => {
    const paths = [
      '/tmdb/3/find/%00?api_key=k&external_source=imdb_id',
      `/tmdb/3/movie/${'9'.repeat(40)}?api_key=k`,
      '/tmdb/3/tv/-1?api_key=k',
      `/tmdb/3/movie/278?api_key=k&append_to_response=${'images,'.repeat(50)}`,
      '/mdblist/imdb/movie/%27%22?apikey=k',
      '/addon/stream/series/tt0903747:99999:99999.json',
      '/arctic/api/posts/search?subreddit=movieleaks&before=99999999999999999999',
      '/tmdb-images/t/p/w500/..%2F..%2Fetc%2Fpasswd',
    ];
    for (const path of paths) {
      const { status } = await raw(path);
      expect(status, path).toBeGreaterThanOrEqual(200);
      expect(status, path).toBeLessThan(500);
    }
  });

  it('serves an index and health at the root', async () => {
    const { body } = await getJson(`${upstream.origin}/`);
    expect(body.urls.tmdbApiBase).toBe(upstream.urls.tmdbApiBase);
    expect(body.catalogue.length).toBeGreaterThanOrEqual(12);
    expect((await getJson(`${upstream.origin}/health`)).body).toEqual({ ok: true });
  });
});
