/**
 * What can go wrong in a use case, said without HTTP: each error has a kind (what happened), a stable
 * `code` clients may branch on, and a public message that names no secret and echoes no input. The HTTP
 * layer (src/http/errors.ts) turns a kind into a status code and headers, in one place.
 */

export type DomainErrorKind =
  /** The request itself is malformed; retrying it unchanged will not help. */
  | 'bad_request'
  /** The caller may not use this. */
  | 'forbidden'
  /** The title, or the thing asked of it, does not exist. */
  | 'not_found'
  /** The caller sends too much; retry after `retryAfterSeconds`. */
  | 'rate_limited'
  /** Something we depend on is busy or down; retry after `retryAfterSeconds` when given. */
  | 'unavailable'
  /** An upstream answered, but with something unusable. */
  | 'bad_upstream';

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly publicMessage: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: DomainErrorKind, code: string, publicMessage: string, retryAfterSeconds?: number) {
    super(publicMessage);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.publicMessage = publicMessage;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** How long a client should wait before retrying a title lookup or a render that could not happen now. */
export const RETRY_AFTER_SECONDS = 5;

export const badRequest = (code: string, message: string) => new DomainError('bad_request', code, message);
export const forbidden = (message = 'access denied') => new DomainError('forbidden', 'forbidden', message);
export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError('rate_limited', 'rate_limited', 'too many requests, slow down', retryAfterSeconds);
export const unavailable = (code: string, message: string, retryAfterSeconds?: number) =>
  new DomainError('unavailable', code, message, retryAfterSeconds);
export const badUpstream = (code: string, message: string) => new DomainError('bad_upstream', code, message);
