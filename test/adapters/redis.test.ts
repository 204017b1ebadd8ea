/**
 * Redis adapter specifics beyond the Coordinator contract: key layout, startup errors, authentication,
 * unix sockets, and the outage behaviour — fail open per process, leases withheld, one warning per
 * outage, ping rejecting, recovery without recreating the adapter. Outages are real: the redis-server
 * process is killed, restarted, paused.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRedisCoordinator, type RedisCoordinator } from '../../src/adapters/coordination/redis.ts';
import { BackendUnavailableError } from '../../src/adapters/errors.ts';
import { openCoordinator } from '../../src/adapters/open.ts';
import { loadConfig } from '../../src/config/load.ts';
import { type RedisServer, redisMissing, startRedisServer } from '../helpers/redisServer.ts';
import { freePort, waitFor, withServer } from '../helpers/serverGate.ts';

const PASSWORD = 'R3dis-Secr3t-pw';

interface LogLine {
  level: 'warn' | 'info';
  details: object;
  message: string;
}

function capturingLogger() {
  const lines: LogLine[] = [];
  return {
    lines,
    warnings: () => lines.filter((l) => l.level === 'warn'),
    infos: () => lines.filter((l) => l.level === 'info'),
    logger: {
      warn: (details: object, message: string) => lines.push({ level: 'warn', details, message }),
      info: (details: object, message: string) => lines.push({ level: 'info', details, message }),
    },
  };
}

withServer('Redis adapter', redisMissing(), () => {
  let server: RedisServer;
  const opened: RedisCoordinator[] = [];
  const open = async (options: Partial<Parameters<typeof openRedisCoordinator>[0]> = {}) => {
    const coordinator = await openRedisCoordinator({ url: server.url, ...options });
    opened.push(coordinator);
    return coordinator;
  };
  const raw = () => new Redis({ port: server.port, password: PASSWORD, lazyConnect: true });

  beforeAll(async () => {
    server = await startRedisServer({ password: PASSWORD, unixSocket: true });
  });
  afterEach(async () => {
    for (const coordinator of opened.splice(0)) await coordinator.close();
  });
  afterAll(async () => {
    await server?.destroy();
  });

  describe('keys', () => {
    it('namespaces every key under the prefix, with length-prefixed scopes', async () => {
      const coordinator = await open({ keyPrefix: 'layout' });
      expect(coordinator.kind).toBe('redis');
      await coordinator.setBackoff('a:b', 'c', 60_000);
      await coordinator.claim('render', 'tt1', 60_000);
      await coordinator.acquireLease('cache-prune', 60_000);
      await coordinator.hitRateLimit('tenant', 5);
      const client = raw();
      try {
        const keys = (await client.keys('layout:*')).sort();
        expect(keys).toHaveLength(4);
        expect(keys).toEqual(
          expect.arrayContaining([
            'layout:backoff:3:a:b:c',
            'layout:claim:6:render:tt1',
            'layout:lease:cache-prune',
          ]),
        );
        expect(keys.some((key) => /^layout:rate:\d+:tenant$/.test(key))).toBe(true);
        // Everything expires on its own: nothing is left behind forever.
        for (const key of keys) expect(await client.pttl(key)).toBeGreaterThan(0);
      } finally {
        client.disconnect();
      }
    });

    it('keeps two prefixes apart on one server', async () => {
      const a = await open({ keyPrefix: 'deploy-a' });
      const b = await open({ keyPrefix: 'deploy-b' });
      expect(await a.claim('render', 'k', 60_000)).toBe(true);
      expect(await b.claim('render', 'k', 60_000)).toBe(true);
      expect(await a.acquireLease('warm', 60_000)).not.toBeNull();
      expect(await b.acquireLease('warm', 60_000)).not.toBeNull();
    });

    it('extends a backoff on the server only when the new window is longer', async () => {
      const coordinator = await open({ keyPrefix: 'extend' });
      const client = raw();
      try {
        await coordinator.setBackoff('tmdb', 'k', 60_000);
        await coordinator.setBackoff('tmdb', 'k', 1_000);
        expect(await client.pttl('extend:backoff:4:tmdb:k')).toBeGreaterThan(50_000);
        await coordinator.setBackoff('tmdb', 'k', 600_000);
        expect(await client.pttl('extend:backoff:4:tmdb:k')).toBeGreaterThan(500_000);
      } finally {
        client.disconnect();
      }
    });
  });

  describe('connecting', () => {
    it('works over a unix socket', async () => {
      const url = `unix://${server.socketPath}?password=${PASSWORD}`;
      const overSocket = await open({ url, keyPrefix: 'sock' });
      const overTcp = await open({ keyPrefix: 'sock' });
      await overSocket.ping();
      expect(await overSocket.claim('render', 'x', 60_000)).toBe(true);
      expect(await overTcp.claim('render', 'x', 60_000)).toBe(false);
    });

    it('fails fast naming REDIS_URL when nothing listens, without the password', async () => {
      const port = await freePort();
      const url = `redis://:${PASSWORD}@127.0.0.1:${port}`;
      const error = await openRedisCoordinator({ url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendUnavailableError);
      const message = (error as Error).message;
      expect(message).toMatch(
        /^REDIS_URL: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ is unreachable: .*ECONNREFUSED/,
      );
      expect(message).not.toContain(PASSWORD);
    });

    it('reports a wrong password without quoting either password', async () => {
      const wrong = 'Wr0ng-Passw0rd-value';
      const error = await openRedisCoordinator({ url: `redis://:${wrong}@127.0.0.1:${server.port}` }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackendUnavailableError);
      const message = (error as Error).message;
      expect(message).toMatch(/WRONGPASS|NOAUTH|invalid/i);
      expect(message).not.toContain(wrong);
      expect(message).not.toContain(PASSWORD);
    });

    it('reports a missing password', async () => {
      const error = await openRedisCoordinator({ url: `redis://127.0.0.1:${server.port}` }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect((error as Error).message).toMatch(/NOAUTH|auth/i);
    });

    it('rejects an unusable URL with a clear error', async () => {
      await expect(openRedisCoordinator({ url: 'unix://tmp/redis.sock' })).rejects.toThrow(
        /REDIS_URL is not usable: unix:\/\/ URLs need an absolute socket path/,
      );
    });

    it('is what openCoordinator gives when REDIS_URL is set, under REDIS_KEY_PREFIX', async () => {
      const config = loadConfig({ REDIS_URL: server.url, REDIS_KEY_PREFIX: 'from-config' });
      const coordinator = await openCoordinator(config, { logger: capturingLogger().logger });
      try {
        expect(coordinator.kind).toBe('redis');
        await coordinator.claim('render', 'x', 60_000);
        const client = raw();
        try {
          expect(await client.keys('from-config:*')).toEqual(['from-config:claim:6:render:x']);
        } finally {
          client.disconnect();
        }
      } finally {
        await coordinator.close();
      }
    });

    it('rejects calls after close', async () => {
      const coordinator = await openRedisCoordinator({ url: server.url });
      await coordinator.close();
      await expect(coordinator.claim('render', 'k', 1000)).rejects.toThrow(/closed/);
      await expect(coordinator.ping()).rejects.toThrow(/closed/);
    });
  });

  describe('outage', () => {
    // Each test leaves the server running, whatever happens inside it.
    afterEach(async () => {
      server.resume();
      await server.stop();
      await server.start();
    });

    it('fails open per process while Redis is down, warns once, and recovers by itself', async () => {
      const log = capturingLogger();
      const coordinator = await open({ keyPrefix: 'outage', logger: log.logger });
      const peer = await open({ keyPrefix: 'outage' });
      const token = (await coordinator.acquireLease('prune', 60_000))!;
      expect(token).not.toBeNull();
      expect(coordinator.degraded()).toBe(false);

      await server.stop();

      await expect(coordinator.ping()).rejects.toThrow(/redis ping failed/);
      // Many calls of every kind: none is refused because of Redis, none hangs.
      for (let i = 0; i < 30; i++) {
        expect(await coordinator.backoffRemaining('tmdb', `none-${i}`)).toBe(0);
        expect(await coordinator.claim('render', `k-${i}`, 60_000)).toBe(true);
        expect(await coordinator.hitRateLimit(`tenant-${i}`, 5)).toEqual({
          allowed: true,
          retryAfterSeconds: 0,
        });
      }
      // Per-process behaviour, not "anything goes": single-flight and backoff still hold in this process.
      expect(await coordinator.claim('render', 'k-0', 60_000)).toBe(false);
      await coordinator.setBackoff('mdblist', 'key', 60_000);
      expect(await coordinator.backoffRemaining('mdblist', 'key')).toBeGreaterThan(50_000);
      const burst = [];
      for (let i = 0; i < 3; i++) burst.push((await coordinator.hitRateLimit('busy', 2)).allowed);
      expect(burst.filter(Boolean).length).toBeLessThanOrEqual(2);
      // Leases are withheld: failing open there would let every replica lead at once.
      expect(await coordinator.acquireLease('warm', 60_000)).toBeNull();
      expect(await coordinator.refreshLease('prune', token, 60_000)).toBe(false);
      expect(await coordinator.releaseLease('prune', token)).toBe(false);
      await expect(coordinator.ping()).rejects.toThrow();

      expect(coordinator.degraded()).toBe(true);
      expect(coordinator.failOpenCount()).toBeGreaterThanOrEqual(95);
      expect(log.warnings()).toHaveLength(1);
      const warning = JSON.stringify(log.warnings()[0]);
      expect(warning).toMatch(/fails open/);
      expect(warning).not.toContain(PASSWORD);

      // Redis comes back: the same adapter reconnects and shares state again.
      await server.start();
      await waitFor('the adapter to see Redis again', async () => {
        await coordinator.claim('probe', 'p', 1000); // calls while degraded trigger the probe
        return !coordinator.degraded();
      });
      await coordinator.ping();
      expect(log.infos()).toHaveLength(1);
      expect(log.infos()[0]!.message).toMatch(/reachable again/);
      const before = coordinator.failOpenCount();
      expect(await coordinator.claim('render', 'after', 60_000)).toBe(true);
      expect(await peer.claim('render', 'after', 60_000)).toBe(false);
      expect(await coordinator.acquireLease('prune', 60_000)).not.toBeNull();
      expect(await peer.acquireLease('prune', 60_000)).toBeNull();
      await peer.setBackoff('tmdb', 'shared', 60_000);
      expect(await coordinator.backoffRemaining('tmdb', 'shared')).toBeGreaterThan(50_000);
      // The backoff learnt during the outage outlives it in this process.
      expect(await coordinator.backoffRemaining('mdblist', 'key')).toBeGreaterThan(50_000);
      expect(coordinator.failOpenCount()).toBe(before);

      // A second outage is a second warning, still only one.
      await server.stop();
      for (let i = 0; i < 10; i++) await coordinator.claim('render', `again-${i}`, 60_000);
      expect(log.warnings()).toHaveLength(2);
      expect(JSON.stringify(log.lines)).not.toContain(PASSWORD);
    });

    it('fails open when Redis hangs instead of waiting on it, and recovers when it answers', async () => {
      const log = capturingLogger();
      const coordinator = await open({ keyPrefix: 'hang', logger: log.logger, commandTimeoutMs: 300 });
      expect(await coordinator.claim('render', 'before', 60_000)).toBe(true);

      server.pause();
      // The first call waits out the command timeout; the rest skip Redis until a probe succeeds.
      expect(await coordinator.claim('render', 'during', 60_000)).toBe(true);
      for (let i = 0; i < 20; i++) {
        expect((await coordinator.hitRateLimit(`t-${i}`, 1)).allowed).toBe(true);
      }
      expect(coordinator.degraded()).toBe(true);
      await expect(coordinator.ping()).rejects.toThrow();
      expect(log.warnings()).toHaveLength(1);

      server.resume();
      await waitFor('the adapter to see Redis again', async () => {
        await coordinator.backoffRemaining('probe', 'p');
        return !coordinator.degraded();
      });
      expect(await coordinator.claim('render', 'before', 60_000)).toBe(false);
    });
  });
});
