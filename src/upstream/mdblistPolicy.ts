/** Pure MDBList pacing rules, table-tested. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * How long a key cools down after a 429: `Retry-After` (seconds or HTTP date) capped at 1 h; else, when
 * the daily quota is spent, until the reset epoch (at least 60 s, at most 24 h); else 1 h.
 */
export function cooldownAfter429(headers: Record<string, string>, now: number): number {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * SECOND : Date.parse(retryAfter) - now;
    if (Number.isFinite(ms) && ms > 0) return Math.min(ms, HOUR);
  }
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(remaining) && remaining <= 0 && Number.isFinite(reset) && reset > 0) {
    // The reset header is an epoch in seconds.
    return Math.min(24 * HOUR, Math.max(MINUTE, reset * SECOND - now));
  }
  return HOUR;
}

/** Per-title failure ladder: 30 s → 2 min → 8 min → 32 min → 1 h (cap). `failures` counts from 1. */
export function titleBackoffMs(failures: number): number {
  if (failures < 1) return 0;
  return Math.min(HOUR, 30 * SECOND * 4 ** (failures - 1));
}

export interface QuotaSnapshot {
  limit: number | null;
  remaining: number | null;
  resetAt: number | null;
}

export function quotaFromHeaders(headers: Record<string, string>): QuotaSnapshot {
  const read = (name: string) => {
    const value = Number(headers[name]);
    return headers[name] !== undefined && Number.isFinite(value) ? value : null;
  };
  const reset = read('x-ratelimit-reset');
  return {
    limit: read('x-ratelimit-limit'),
    remaining: read('x-ratelimit-remaining'),
    resetAt: reset === null ? null : reset * 1000,
  };
}
