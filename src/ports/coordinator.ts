/**
 * Coordinator port: state that replicas must share. In-process by default, Redis when REDIS_URL is set.
 *
 * Every operation is cheap and bounded. The Redis adapter fails open: an error means "no backoff",
 * "claim granted", "allowed", so an outage degrades to per-process behaviour instead of failing posters.
 */

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the current window ends; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface Coordinator {
  readonly kind: string;

  /** Starts (or extends) a backoff window, e.g. after an upstream 429. */
  setBackoff(scope: string, key: string, durationMs: number): Promise<void>;
  /** Milliseconds left in the window; 0 when there is none. */
  backoffRemaining(scope: string, key: string): Promise<number>;
  clearBackoff(scope: string, key: string): Promise<void>;

  /** Single-flight claim: true for exactly one caller until released or `ttlMs` elapses. */
  claim(scope: string, key: string, ttlMs: number): Promise<boolean>;
  releaseClaim(scope: string, key: string): Promise<void>;

  /** Takes a named lease; returns its token, or null while someone else holds it. */
  acquireLease(name: string, ttlMs: number): Promise<string | null>;
  /** Extends the lease only if `token` still holds it (compare-and-set). */
  refreshLease(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Releases the lease only if `token` still holds it (compare-and-set). */
  releaseLease(name: string, token: string): Promise<boolean>;

  /** Fixed one-second window counter: at most `limitPerSecond` hits per bucket per window. */
  hitRateLimit(bucket: string, limitPerSecond: number): Promise<RateLimitDecision>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
