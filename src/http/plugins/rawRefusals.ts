import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import {
  CONNECT_REFUSED,
  EXPECTATION_FAILED,
  errorBody,
  parserRefusal,
  type Refusal,
  rawResponse,
} from '../rawRefusal.ts';
import { freshRequestId, requestIdFrom } from './requestId.ts';

export interface RawRefusalDeps {
  logger: Logger;
  metrics: Metrics;
  /** LOG_REQUESTS: a refusal is then logged like any answered request. */
  logRequests: boolean;
}

const ANSWERED = Symbol('postersplus.refused');

/**
 * Answers what Node refuses before fastify sees a request, in the same `{error, message, request_id}`
 * shape with an `x-request-id` header, counted and logged as an unmatched request. Without this, Node
 * and fastify answer malformed lines with their own body and no id, a missing `Expect` with an empty
 * 417, and a CONNECT with a silent close.
 */
export function createRawRefusals(deps: RawRefusalDeps) {
  const record = (refusal: Refusal, requestId: string, cause?: string) => {
    deps.metrics.httpRequests.inc({ route: 'unmatched', status: String(refusal.status) });
    const line = {
      request_id: requestId,
      route: 'unmatched',
      status: refusal.status,
      refused: refusal.error,
      cause,
    };
    if (deps.logRequests) deps.logger.info(line, 'request');
    else deps.logger.debug(line, 'request refused');
  };

  /** fastify's `clientErrorHandler`: Node's `clientError` event (parse errors, header overflow, timeouts). */
  const onClientError = (error: Error & { code?: string }, stream: Duplex): void => {
    const socket = stream as Socket & { [ANSWERED]?: boolean; _httpMessage?: ServerResponse | null };
    // A reset peer or a socket already answered (the parser reports again on later bytes): nothing to say.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket[ANSWERED] || !socket.writable || socket._httpMessage?.headersSent) {
      // Writing now would corrupt a response already on the wire.
      socket.destroy();
      return;
    }
    socket[ANSWERED] = true;
    const refusal = parserRefusal(error.code);
    const requestId = freshRequestId();
    record(refusal, requestId, error.code);
    // end() then destroy once flushed: the answer reaches the peer before the close.
    socket.end(rawResponse(refusal, requestId));
    socket.once('finish', () => socket.destroy());
  };

  /** Expectations other than 100-continue (Node would send an empty 417) and CONNECT (a silent close). */
  const attach = (server: Server): void => {
    server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
      const requestId = requestIdFrom(request);
      record(EXPECTATION_FAILED, requestId);
      const body = errorBody(EXPECTATION_FAILED, requestId);
      response.writeHead(EXPECTATION_FAILED.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'x-request-id': requestId,
        'cache-control': 'no-store',
        connection: 'close',
      });
      response.end(body);
    });
    server.on('connect', (request: IncomingMessage, socket: Duplex) => {
      const requestId = requestIdFrom(request);
      record(CONNECT_REFUSED, requestId);
      socket.end(rawResponse({ ...CONNECT_REFUSED }, requestId));
      socket.once('finish', () => socket.destroy());
    });
  };

  return { onClientError, attach };
}
