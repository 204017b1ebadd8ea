/**
 * A failed direct TMDB call as the caller should see it: a refused caller key is the caller's mistake,
 * an overloaded, down or slow TMDB (or its breaker open here) is worth retrying soon, and anything else
 * TMDB answered is unusable. Errors that are not upstream failures are rethrown unchanged (a bug, logged
 * as one).
 */
import { badRequest, badUpstream, RETRY_AFTER_SECONDS, unavailable } from '../domain/errors.ts';
import { UpstreamError } from './errors.ts';

const TRANSIENT_FAILURES = new Set(['timeout', 'connection', 'circuit_open', 'aborted']);

export function throwTmdbFailure(error: unknown, callerKey: boolean): never {
  if (!(error instanceof UpstreamError)) throw error;
  const status = error.status ?? 0;
  if (error.failure === 'status' && (status === 401 || status === 403) && callerKey) {
    throw badRequest('tmdb_key_rejected', 'TMDB refused the tmdb_key given');
  }
  const transient =
    (error.failure === 'status' && (status === 429 || status >= 500)) ||
    TRANSIENT_FAILURES.has(error.failure);
  if (transient) {
    throw unavailable(
      'upstream_unavailable',
      'TMDB could not be reached, retry shortly',
      RETRY_AFTER_SECONDS,
    );
  }
  throw badUpstream('upstream_error', 'TMDB answered with an error or an unreadable body');
}
