/**
 * Hosted coordinator: state shared by every replica through one Redis. `ioredis` is imported when this
 * adapter opens, so the default install never loads it.
 *
 * Redis primitives: backoff = a key whose PX only ever grows (Lua: PTTL, then SET PX if longer);
 * claim = SET NX PX; lease = SET NX PX with a random token, refreshed and released by Lua
 * compare-and-set; rate limit = INCR + PEXPIRE in one MULTI on a key per one-second window.
 *
 * Startup is strict (an unreachable or refusing Redis fails the boot with BackendUnavailableError);
 * runtime is lenient: when Redis errors, the adapter FAILS OPEN to per-process behaviour, through a
 * bounded in-process coordinator:
 * - backoffs, claims and rate limits are kept in this process only (a request is never refused
 *   because Redis is down; single-flight and upstream backoff still hold within the process);
 * - leases are NOT granted (acquire → null, refresh/release → false): failing open there would let
 *   every replica run the same leader job at once, and a skipped prune or poll costs nothing;
 * - one warning per outage, not per call; `failOpenCount()` counts every call answered without Redis;
 * - ioredis reconnects by itself (no offline queue, short command timeout, so calls never pile up);
 *   while degraded, calls skip Redis and a PING probe at most once a second decides when it is back.
 * `ping()` does not fail open: it rejects while Redis is down, so /ready reports the outage.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Coordinator, RateLimitDecision } from '../../ports/coordinator.ts';
import {
  type AdapterLogger,
  BackendUnavailableError,
  errorText,
  redactUrl,
  scrubMessage,
} from '../errors.ts';
import { createInProcessCoordinator } from './inprocess.ts';
import { parseRedisUrl } from './redisUrl.ts';

export interface RedisCoordinatorOptions {
  /** redis://, rediss:// or unix:// URL (see redisUrl.ts). */
  url: string;
  /** Namespace of every key, so several deployments can share one Redis. */
  keyPrefix?: string;
  logger?: AdapterLogger;
  /** A command without a reply after this long fails (and the call fails open). */
  commandTimeoutMs?: number;
  /** Bound on connecting at startup. */
  connectTimeoutMs?: number;
  /** While degraded, how often a PING checks whether Redis is back. */
  probeIntervalMs?: number;
  /** Entry cap of the per-process fallback state. */
  fallbackMaxEntries?: number;
}

export interface RedisCoordinator extends Coordinator {
  /** Calls answered without Redis since open (for metrics). */
  failOpenCount(): number;
  /** True while Redis is considered down and calls fail open. */
  degraded(): boolean;
}

const WINDOW_MS = 1000;
/** PX must fit Redis's expiry arithmetic; nothing here needs more than a century. */
const MAX_TTL_MS = 100 * 365 * 86_400_000;

const EXTEND_BACKOFF = `
local left = redis.call('PTTL', KEYS[1])
if left >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 1`;
const REFRESH_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export async function openRedisCoordinator(options: RedisCoordinatorOptions): Promise<RedisCoordinator> {
  const where = `Redis at ${redactUrl(options.url)}`;
  let connection: ReturnType<typeof parseRedisUrl>;
  try {
    connection = parseRedisUrl(options.url);
  } catch (error) {
    throw new BackendUnavailableError(`REDIS_URL is not usable: ${errorText(error)}`);
  }
  const secrets = [options.url, connection.password ?? ''].filter((s) => s.length > 0);
  const scrub = (error: unknown) => scrubMessage(errorText(error), secrets);

  const { Redis } = await import('ioredis');
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const client = new Redis({
    ...connection,
    lazyConnect: true,
    // Fail a call at once while disconnected instead of queueing it until Redis returns.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    connectTimeout: connectTimeoutMs,
    // Reconnect forever, backing off to one attempt every 2 s.
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
    connectionName: 'postersplus',
  });

  // Until open succeeds, connection errors only explain why it failed.
  let lastError: unknown = null;
  const onStartupError = (error: unknown) => {
    lastError = error;
  };
  client.on('error', onStartupError);
  try {
    await withTimeout(client.connect(), connectTimeoutMs + 500);
    await client.ping();
  } catch (error) {
    client.disconnect();
    const reason = lastError ?? error;
    throw new BackendUnavailableError(`REDIS_URL: ${where} is unreachable: ${scrub(reason)}`);
  } finally {
    client.off('error', onStartupError);
  }

  return new RedisCoordinatorAdapter(client, {
    prefix: options.keyPrefix ?? 'postersplus',
    logger: options.logger,
    probeIntervalMs: options.probeIntervalMs ?? 1000,
    fallbackMaxEntries: options.fallbackMaxEntries ?? 10_000,
    scrub,
  });
}

