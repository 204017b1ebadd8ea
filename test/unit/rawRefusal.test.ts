import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drainStep } from '../../src/http/plugins/drain.ts';
import { createRawRefusals } from '../../src/http/plugins/rawRefusals.ts';
import { parserRefusal, rawResponse } from '../../src/http/rawRefusal.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { rawRequest } from '../helpers/rawHttp.ts';

describe('parser refusals', () => {
  it.each([
    ['HPE_INVALID_URL', 400, 'bad_url'],
    ['HPE_INVALID_CONSTANT', 400, 'bad_url'],
    ['HPE_HEADER_OVERFLOW', 431, 'headers_too_large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request_timeout'],
    ['HPE_INVALID_HEADER_TOKEN', 400, 'bad_header'],
    ['HPE_INVALID_CHUNK_SIZE', 400, 'bad_body'],
    ['HPE_INVALID_METHOD', 400, 'bad_method'],
    ['HPE_INVALID_VERSION', 400, 'bad_http_version'],
    ['HPE_SOMETHING_NEW', 400, 'malformed_request'],
    [undefined, 400, 'malformed_request'],
  ])('%s → %i %s', (code, status, error) => {
    expect(parserRefusal(code)).toMatchObject({ status, error });
  });

  it('writes a complete HTTP/1.1 answer whose length matches its body', () => {
    const text = rawResponse(parserRefusal('HPE_INVALID_URL'), 'abc-1');
    const [head = '', body = ''] = text.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(head).toContain('x-request-id: abc-1');
    expect(head).toContain('connection: close');
    expect(head).toContain(`content-length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toEqual({
      error: 'bad_url',
      message: expect.any(String),
      request_id: 'abc-1',
    });
  });

  it('a request that never finishes arriving gets a 408 in our shape', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      format: 'json',
      level: 'debug',
      secrets: [],
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const refusals = createRawRefusals({ logger, metrics: createMetrics(), logRequests: true });
    // Node's own timers, shortened: a slow client is refused by the same clientError path as in production.
    const server = createServer({
      headersTimeout: 200,
      requestTimeout: 200,
      connectionsCheckingInterval: 50,
    });
    server.on('clientError', refusals.onClientError);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await rawRequest(
        `http://127.0.0.1:${port}`,
        'GET /live HTTP/1.1\r\nHost: a\r\nX-Slow: ',
      );
      expect(answer.status).toBe(408);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expect(body).toEqual({
        error: 'request_timeout',
        message: expect.any(String),
        request_id: expect.any(String),
      });
      expect(answer.headers['x-request-id']).toBe(body.request_id);
      expect(answer.closed).toBe(true);
      expect(lines.join('')).toContain('"refused":"request_timeout"');
    } finally {
      server.close();
    }
  });
});

describe('drain steps', () => {
  it('leaves a busy connection to its answer', () => {
    expect(drainStep({ busy: 1, quietSince: 0 }, 10_000, 1000)).toBe('busy');
  });
  it('closes a connection quiet for the whole grace at once', () => {
    expect(drainStep({ busy: 0, quietSince: 0 }, 1000, 1000)).toBe('close');
  });
  it('gives a connection answered a moment ago the rest of the grace', () => {
    expect(drainStep({ busy: 0, quietSince: 900 }, 1000, 1000)).toEqual({ recheckInMs: 900 });
  });
});
