import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/upstream/backoff.ts';
import { UpstreamError } from '../../src/upstream/errors.ts';
import { type AttemptOutcome, createUpstreamHttp, type UpstreamHttp } from '../../src/upstream/http.ts';

/** A scripted upstream: each path answers by the behaviour the test sets. */
type Behaviour = {
  status?: number;
  body?: string | Buffer;
  hang?: boolean;
  bytes?: number;
  declareLength?: boolean;
};
let behaviours: Behaviour[] = [];
let hits = 0;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    const behaviour = behaviours.length > 1 ? behaviours.shift()! : (behaviours[0] ?? {});
    if (behaviour.hang) return; // never answers
    if (behaviour.bytes !== undefined) {
      if (behaviour.declareLength) res.setHeader('content-length', String(behaviour.bytes));
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      let left = behaviour.bytes;
      const pump = () => {
        while (left > 0) {
          const part = chunk.subarray(0, Math.min(chunk.length, left));
          left -= part.length;
          if (!res.write(part)) return res.once('drain', pump);
        }
        res.end();
      };
      req.on('close', () => {
        left = 0;
      });
      return pump();
    }
    res.writeHead(behaviour.status ?? 200, {
      'content-type': 'application/json',
      'x-echo-path': req.url ?? '',
    });
    res.end(behaviour.body ?? '{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let outcomes: AttemptOutcome[];
let http: UpstreamHttp;
const makeClient = (
  overrides: Parameters<typeof createUpstreamHttp>[0] extends infer O ? Partial<O> : never = {},
) =>
  createUpstreamHttp({
    allowedOrigins: [origin],
    onAttempt: (_service, outcome) => outcomes.push(outcome),
    retryBaseDelayMs: 5,
    responseTimeoutMs: 300,
    breakerHalfOpenAfterMs: 200,
    ...overrides,
  });

beforeEach(async () => {
  behaviours = [];
  hits = 0;
  outcomes = [];
  await http?.close();
  http = makeClient();
});

describe('retryDelayMs', () => {
  it.each([
    [1, 0.5, 500],
    [2, 0.5, 1000],
    [3, 0.5, 2000],
    [4, 0.5, 4000],
    [9, 0.5, 4000],
    [1, 0, 375],
    [1, 1, 625],
    [3, 0, 1500],
    [3, 1, 2500],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(retryDelayMs(attempt, () => random)).toBe(expected);
  });
});

describe('upstream http', () => {
  it('returns 2xx bodies and headers', async () => {
    const response = await http.get('tmdb', `${origin}/movie/550?api_key=x`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({ ok: true });
    expect(response.headers['x-echo-path']).toBe('/movie/550?api_key=x');
    expect(outcomes).toEqual(['2xx']);
  });

  it('returns 4xx to the caller without retrying or tripping the breaker', async () => {
    behaviours = [{ status: 404, body: '{"status_code":34}' }];
    for (let i = 0; i < 8; i += 1) {
      expect((await http.get('tmdb', `${origin}/movie/1`)).status).toBe(404);
    }
    expect(hits).toBe(8);
    expect(http.breakerState('tmdb')).toBe('closed');
    expect(outcomes.every((o) => o === '4xx')).toBe(true);
  });

  it('retries 5xx up to 3 attempts, then fails with the status and no query string in the message', async () => {
    behaviours = [{ status: 503 }];
    const error = await http
      .get('mdblist', `${origin}/imdb/movie/tt1?apikey=SECRET`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(503);
    expect((error as Error).message).not.toContain('SECRET');
    expect((error as Error).message).toContain('/imdb/movie/tt1');
    expect(hits).toBe(3);
    expect(outcomes).toEqual(['5xx', '5xx', '5xx']);
  });

  it('recovers when a 5xx burst ends within the retries', async () => {
    behaviours = [{ status: 500 }, { status: 502 }, { status: 200, body: '{"fine":1}' }];
    const response = await http.get('tmdb', `${origin}/x`);
    expect(JSON.parse(response.body.toString())).toEqual({ fine: 1 });
    expect(hits).toBe(3);
  });

  it('times out a hanging upstream and retries it', async () => {
    behaviours = [{ hang: true }];
    const error = await http.get('tmdb', `${origin}/slow`).catch((e: unknown) => e);
    expect((error as UpstreamError).failure).toBe('timeout');
    expect(outcomes).toEqual(['timeout', 'timeout', 'timeout']);
  });

  it('reports connection failures as retryable connection errors', async () => {
    const closed = 'http://127.0.0.1:1';
    const client = makeClient({ allowedOrigins: [closed] });
    const error = await client.get('quality', `${closed}/stream/movie/tt1.json`).catch((e: unknown) => e);
    expect((error as UpstreamError).failure).toBe('connection');
    expect(outcomes).toEqual(['error', 'error', 'error']);
    await client.close();
  });

  it('refuses hosts that are not configured, without any connection', async () => {
    const error = await http.get('tmdb', 'http://169.254.169.254/latest/meta-data').catch((e: unknown) => e);
    expect((error as UpstreamError).failure).toBe('refused_host');
    const invalid = await http.get('tmdb', 'not a url').catch((e: unknown) => e);
    expect((invalid as UpstreamError).failure).toBe('refused_host');
    expect(outcomes).toEqual([]);
  });

  it('caps JSON bodies at 5 MB while streaming (no content-length) and does not retry', async () => {
    behaviours = [{ bytes: 6 * 1024 * 1024 }];
    const error = await http.get('tmdb', `${origin}/huge`).catch((e: unknown) => e);
    expect((error as UpstreamError).failure).toBe('too_large');
    expect(hits).toBe(1);
  });

  it('refuses a declared oversize image before reading it, and allows images up to the image cap', async () => {
    behaviours = [{ bytes: 26 * 1024 * 1024, declareLength: true }];
    const error = await http
      .get('tmdb_images', `${origin}/w780/a.jpg`, { kind: 'image' })
      .catch((e: unknown) => e);
    expect((error as UpstreamError).failure).toBe('too_large');
    behaviours = [{ bytes: 6 * 1024 * 1024 }];
    const ok = await http.get('tmdb_images', `${origin}/w780/b.jpg`, { kind: 'image' });
    expect(ok.body.length).toBe(6 * 1024 * 1024);
  });

  it('opens the breaker after 5 consecutive failures and then fails fast without touching the network', async () => {
    behaviours = [{ status: 500 }];
    const client = makeClient({ maxAttempts: 1 });
    for (let i = 0; i < 5; i += 1) await client.get('tmdb', `${origin}/x`).catch(() => {});
    expect(client.breakerState('tmdb')).toBe('open');
    const before = hits;
    const error = await client.get('tmdb', `${origin}/x`).catch((e: unknown) => e);
    expect((error as UpstreamError).failure).toBe('circuit_open');
    expect(hits).toBe(before);
    expect(outcomes.at(-1)).toBe('circuit_open');
    // Breakers are per service: MDBList still flows.
    behaviours = [{ status: 200 }];
    expect((await client.get('mdblist', `${origin}/y`)).status).toBe(200);
    await client.close();
  });

  it('re-trips after a failed half-open probe, and closes after a good one', async () => {
    behaviours = [{ status: 500 }];
    const client = makeClient({ maxAttempts: 1, breakerHalfOpenAfterMs: 100 });
    for (let i = 0; i < 5; i += 1) await client.get('tmdb', `${origin}/x`).catch(() => {});
    expect(client.breakerState('tmdb')).toBe('open');

    await new Promise((r) => setTimeout(r, 150));
    const probeHits = hits;
    await client.get('tmdb', `${origin}/x`).catch(() => {}); // the probe fails…
    expect(hits).toBe(probeHits + 1);
    expect(client.breakerState('tmdb')).toBe('open'); // …and re-opens the breaker at once
    const error = await client.get('tmdb', `${origin}/x`).catch((e: unknown) => e);
    expect((error as UpstreamError).failure).toBe('circuit_open');

    await new Promise((r) => setTimeout(r, 150));
    behaviours = [{ status: 200 }];
    expect((await client.get('tmdb', `${origin}/x`)).status).toBe(200);
    expect(client.breakerState('tmdb')).toBe('closed');
    await client.close();
  });

  it('lets the caller abort', async () => {
    behaviours = [{ hang: true }];
    const client = makeClient({ responseTimeoutMs: 60_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await client
      .get('tmdb', `${origin}/slow`, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as UpstreamError).failure).toBe('aborted');
    expect(hits).toBe(1); // not retried
    expect(client.breakerState('tmdb')).toBe('closed');
    await client.close();
  });
});
