/**
 * How long a rendered poster lives and what caches downstream are told. Pure.
 */
import { createHash } from 'node:crypto';

const DAY_MS = 24 * 60 * 60 * 1000;

export const NO_STORE = 'no-store, no-cache, must-revalidate';

/** CDN_CACHE_TTL: 'auto' = the composite's remaining life; N > 0 = at most N seconds; 0 = no header. */
export type CdnCacheTtl = 'auto' | number;

export function parseCdnCacheTtl(raw: string): CdnCacheTtl | null {
  const value = raw.trim().toLowerCase();
  if (value === 'auto') return 'auto';
  if (/^\d{1,9}$/.test(value)) return Number(value);
  return null;
}

/** Cache-Control for a stored composite that expires at `expiresAt`; null = send no header. */
export function cacheControlFor(expiresAt: number, now: number, policy: CdnCacheTtl): string | null {
  if (policy === 0) return null;
  const remaining = Math.max(0, Math.floor((expiresAt - now) / 1000));
  const maxAge = policy === 'auto' ? remaining : Math.min(policy, remaining);
  return maxAge > 0 ? `public, max-age=${maxAge}` : 'public, max-age=0, must-revalidate';
}

/** A value in [0, 1) fixed by the key, so every replica jitters one key the same way. */
export function keyFraction(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

export interface LifetimeInput {
  key: string;
  baseTtlMs: number;
  /** Total width of the jitter window; the TTL moves by up to half of it either way. */
  jitterMs: number;
  /** Sash slot shown on the poster, if any. */
  sashSlot: string | null;
  releaseStatus: string | null;
}

/** Slots and statuses whose truth changes daily: their posters must not outlive the next refresh. */
const DAILY_SLOTS = new Set([
  'trending',
  'trending_broad',
  'new_release',
  'just_added',
  'premiere',
  'new_season',
  'season_finale',
]);
const DAILY_STATUSES = new Set(['cinema', 'production', 'airing', 'upcoming']);

export function compositeLifetimeMs(input: LifetimeInput): number {
  const jittered = input.baseTtlMs + Math.round((keyFraction(input.key) - 0.5) * input.jitterMs);
  const dailyTruth =
    (input.sashSlot !== null && DAILY_SLOTS.has(input.sashSlot)) ||
    (input.releaseStatus !== null && DAILY_STATUSES.has(input.releaseStatus));
  // Short-lived posters still get a little per-key spread so they do not all re-render at once.
  const cap = dailyTruth
    ? DAY_MS + Math.round(keyFraction(`${input.key}#d`) * 2 * 60 * 60 * 1000)
    : Number.POSITIVE_INFINITY;
  return Math.max(60_000, Math.min(jittered, cap));
}

/** Strong ETag from the bytes: what Nuvio revalidates with (If-None-Match). */
export function etagFor(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match matches (a list, weak forms and `*` included). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * How long a CDN may keep a provisional `/p` poster (rendered from cached facts only, so often without
 * ratings): five minutes, as the Python service did — soon enough that warmed facts show up, rare enough
 * that the CDN does not come back on every request of a busy public tile.
 */
export const PRESET_PROVISIONAL_MAX_AGE = 300;

/**
 * Cache-Control for a provisional poster: never stored by the browser, except on the public tier,
 * which tells CDNs to come back soon rather than never (its moat is the CDN).
 */
export function provisionalCacheControl(
  tier: 'operator' | 'preset',
  compositeCacheDisabled: boolean,
): string {
  return tier === 'preset' && !compositeCacheDisabled
    ? `public, max-age=${PRESET_PROVISIONAL_MAX_AGE}`
    : NO_STORE;
}
