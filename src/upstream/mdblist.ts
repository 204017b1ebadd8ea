/**
 * MDBList client: ratings, keywords, age rating and release dates for one title.
 *
 * - Keys: the server's first key, then the second while the first cools down after a 429 (one rescue per
 *   request). Cooldowns live in the Coordinator (scope `mdblist-key`, key = hash of the api key) so every
 *   replica honours a 429 that one of them saw.
 * - A per-title failure ladder (network errors, 5xx) lives in the Coordinator too (scope `mdblist-title`).
 * - At most `concurrency` requests in flight per process (cockatiel bulkhead), extra callers queue.
 * - A caller's own key (`mdblist_key`) is used alone: no rotation, no shared cooldown bookkeeping.
 */
import { createHash } from 'node:crypto';
import { bulkhead } from 'cockatiel';
import { LRUCache } from 'lru-cache';
import type { MediaType } from '../domain/facts.ts';
import type { Coordinator } from '../ports/coordinator.ts';
import { UpstreamError } from './errors.ts';
import type { UpstreamHttp } from './http.ts';
import { cooldownAfter429, type QuotaSnapshot, quotaFromHeaders, titleBackoffMs } from './mdblistPolicy.ts';

export type MdblistResult =
  | { outcome: 'ok'; body: unknown }
  | { outcome: 'not_found' }
  /** No key configured or given: ratings are simply unavailable. */
  | { outcome: 'disabled' }
  /** Every key is cooling down, or this title is in its failure backoff: nothing was sent. */
  | { outcome: 'backoff'; retryAfterMs: number };

export interface MdblistClientOptions {
  http: UpstreamHttp;
  coordinator: Coordinator;
  apiBase: string;
  apiKeys: string[];
  concurrency: number;
  now?: () => number;
}

export interface TitleRef {
  mediaType: MediaType;
  imdbId?: string | null;
  tmdbId?: string | null;
}

const keyId = (apiKey: string) => createHash('sha256').update(apiKey).digest('hex').slice(0, 16);

export function createMdblistClient(options: MdblistClientOptions) {
  const now = options.now ?? Date.now;
  const { coordinator, http } = options;
  // 0 = no cap (the Python service's meaning of MDBLIST_CONCURRENCY=0).
  const limiter = bulkhead(
    options.concurrency === 0 ? Number.MAX_SAFE_INTEGER : Math.max(1, options.concurrency),
    Number.MAX_SAFE_INTEGER,
  );
  const quotas = new Map<string, QuotaSnapshot & { keyIndex: number }>();
  // Consecutive failures per title (process-local; the resulting backoff window itself is shared).
  const failures = new LRUCache<string, number>({ max: 10_000, ttl: 2 * 60 * 60 * 1000 });

  const pathFor = (ref: TitleRef) => {
    const kind = ref.mediaType === 'movie' ? 'movie' : 'show';
    if (ref.imdbId) return `/imdb/${kind}/${ref.imdbId}`;
    if (ref.tmdbId) return `/tmdb/${kind}/${ref.tmdbId}`;
    return null;
  };

  async function send(path: string, apiKey: string, signal?: AbortSignal) {
    const url = new URL(`${options.apiBase}${path}`);
    url.searchParams.set('apikey', apiKey);
    url.searchParams.set('append_to_response', 'keyword');
    return limiter.execute(() => http.get('mdblist', url.toString(), { signal }));
  }

  async function recordFailure(titleKey: string): Promise<void> {
    const count = (failures.get(titleKey) ?? 0) + 1;
    failures.set(titleKey, count);
    await coordinator.setBackoff('mdblist-title', titleKey, titleBackoffMs(count));
  }

  return {
    /** Quota snapshots per server key (index 0 = MDBLIST_API_KEY), for /stats. */
    quotas: () => [...quotas.values()],

    async fetchTitle(
      ref: TitleRef,
      call: { apiKey?: string; signal?: AbortSignal } = {},
    ): Promise<MdblistResult> {
      const path = pathFor(ref);
      if (!path) return { outcome: 'not_found' };
      const titleKey = path;
      const titleWait = await coordinator.backoffRemaining('mdblist-title', titleKey);
      if (titleWait > 0) return { outcome: 'backoff', retryAfterMs: titleWait };

      const ownKey = call.apiKey ? [call.apiKey] : null;
      const keys = ownKey ?? options.apiKeys;
      if (keys.length === 0) return { outcome: 'disabled' };
      let shortestWait = Number.POSITIVE_INFINITY;
      for (const [index, apiKey] of keys.entries()) {
        const id = keyId(apiKey);
        const keyWait = ownKey ? 0 : await coordinator.backoffRemaining('mdblist-key', id);
        if (keyWait > 0) {
          shortestWait = Math.min(shortestWait, keyWait);
          continue;
        }
        let response: Awaited<ReturnType<typeof send>>;
        try {
          response = await send(path, apiKey, call.signal);
        } catch (error) {
          if (error instanceof UpstreamError && error.failure !== 'aborted') await recordFailure(titleKey);
          throw error;
        }
        if (!ownKey) quotas.set(id, { keyIndex: index, ...quotaFromHeaders(response.headers) });
        if (response.status === 429) {
          const cooldown = cooldownAfter429(response.headers, now());
          if (!ownKey) await coordinator.setBackoff('mdblist-key', id, cooldown);
          shortestWait = Math.min(shortestWait, cooldown);
          continue; // rescue with the next key, if any
        }
        if (response.status === 404) {
          failures.delete(titleKey);
          return { outcome: 'not_found' };
        }
        if (response.status !== 200) {
          await recordFailure(titleKey);
          throw new UpstreamError('mdblist', 'status', path, response.status);
        }
        let body: unknown;
        try {
          body = JSON.parse(response.body.toString('utf8'));
        } catch {
          await recordFailure(titleKey);
          throw new UpstreamError('mdblist', 'status', path, response.status);
        }
        failures.delete(titleKey);
        return { outcome: 'ok', body };
      }
      return { outcome: 'backoff', retryAfterMs: Number.isFinite(shortestWait) ? shortestWait : 60_000 };
    },
  };
}

export type MdblistClient = ReturnType<typeof createMdblistClient>;