interface AdapterSettings {
  prefix: string;
  logger: AdapterLogger | undefined;
  probeIntervalMs: number;
  fallbackMaxEntries: number;
  scrub: (error: unknown) => string;
}

class RedisCoordinatorAdapter implements RedisCoordinator {
  readonly kind = 'redis';
  #client: Redis;
  #settings: AdapterSettings;
  #local: ReturnType<typeof createInProcessCoordinator>;
  #healthy = true;
  #downSince = 0;
  #failOpen = 0;
  #lastProbe = 0;
  #probing = false;
  #closed = false;

  constructor(client: Redis, settings: AdapterSettings) {
    this.#client = client;
    this.#settings = settings;
    this.#local = createInProcessCoordinator({ maxEntries: settings.fallbackMaxEntries });
    // Connection errors arrive here too (and an 'error' without a listener would crash the process).
    client.on('error', (error) => this.#markDown(error));
    // A server that shuts down cleanly closes the socket without an 'error'.
    client.on('close', () => this.#markDown(new Error('connection closed')));
    client.on('ready', () => this.#probe());
  }

  failOpenCount(): number {
    return this.#failOpen;
  }

  degraded(): boolean {
    return !this.#healthy;
  }

  #key(kind: string, scope: string, key: string): string {
    // Length-prefixed scope: ('a:b', 'c') and ('a', 'b:c') can never name the same key.
    return `${this.#settings.prefix}:${kind}:${scope.length}:${scope}:${key}`;
  }

  #markDown(error: unknown): void {
    if (this.#closed || !this.#healthy) return;
    this.#healthy = false;
    this.#downSince = Date.now();
    this.#lastProbe = Date.now();
    this.#settings.logger?.warn(
      { backend: 'redis', error: this.#settings.scrub(error) },
      'redis unavailable: coordination fails open to this process only (leases are not granted) until it answers again',
    );
  }

  #markUp(): void {
    if (this.#closed || this.#healthy) return;
    this.#healthy = true;
    this.#settings.logger?.info(
      { backend: 'redis', down_ms: Date.now() - this.#downSince, fail_open_total: this.#failOpen },
      'redis reachable again: coordination is shared again',
    );
  }

  /** One PING in flight at most; success ends the outage. */
  #probe(): void {
    if (this.#probing || this.#closed || this.#healthy) return;
    this.#probing = true;
    this.#lastProbe = Date.now();
    this.#client.ping().then(
      () => {
        this.#probing = false;
        this.#markUp();
      },
      () => {
        this.#probing = false;
      },
    );
  }

  /** Runs `viaRedis`, or `fallback` when Redis is down or fails (counted, warned once per outage). */
  async #guard<T>(viaRedis: () => Promise<T>, fallback: () => Promise<T> | T): Promise<T> {
    if (this.#closed) throw new Error('redis coordinator is closed');
    if (this.#healthy) {
      try {
        return await viaRedis();
      } catch (error) {
        this.#markDown(error);
      }
    } else if (Date.now() - this.#lastProbe >= this.#settings.probeIntervalMs) {
      this.#probe();
    }
    this.#failOpen += 1;
    return fallback();
  }

  async setBackoff(scope: string, key: string, durationMs: number): Promise<void> {
    if (!(durationMs > 0)) return;
    const px = clampTtl(durationMs);
    await this.#guard(
      async () => {
        await this.#client.eval(EXTEND_BACKOFF, 1, this.#key('backoff', scope, key), px);
      },
      () => this.#local.setBackoff(scope, key, px),
    );
  }

