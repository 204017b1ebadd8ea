/**
 * One error format at every edge (issue 15 §2): whatever refuses a request — Node's HTTP parser,
 * fastify's router, a route — the answer is JSON `{error, message, request_id}` with the same id in
 * `x-request-id`, and nothing of the request (a key in the query) is repeated. Raw sockets: a client
 * library would refuse to send most of these.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';
import { type RawAnswer, rawRequest } from '../helpers/rawHttp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

const SECRET = 'errShapeTMDBkey5b0c2e7d1a';
const line = (target: string, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: posters.test\r\n${extra}Connection: close\r\n\r\n`;

function expectOurError(answer: RawAnswer, status: number, code: string | null) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'request_id']);
  if (code !== null) expect(body.error).toBe(code);
  else expect(body.error).toMatch(/^[a-z_]+$/);
  expect(typeof body.message).toBe('string');
  expect(body.request_id).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
  expect(answer.headers['x-request-id']).toBe(body.request_id);
  expect(answer.raw).not.toContain(SECRET);
  expect(answer.raw).not.toContain('statusCode');
}

describe('every error has the documented shape and id', () => {
  let app: App;
  beforeAll(async () => {
    app = await startInProcessApp({ PRESET_ENABLED: 'true', JOBS_ENABLED: 'false', LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await app?.close();
  });

  // Malformed request lines: Node's parser refuses them before any route runs.
  const malformed: [string, string | Buffer, number, string][] = [
    ['a NUL in the path', line(`/poster\x00?tmdb_key=${SECRET}`), 400, 'bad_url'],
    ['a control byte in the path', line(`/poster\x01x?tmdb_key=${SECRET}`), 400, 'bad_url'],
    ['DEL in the path', line('/poster\x7f'), 400, 'bad_url'],
    ['a tab in the path', line('/po\tster'), 400, 'bad_url'],
    ['a space in the path', line(`/p/clean notch/movie/tt0111161.jpg?tmdb_key=${SECRET}`), 400, 'bad_url'],
    [
      'raw UTF-8 in the path',
      Buffer.concat([
        Buffer.from('GET /p/'),
        Buffer.from('é', 'utf8'),
        Buffer.from('/movie/tt0111161.jpg HTTP/1.1\r\nHost: posters.test\r\n\r\n'),
      ]),
      400,
      'bad_url',
    ],
    ['an unknown HTTP version', 'GET /live HTTP/9.9\r\nHost: posters.test\r\n\r\n', 400, 'bad_http_version'],
    ['a cleartext HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400, 'bad_http_version'],
    ['a malformed method', 'G@T /live HTTP/1.1\r\nHost: posters.test\r\n\r\n', 400, 'bad_method'],
    [
      'TLS sent to the plain port',
      Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc]),
      400,
      'bad_method',
    ],
    [
      'a malformed header name',
      'GET /live HTTP/1.1\r\nHost: posters.test\r\nBad Name: x\r\n\r\n',
      400,
      'bad_header',
    ],
    [
      'a NUL in a header value',
      'GET /live HTTP/1.1\r\nHost: posters.test\r\nX-A: a\x00b\r\n\r\n',
      400,
      'bad_header',
    ],
    [
      'broken chunked framing',
      'GET /live HTTP/1.1\r\nHost: posters.test\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      400,
      'bad_body',
    ],
    [
      'Content-Length with Transfer-Encoding',
      'GET /live HTTP/1.1\r\nHost: posters.test\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'bad_body',
    ],
    [
      'a URL over 16 KB',
      line(`/poster?tmdb_key=${SECRET}&x=${'a'.repeat(17_000)}`),
      431,
      'headers_too_large',
    ],
    ['headers over 16 KB', line('/live', `X-Big: ${'b'.repeat(17_000)}\r\n`), 431, 'headers_too_large'],
  ];
  for (const [name, bytes, status, code] of malformed) {
    it(`${name} → ${status} ${code}, connection closed`, async () => {
      const answer = await rawRequest(app.url, bytes);
      expectOurError(answer, status, code);
      expect(answer.headers.connection).toBe('close');
      expect(answer.closed).toBe(true);
    });
  }

  it('parser refusals are counted and logged without the request line', async () => {
    await rawRequest(app.url, line(`/poster\x00?tmdb_key=${SECRET}`));
    const metrics = await app.deps.metrics.registry.getSingleMetricAsString(
      'postersplus_http_requests_total',
    );
    expect(metrics).toMatch(/route="unmatched",status="400"} [1-9]/);
    const refused = app.logs.filter((entry) => entry.includes('"refused":"bad_url"'));
    expect(refused.length).toBeGreaterThan(0);
    expect(app.logs.join('\n')).not.toContain(SECRET);
  });

  // Refusals Node makes itself after parsing, and fastify's own.
  it('a Host-less HTTP/1.1 request → 400 missing_host', async () => {
    expectOurError(await rawRequest(app.url, 'GET /live HTTP/1.1\r\n\r\n'), 400, 'missing_host');
  });

  it('an HTTP/1.0 request without Host is still served', async () => {
    const answer = await rawRequest(app.url, 'GET /live HTTP/1.0\r\n\r\n');
    expect(answer.status).toBe(200);
  });

  it('an Expect other than 100-continue → 417 expectation_failed', async () => {
    expectOurError(await rawRequest(app.url, line('/live', 'Expect: teapot\r\n')), 417, 'expectation_failed');
  });

  it('CONNECT → 405 method_not_allowed', async () => {
    const answer = await rawRequest(
      app.url,
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
    );
    expectOurError(answer, 405, 'method_not_allowed');
  });

  it('an unknown path → 404 not_found', async () => {
    expectOurError(await rawRequest(app.url, line('/nope')), 404, 'not_found');
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    it(`${method} on a GET route → 405 with Allow`, async () => {
      const answer = await rawRequest(
        app.url,
        `${method} /poster HTTP/1.1\r\nHost: posters.test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      expectOurError(answer, 405, 'method_not_allowed');
      expect(answer.headers.allow).toBe('GET, HEAD');
    });
  }

  it('a wrong method on a parameterised route → 405 too', async () => {
    const answer = await rawRequest(
      app.url,
      'DELETE /p/clean_notch/movie/tt0111161.jpg HTTP/1.1\r\nHost: posters.test\r\nConnection: close\r\n\r\n',
    );
    expectOurError(answer, 405, 'method_not_allowed');
  });

  it('a body over 64 KB → 413', async () => {
    const body = 'a'.repeat(70_000);
    const answer = await rawRequest(
      app.url,
      `POST /poster HTTP/1.1\r\nHost: posters.test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expectOurError(answer, 413, null);
  });

  it('bad percent-encoding in the path → 400 bad_url', async () => {
    expectOurError(await rawRequest(app.url, line('/p/%ZZ/movie/tt0111161.jpg')), 400, 'bad_url');
  });

  it('an empty preset segment is named as such', async () => {
    const answer = await rawRequest(app.url, line('/p//movie/tt0111161.jpg'));
    expectOurError(answer, 400, 'missing_preset');
    expect(JSON.parse(answer.body).message).toMatch(/preset segment is empty/);
  });

  it('a caller-supplied X-Request-Id is kept', async () => {
    const answer = await rawRequest(app.url, line('/nope', 'X-Request-Id: trace-42\r\n'));
    expectOurError(answer, 404, 'not_found');
    expect(answer.headers['x-request-id']).toBe('trace-42');
  });
});
