/** Why an upstream call failed. `status` is for HTTP status failures (5xx after retries). */
export type UpstreamFailure =
  | 'timeout'
  | 'connection'
  | 'status'
  | 'too_large'
  | 'circuit_open'
  | 'refused_host'
  | 'aborted';

/**
 * An upstream call that produced no usable response. The message names the service and the URL path only:
 * query strings (where api keys travel) and headers never enter it.
 */
export class UpstreamError extends Error {
  readonly service: string;
  readonly failure: UpstreamFailure;
  readonly status: number | undefined;

  constructor(service: string, failure: UpstreamFailure, path: string, status?: number) {
    super(`${service} ${failure}${status ? ` ${status}` : ''} at ${path}`);
    this.name = 'UpstreamError';
    this.service = service;
    this.failure = failure;
    this.status = status;
  }

  /** Worth another attempt: the next try may well succeed. */
  get retryable(): boolean {
    return this.failure === 'timeout' || this.failure === 'connection' || this.failure === 'status';
  }
}