  async backoffRemaining(scope: string, key: string): Promise<number> {
    // A window set in this process during an outage still counts after Redis comes back.
    const local = await this.#local.backoffRemaining(scope, key);
    return this.#guard(
      async () => Math.max(local, await this.#client.pttl(this.#key('backoff', scope, key)), 0),
      () => local,
    );
  }

  async clearBackoff(scope: string, key: string): Promise<void> {
    await this.#local.clearBackoff(scope, key);
    await this.#guard(
      async () => {
        await this.#client.del(this.#key('backoff', scope, key));
      },
      () => {},
    );
  }

  async claim(scope: string, key: string, ttlMs: number): Promise<boolean> {
    assertTtl(ttlMs);
    return this.#guard(
      async () =>
        (await this.#client.set(this.#key('claim', scope, key), '1', 'PX', clampTtl(ttlMs), 'NX')) === 'OK',
      () => this.#local.claim(scope, key, ttlMs),
    );
  }

  async releaseClaim(scope: string, key: string): Promise<void> {
    await this.#local.releaseClaim(scope, key);
    await this.#guard(
      async () => {
        await this.#client.del(this.#key('claim', scope, key));
      },
      () => {},
    );
  }

  async acquireLease(name: string, ttlMs: number): Promise<string | null> {
    assertTtl(ttlMs);
    const token = randomUUID();
    return this.#guard(
      async () =>
        (await this.#client.set(this.#leaseKey(name), token, 'PX', clampTtl(ttlMs), 'NX')) === 'OK'
          ? token
          : null,
      () => null,
    );
  }

  async refreshLease(name: string, token: string, ttlMs: number): Promise<boolean> {
    assertTtl(ttlMs);
    return this.#guard(
      async () =>
        Number(await this.#client.eval(REFRESH_LEASE, 1, this.#leaseKey(name), token, clampTtl(ttlMs))) === 1,
      () => false,
    );
  }

  async releaseLease(name: string, token: string): Promise<boolean> {
    return this.#guard(
      async () => Number(await this.#client.eval(RELEASE_LEASE, 1, this.#leaseKey(name), token)) === 1,
      () => false,
    );
  }

  #leaseKey(name: string): string {
    return `${this.#settings.prefix}:lease:${name}`;
  }

  async hitRateLimit(bucket: string, limitPerSecond: number): Promise<RateLimitDecision> {
    return this.#guard(
      async () => {
        const at = Date.now();
        const window = Math.floor(at / WINDOW_MS);
        // The window number comes first, so no bucket text can reach into another window's key.
        const key = `${this.#settings.prefix}:rate:${window}:${bucket}`;
        const replies = await this.#client
          .multi()
          .incr(key)
          .pexpire(key, 2 * WINDOW_MS)
          .exec();
        const [incr] = replies ?? [];
        if (!incr || incr[0]) throw incr?.[0] ?? new Error('rate-limit transaction aborted');
        if (Number(incr[1]) <= limitPerSecond) return { allowed: true, retryAfterSeconds: 0 };
        const windowEnd = (window + 1) * WINDOW_MS;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - at) / 1000)) };
      },
      () => this.#local.hitRateLimit(bucket, limitPerSecond),
    );
  }

  async ping(): Promise<void> {
    if (this.#closed) throw new Error('redis coordinator is closed');
    try {
      await this.#client.ping();
    } catch (error) {
      this.#markDown(error);
      throw new Error(`redis ping failed: ${this.#settings.scrub(error)}`);
    }
    this.#markUp();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#local.close();
    try {
      await this.#client.quit();
    } catch {
      // Down or mid-reconnect: nothing to say goodbye to, just stop reconnecting.
    }
    this.#client.disconnect();
  }
}

function assertTtl(ttlMs: number): void {
  // Zero would be rejected by Redis, and "forever" is a claim or lease that is never given back.
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError('ttlMs must be a positive finite number');
}

function clampTtl(ms: number): number {
  return Math.min(MAX_TTL_MS, Math.max(1, Math.ceil(ms)));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
