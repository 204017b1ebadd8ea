/**
 * Typed errors with a public message. The error handler maps them to responses; anything else becomes
 * a generic 500 whose body carries only the request id (details stay in the redacted log).
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly publicMessage: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, publicMessage: string, headers: Record<string, string> = {}) {
    super(publicMessage);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.publicMessage = publicMessage;
    this.headers = headers;
  }
}

export const badRequest = (code: string, message: string) => new AppError(400, code, message);
export const forbidden = (message = 'access denied') => new AppError(403, 'forbidden', message);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const unavailable = (code: string, message: string, retryAfterSeconds?: number) =>
  new AppError(503, code, message, retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {});
