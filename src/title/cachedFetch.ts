/**
 * Read-through cache over a Storage table with coalescing and serve-stale:
 * - a fresh row answers at once ("hit");
 * - otherwise one fetch per key runs (concurrent callers share it), its value is stored ("miss");
 * - when that fetch fails, the last stored value is served even past its TTL ("stale"), and the caller
 *   learns it so the poster is marked provisional and not stored.
 * A storage outage never fails the read: the fetch result is served without being persisted. A hung
 * storage counts as down after `storageWaitMs` and is then skipped briefly (see ports/wait.ts), so it
 * cannot hold a request past its deadline.
 */
import type { CacheTable, Storage } from '../ports/storage.ts';
import { REQUEST_BACKEND_WAIT_MS, waitForBackend } from '../ports/wait.ts';

export type LookupResult = 'hit' | 'miss' | 'stale';

export type Cached<T> =
  | { ok: true; value: T; result: LookupResult; cachedAt: number }
  | { ok: false; error: unknown };

export interface CachedFetchDeps {
  storage: Storage;
  now: () => number;
  onLookup?: (table: CacheTable, result: LookupResult | 'error') => void;
  onStorageError?: (error: unknown) => void;
  /** Longest wait for one storage call (default REQUEST_BACKEND_WAIT_MS). */
  storageWaitMs?: number;
}

export interface CachedFetchSpec<T> {
  table: CacheTable;
  key: string;
  /** Fetches a fresh value; throwing means "failed" (serve stale if possible). */
  fetch: () => Promise<T>;
  /** TTL for the fetched value (ms; null = permanent); may depend on the value (e.g. new titles). */
  ttlMs: (value: T) => number | null;
  /** Rows written under different settings (e.g. another RATING_MIN_VOTES) count as stale. */
  accept?: (value: T) => boolean;
}

export function createCachedFetcher(deps: CachedFetchDeps) {
  const inflight = new Map<string, Promise<Cached<unknown>>>();
  const waitMs = deps.storageWaitMs ?? REQUEST_BACKEND_WAIT_MS;

  async function readRow<T>(table: CacheTable, key: string) {
    try {
      return await waitForBackend(deps.storage, () => deps.storage.get<T>(table, key, deps.now()), waitMs);
    } catch (error) {
      deps.onStorageError?.(error);
      return null;
    }
  }

  /** A failed or hung write only loses the row: the value is served either way. */
  async function writeRow(table: CacheTable, key: string, value: unknown, ttlMs: number | null, at: number) {
    try {
      await waitForBackend(deps.storage, () => deps.storage.put(table, key, value, ttlMs, at), waitMs);
    } catch (error) {
      deps.onStorageError?.(error);
    }
  }

  async function load<T>(spec: CachedFetchSpec<T>): Promise<Cached<T>> {
    const row = await readRow<T>(spec.table, spec.key);
    const usable = row && (spec.accept ? spec.accept(row.value) : true) ? row : null;
    if (usable?.fresh) {
      deps.onLookup?.(spec.table, 'hit');
      return { ok: true, value: usable.value, result: 'hit', cachedAt: usable.cachedAt };
    }
    try {
      const value = await spec.fetch();
      const cachedAt = deps.now();
      await writeRow(spec.table, spec.key, value, spec.ttlMs(value), cachedAt);
      deps.onLookup?.(spec.table, 'miss');
      return { ok: true, value, result: 'miss', cachedAt };
    } catch (error) {
      if (row) {
        deps.onLookup?.(spec.table, 'stale');
        return { ok: true, value: row.value, result: 'stale', cachedAt: row.cachedAt };
      }
      deps.onLookup?.(spec.table, 'error');
      return { ok: false, error };
    }
  }

  return {
    get<T>(spec: CachedFetchSpec<T>): Promise<Cached<T>> {
      const id = `${spec.table}\u0000${spec.key}`;
      let pending = inflight.get(id) as Promise<Cached<T>> | undefined;
      if (!pending) {
        pending = load(spec).finally(() => inflight.delete(id));
        inflight.set(id, pending as Promise<Cached<unknown>>);
      }
      return pending;
    },
    /** Reads only: a stored value (fresh or stale) or null; never fetches. For the anonymous preset tier. */
    async peek<T>(table: CacheTable, key: string): Promise<{ value: T; fresh: boolean } | null> {
      const row = await readRow<T>(table, key);
      deps.onLookup?.(table, row ? (row.fresh ? 'hit' : 'stale') : 'miss');
      return row ? { value: row.value, fresh: row.fresh } : null;
    },
    /** Writes a value fetched outside `get` (background refreshes); a storage outage only loses it. */
    async store(table: CacheTable, key: string, value: unknown, ttlMs: number | null): Promise<void> {
      await writeRow(table, key, value, ttlMs, deps.now());
    },
    inflightCount: () => inflight.size,
  };
}

export type CachedFetcher = ReturnType<typeof createCachedFetcher>;
