/**
 * How long the request path waits for a backend. Adapters have their own, longer limits (PostgreSQL:
 * 15 s per query; S3: 2 × 10 s), sized so background jobs can finish large work; a poster request
 * cannot afford that. A backend that is up answers the indexed single-row calls on this path in
 * milliseconds, so a call that takes 1.5 s means the backend is hung. The poster then degrades as it
 * would with the backend down (a miss, a skipped write).
 *
 * One poster makes several backend calls in a row, so waiting 1.5 s on each would still overrun
 * POSTER_DEADLINE_MS. After a call times out, the backend is therefore *latched* for 2 s: every
 * further call to it, from any request, fails at once instead of waiting. That is the Redis adapter's
 * fail-fast, applied to the storage and blob ports. Only timeouts latch. A backend that is down
 * refuses connections at once and needs no latch. The latch is keyed by the port instance, so
 * every module using the same Storage shares it.
 */
export const REQUEST_BACKEND_WAIT_MS = 1500;
export const BACKEND_LATCH_MS = 2000;

export class BackendTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendTimeoutError';
  }
}

const latchedUntil = new WeakMap<object, number>();

/** True while `backend` is skipped after a recent timeout. */
export function backendLatched(backend: object): boolean {
  return (latchedUntil.get(backend) ?? 0) > Date.now();
}

export function latchBackend(backend: object): void {
  latchedUntil.set(backend, Date.now() + BACKEND_LATCH_MS);
}

/**
 * Settles like `work`, or rejects with BackendTimeoutError after `ms`. The work itself is not cancelled
 * (ports take no signal), and whatever it settles to later is ignored.
 */
export function boundedWait<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BackendTimeoutError(`backend did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one call on `backend` within `ms`, unless it is latched; a timeout latches it. */
export async function waitForBackend<T>(
  backend: object,
  call: () => Promise<T>,
  ms: number = REQUEST_BACKEND_WAIT_MS,
): Promise<T> {
  if (backendLatched(backend)) {
    throw new BackendTimeoutError('backend skipped: a call timed out moments ago');
  }
  try {
    return await boundedWait(call(), ms);
  } catch (error) {
    if (error instanceof BackendTimeoutError) latchBackend(backend);
    throw error;
  }
}
