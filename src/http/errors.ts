/**
 * The one place a domain error (src/domain/errors.ts) becomes an HTTP status and headers. Anything that
 * is not a domain error becomes a generic 500 whose body carries only the request id (details stay in
 * the redacted log). Routes throw the domain constructors, re-exported here for them.
 */
import { DomainError, type DomainErrorKind } from '../domain/errors.ts';

export {
  badRequest,
  badUpstream,
  DomainError,
  forbidden,
  notFound,
  rateLimited,
  unavailable,
} from '../domain/errors.ts';

const STATUS: Record<DomainErrorKind, number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  bad_upstream: 502,
  unavailable: 503,
};

export interface HttpError {
  status: number;
  headers: Record<string, string>;
  body: { error: string; message: string };
}

export function httpErrorOf(error: DomainError): HttpError {
  return {
    status: STATUS[error.kind],
    headers: error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {},
    body: { error: error.code, message: error.publicMessage },
  };
}

/** An identity parse failure (src/poster/identity.ts) as a domain error: 404 for an unknown id form. */
export function identityError(failure: { status: 400 | 404; code: string; message: string }): DomainError {
  return new DomainError(failure.status === 404 ? 'not_found' : 'bad_request', failure.code, failure.message);
}
