/**
 * Refusals decided below fastify — by Node's HTTP parser (a malformed request line, headers over the
 * 16 KB limit, a request that never finished arriving), an `Expect` Node cannot meet, or a CONNECT —
 * where no request or reply object exists and the answer is written to the socket by hand. Pure: the
 * status, code and message for a refusal, and the bytes of the answer. Nothing here repeats the input
 * (a malformed line may carry a key in its query string).
 */
import { STATUS_CODES } from 'node:http';

export interface Refusal {
  status: number;
  error: string;
  message: string;
}

/** llhttp codes whose cause is the request target: say what must be percent-encoded. */
const TARGET_CODES = new Set(['HPE_INVALID_URL', 'HPE_INVALID_CONSTANT']);
const HEADER_CODES = new Set(['HPE_INVALID_HEADER_TOKEN', 'HPE_LF_EXPECTED', 'HPE_CR_EXPECTED']);
const BODY_CODES = new Set([
  'HPE_INVALID_CHUNK_SIZE',
  'HPE_INVALID_CONTENT_LENGTH',
  'HPE_UNEXPECTED_CONTENT_LENGTH',
  'HPE_INVALID_TRANSFER_ENCODING',
]);

/** The answer for an error Node's `clientError` event reports (err.code is an llhttp or Node code). */
export function parserRefusal(code: string | undefined): Refusal {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, error: 'request_timeout', message: 'the request did not arrive in time' };
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      error: 'headers_too_large',
      message: 'the request line and headers together are over 16 KB (a long URL counts)',
    };
  }
  if (code !== undefined && TARGET_CODES.has(code)) {
    return {
      status: 400,
      error: 'bad_url',
      message:
        'the request line is malformed: spaces, control bytes and non-ASCII characters in the URL must be percent-encoded',
    };
  }
  if (code !== undefined && HEADER_CODES.has(code)) {
    return { status: 400, error: 'bad_header', message: 'a request header is malformed' };
  }
  if (code !== undefined && BODY_CODES.has(code)) {
    return { status: 400, error: 'bad_body', message: 'the request body framing is malformed' };
  }
  if (code === 'HPE_INVALID_METHOD') {
    return { status: 400, error: 'bad_method', message: 'the request method is malformed' };
  }
  if (code === 'HPE_INVALID_VERSION' || code === 'HPE_PAUSED_H2_UPGRADE') {
    return {
      status: 400,
      error: 'bad_http_version',
      message: 'only HTTP/1.0 and HTTP/1.1 are served (cleartext HTTP/2 is not)',
    };
  }
  return { status: 400, error: 'malformed_request', message: 'the request is not valid HTTP/1.1' };
}

export const EXPECTATION_FAILED: Refusal = {
  status: 417,
  error: 'expectation_failed',
  message: 'only "Expect: 100-continue" is supported',
};

export const CONNECT_REFUSED: Refusal = {
  status: 405,
  error: 'method_not_allowed',
  message: 'CONNECT is not supported: this is not a proxy',
};

/** The JSON body every error carries, here and in the fastify error handler. */
export function errorBody(refusal: Refusal, requestId: string): string {
  return JSON.stringify({ error: refusal.error, message: refusal.message, request_id: requestId });
}

/** A complete HTTP/1.1 response closing the connection (the parser cannot be trusted after a refusal). */
export function rawResponse(refusal: Refusal, requestId: string): string {
  const body = errorBody(refusal, requestId);
  return [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Error'}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${requestId}`,
    'cache-control: no-store',
    `date: ${new Date().toUTCString()}`,
    'connection: close',
    '',
    body,
  ].join('\r\n');
}
