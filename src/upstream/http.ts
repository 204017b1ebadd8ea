/**
 * The one HTTP module every upstream client uses: host allowlist, connect/response timeouts, response
 * size caps enforced while streaming, retries with jittered backoff, one circuit breaker per service, and
 * a hook reporting every attempt's outcome (for metrics).
 */
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';
import { Agent, request } from 'undici';
import { retryDelayMs } from './backoff.ts';
import { UpstreamError } from './errors.ts';

export type UpstreamService = 'tmdb' | 'tmdb_images' | 'mdblist' | 'quality' | 'arctic_shift' | 'metahub';
export type AttemptOutcome = '2xx' | '3xx' | '4xx' | '5xx' | 'timeout' | 'error' | 'circuit_open';
export type BodyKind = 'json' | 'image';

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface UpstreamHttpOptions {
  /** Origins (scheme://host:port) requests may go to; anything else is refused without a connection. */
  allowedOrigins: string[];
  onAttempt?: (service: UpstreamService, outcome: AttemptOutcome) => void;
  /** A breaker opened, half-opened or closed: an outage's start and end, once each (for logs). */
  onBreakerChange?: (service: UpstreamService, state: 'closed' | 'open' | 'half_open') => void;
  connectTimeoutMs?: number;
  responseTimeoutMs?: number;
  maxBytes?: Partial<Record<BodyKind, number>>;
  /** Total attempts per call, first included. */
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  breakerThreshold?: number;
  breakerHalfOpenAfterMs?: number;
  userAgent?: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  kind?: BodyKind;
  signal?: AbortSignal;
}

export interface UpstreamHttp {
  /** Resolves with any HTTP response below 500 (4xx included: callers decide); rejects with UpstreamError. */
  get(service: UpstreamService, url: string, options?: RequestOptions): Promise<UpstreamResponse>;
  breakerState(service: UpstreamService): 'closed' | 'open' | 'half_open';
  close(): Promise<void>;
}

const DEFAULT_MAX_BYTES: Record<BodyKind, number> = { json: 5 * 1024 * 1024, image: 25 * 1024 * 1024 };

function outcomeOf(status: number): AttemptOutcome {
  if (status >= 500) return '5xx';
  if (status >= 400) return '4xx';
  if (status >= 300) return '3xx';
  return '2xx';
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

const isTimeout = (error: unknown) =>
  error instanceof Error &&
  (error.name === 'TimeoutError' ||
    ['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'].includes(
      (error as { code?: string }).code ?? '',
    ));

export function createUpstreamHttp(options: UpstreamHttpOptions): UpstreamHttp {
  const allowed = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  const responseTimeoutMs = options.responseTimeoutMs ?? 12_000;
  const maxBytes = { ...DEFAULT_MAX_BYTES, ...options.maxBytes };
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 5_000 },
    headersTimeout: responseTimeoutMs,
    bodyTimeout: responseTimeoutMs,
    keepAliveTimeout: 30_000,
    connections: 64,
  });
  const userAgent = options.userAgent ?? 'PostersPlus/0.1 (+https://github.com/postersplus)';
  const report = options.onAttempt ?? (() => {});

  const retryable = handleWhen((error) => error instanceof UpstreamError && error.retryable);
  const retryPolicy = retry(retryable, {
    maxAttempts: (options.maxAttempts ?? 3) - 1,
    backoff: new DelegateBackoff((context) =>
      retryDelayMs(context.attempt, Math.random, options.retryBaseDelayMs),
    ),
  });
  const breakers = new Map<UpstreamService, CircuitBreakerPolicy>();
  const breakerFor = (service: UpstreamService) => {
    let breaker = breakers.get(service);
    if (!breaker) {
      // Only failures a retry could fix count: 4xx, size caps and refused hosts say nothing about health.
      breaker = circuitBreaker(retryable, {
        halfOpenAfter: options.breakerHalfOpenAfterMs ?? 30_000,
        breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
      });
      breaker.onStateChange((state) => {
        const name =
          state === CircuitState.Closed ? 'closed' : state === CircuitState.HalfOpen ? 'half_open' : 'open';
        options.onBreakerChange?.(service, name);
      });
      breakers.set(service, breaker);
    }
    return breaker;
  };

  async function attempt(
    service: UpstreamService,
    url: URL,
    requestOptions: RequestOptions,
    callerSignal: AbortSignal | undefined,
  ): Promise<UpstreamResponse> {
    const kind = requestOptions.kind ?? 'json';
    // The caller giving up is not the upstream's fault: not retried, not counted by the breaker.
    const failureOf = (error: unknown) => {
      if (callerSignal?.aborted && !isTimeout(error))
        return new UpstreamError(service, 'aborted', url.pathname);
      report(service, isTimeout(error) ? 'timeout' : 'error');
      return new UpstreamError(service, isTimeout(error) ? 'timeout' : 'connection', url.pathname);
    };
    const signals = [AbortSignal.timeout(responseTimeoutMs), ...(callerSignal ? [callerSignal] : [])];
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        method: 'GET',
        dispatcher: agent,
        headers: {
          'user-agent': userAgent,
          accept: kind === 'json' ? 'application/json' : 'image/*',
          ...requestOptions.headers,
        },
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      throw failureOf(error);
    }

    const declared = Number(response.headers['content-length']);
    const limit = maxBytes[kind];
    const chunks: Buffer[] = [];
    let received = 0;
    try {
      if (Number.isFinite(declared) && declared > limit)
        throw new UpstreamError(service, 'too_large', url.pathname);
      for await (const chunk of response.body) {
        received += (chunk as Buffer).length;
        if (received > limit) throw new UpstreamError(service, 'too_large', url.pathname);
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      response.body.destroy();
      if (error instanceof UpstreamError) {
        report(service, 'error');
        throw error;
      }
      throw failureOf(error);
    }

    report(service, outcomeOf(response.statusCode));
    if (response.statusCode >= 500)
      throw new UpstreamError(service, 'status', url.pathname, response.statusCode);
    return {
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body: Buffer.concat(chunks),
    };
  }

  return {
    async get(service, rawUrl, requestOptions = {}) {
      let url: URL;
      try {
        url = new URL(rawUrl);
      } catch {
        throw new UpstreamError(service, 'refused_host', '(invalid url)');
      }
      if (!allowed.has(url.origin)) throw new UpstreamError(service, 'refused_host', url.pathname);
      // Retry wraps the breaker: every attempt counts toward the breaker, and an open breaker ends the
      // retries at once (BrokenCircuitError is not retryable).
      const policy = wrap(retryPolicy, breakerFor(service));
      try {
        return await policy.execute(({ signal }) =>
          attempt(
            service,
            url,
            requestOptions,
            requestOptions.signal ? AbortSignal.any([signal, requestOptions.signal]) : signal,
          ),
        );
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          report(service, 'circuit_open');
          throw new UpstreamError(service, 'circuit_open', url.pathname);
        }
        throw error;
      }
    },
    breakerState(service) {
      const state = breakers.get(service)?.state ?? CircuitState.Closed;
      if (state === CircuitState.Closed) return 'closed';
      return state === CircuitState.HalfOpen ? 'half_open' : 'open';
    },
    close: () => agent.close(),
  };
}
