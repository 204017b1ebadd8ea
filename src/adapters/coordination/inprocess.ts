/**
 * Default coordinator: state in this process only, which is all a single replica needs.
 *
 * Keys come from request data (tenants, titles), so every kind of state sits in its own LRU with a
 * hard entry cap: a flood of distinct rate-limit buckets evicts old buckets, never the leases or
 * backoffs held by the rest of the app. Expiry is checked against the stored deadline on every
 * read, so an expired entry behaves as absent whether or not the LRU has dropped it yet.
 */
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Coordinator, RateLimitDecision } from '../../ports/coordinator.ts';

export interface InProcessCoordinatorOptions {
  /** Cap on entries of each kind of state (backoffs, claims, leases, rate-limit buckets). */
  maxEntries?: number;
  /** Epoch-millisecond clock; injectable so tests can move time. */
  now?: () => number;
}

export interface InProcessCoordinatorStats {
  backoffs: number;
  claims: number;
  leases: number;
  rateLimitBuckets: number;
}

export interface InProcessCoordinator extends Coordinator {
  /** Entries currently held per kind (expired ones not yet evicted included): proves the bound. */
  stats(): InProcessCoordinatorStats;
}

interface Deadline {
  expiresAt: number;
}
interface Lease extends Deadline {
  token: string;
}
interface Window extends Deadline {
  count: number;
}

const WINDOW_MS = 1000;

export function createInProcessCoordinator(options: InProcessCoordinatorOptions = {}): InProcessCoordinator {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new RangeError('maxEntries must be a positive integer');
  const now = options.now ?? Date.now;
  const backoffs = new Store<Deadline>(maxEntries, now);
  const claims = new Store<Deadline>(maxEntries, now);
  const leases = new Store<Lease>(maxEntries, now);
  const windows = new Store<Window>(maxEntries, now);

  return {
    kind: 'inprocess',

    async setBackoff(scope, key, durationMs) {
      if (!(durationMs > 0)) return;
      const id = scopedKey(scope, key);
      const expiresAt = now() + Math.min(durationMs, Number.MAX_SAFE_INTEGER / 2);
      // Extends, never shortens: a later, shorter Retry-After must not cut an upstream's window.
      const current = backoffs.get(id);
      if (current && current.expiresAt >= expiresAt) return;
      backoffs.set(id, { expiresAt });
    },

    async backoffRemaining(scope, key) {
      const current = backoffs.get(scopedKey(scope, key));
      return current ? current.expiresAt - now() : 0;
    },

    async clearBackoff(scope, key) {
      backoffs.delete(scopedKey(scope, key));
    },

    async claim(scope, key, ttlMs) {
      assertTtl(ttlMs);
      const id = scopedKey(scope, key);
      if (claims.get(id)) return false;
      claims.set(id, { expiresAt: now() + ttlMs });
      return true;
    },

    async releaseClaim(scope, key) {
      claims.delete(scopedKey(scope, key));
    },

    async acquireLease(name, ttlMs) {
      assertTtl(ttlMs);
      if (leases.get(name)) return null;
      const token = randomUUID();
      leases.set(name, { token, expiresAt: now() + ttlMs });
      return token;
    },

    async refreshLease(name, token, ttlMs) {
      assertTtl(ttlMs);
      const current = leases.get(name);
      if (!current || current.token !== token) return false;
      leases.set(name, { token, expiresAt: now() + ttlMs });
      return true;
    },

    async releaseLease(name, token) {
      const current = leases.get(name);
      if (!current || current.token !== token) return false;
      leases.delete(name);
      return true;
    },

    async hitRateLimit(bucket, limitPerSecond): Promise<RateLimitDecision> {
      const at = now();
      const windowEnd = (Math.floor(at / WINDOW_MS) + 1) * WINDOW_MS;
      // A window's entry expires when its second ends, so a missing entry means a new window.
      let window = windows.get(bucket);
      if (!window) {
        window = { count: 0, expiresAt: windowEnd };
        windows.set(bucket, window);
      }
      window.count += 1;
      if (window.count <= limitPerSecond) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - at) / 1000)) };
    },

    async ping() {},

    async close() {
      for (const store of [backoffs, claims, leases, windows]) store.clear();
    },

    stats() {
      return {
        backoffs: backoffs.size,
        claims: claims.size,
        leases: leases.size,
        rateLimitBuckets: windows.size,
      };
    },
  };
}

/** Bounded map of deadlines; an entry past its deadline reads as absent and is dropped. */
class Store<V extends Deadline> {
  #cache: LRUCache<string, V>;
  #now: () => number;

  constructor(max: number, now: () => number) {
    this.#now = now;
    // The LRU's own TTL runs on the same clock so it can discard expired entries on access;
    // ttlResolution 0 stops it caching the time behind a timer per lookup.
    this.#cache = new LRUCache<string, V>({ max, perf: { now }, ttlResolution: 0 });
  }

  get size(): number {
    return this.#cache.size;
  }

  get(key: string): V | undefined {
    const value = this.#cache.get(key);
    if (value === undefined) return undefined;
    if (value.expiresAt <= this.#now()) {
      this.#cache.delete(key);
      return undefined;
    }
    return value;
  }

  set(key: string, value: V): void {
    const ttl = Math.max(1, Math.ceil(value.expiresAt - this.#now()));
    this.#cache.set(key, value, { ttl });
  }

  delete(key: string): void {
    this.#cache.delete(key);
  }

  clear(): void {
    this.#cache.clear();
  }
}

/** Length-prefixed so ('a:b', 'c') and ('a', 'b:c') never share an entry. */
function scopedKey(scope: string, key: string): string {
  return `${scope.length}:${scope}:${key}`;
}

function assertTtl(ttlMs: number): void {
  // Zero would mean "no expiry" to the LRU: a claim or lease that is never given back.
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError('ttlMs must be a positive finite number');
}
