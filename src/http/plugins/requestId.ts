import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A new id, for requests that bring none (and for refusals made before any header could be read). */
export const freshRequestId = (): string => randomUUID();

/** Reuses a caller's X-Request-Id when it is short and plain (so ids follow a request across proxies). */
export function requestIdFrom(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : freshRequestId();
}
