import { describe, expect, it } from 'vitest';
import { createInProcessCoordinator } from '../../src/adapters/coordination/inprocess.ts';
import { describeCoordinatorContract } from './coordinator.suite.ts';

describeCoordinatorContract('inprocess', {
  open: async () => createInProcessCoordinator(),
  reopenable: false,
});

// Handles onto one coordinator whose close() leaves the state alone: stands in for replicas sharing
// a server, so the suite's shared-state tests run here too, not first in Redis CI.
const shared = createInProcessCoordinator();
describeCoordinatorContract('inprocess, shared handles', {
  open: async () => ({ ...shared, close: async () => {} }),
  reopenable: true,
});

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2030, 0, 1, 0, 0, 0, 0)) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('inprocess coordinator', () => {
  it('has kind inprocess', () => {
    expect(createInProcessCoordinator().kind).toBe('inprocess');
  });

  it('stays within maxEntries under a flood of distinct rate-limit buckets', async () => {
    const coordinator = createInProcessCoordinator();
    for (let i = 0; i < 200_000; i++) await coordinator.hitRateLimit(`tenant-${i}`, 5);
    const stats = coordinator.stats();
    expect(stats.rateLimitBuckets).toBeGreaterThan(0);
    expect(stats.rateLimitBuckets).toBeLessThanOrEqual(100_000);
  });

  it('keeps leases, claims and backoffs when rate-limit buckets flood in', async () => {
    const coordinator = createInProcessCoordinator({ maxEntries: 1000 });
    const token = (await coordinator.acquireLease('cache-prune', 60_000))!;
    await coordinator.claim('render', 'k', 60_000);
    await coordinator.setBackoff('tmdb', 'k', 60_000);
    for (let i = 0; i < 5000; i++) await coordinator.hitRateLimit(`tenant-${i}`, 5);
    expect(coordinator.stats()).toEqual({ backoffs: 1, claims: 1, leases: 1, rateLimitBuckets: 1000 });
    expect(await coordinator.acquireLease('cache-prune', 60_000)).toBeNull();
    expect(await coordinator.refreshLease('cache-prune', token, 60_000)).toBe(true);
    expect(await coordinator.claim('render', 'k', 60_000)).toBe(false);
    expect(await coordinator.backoffRemaining('tmdb', 'k')).toBeGreaterThan(0);
  });

  it('bounds claims and backoffs too', async () => {
    const coordinator = createInProcessCoordinator({ maxEntries: 100 });
    for (let i = 0; i < 1000; i++) {
      await coordinator.claim('quality', `id-${i}`, 60_000);
      await coordinator.setBackoff('upstream', `key-${i}`, 60_000);
      await coordinator.acquireLease(`lease-${i}`, 60_000);
    }
    const stats = coordinator.stats();
    expect(stats.claims).toBe(100);
    expect(stats.backoffs).toBe(100);
    expect(stats.leases).toBe(100);
  });

  it('treats expired entries as absent on an injected clock', async () => {
    const clock = manualClock();
    const coordinator = createInProcessCoordinator({ now: clock.now });
    await coordinator.setBackoff('tmdb', 'k', 30_000);
    expect(await coordinator.claim('render', 'k', 10_000)).toBe(true);
    const token = (await coordinator.acquireLease('warm', 20_000))!;

    clock.advance(9_999);
    expect(await coordinator.backoffRemaining('tmdb', 'k')).toBe(20_001);
    expect(await coordinator.claim('render', 'k', 10_000)).toBe(false);
    clock.advance(1);
    expect(await coordinator.claim('render', 'k', 10_000)).toBe(true);

    clock.advance(10_000);
    expect(await coordinator.refreshLease('warm', token, 20_000)).toBe(false);
    expect(await coordinator.acquireLease('warm', 20_000)).not.toBeNull();

    clock.advance(10_000);
    expect(await coordinator.backoffRemaining('tmdb', 'k')).toBe(0);
  });

  it('counts fixed one-second windows on the injected clock', async () => {
    const clock = manualClock(Date.UTC(2030, 0, 1, 0, 0, 0, 0));
    const coordinator = createInProcessCoordinator({ now: clock.now });
    expect((await coordinator.hitRateLimit('t', 2)).allowed).toBe(true);
    clock.advance(400);
    expect((await coordinator.hitRateLimit('t', 2)).allowed).toBe(true);
    clock.advance(599);
    expect(await coordinator.hitRateLimit('t', 2)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // The window is fixed, not sliding: the next second starts a fresh count.
    clock.advance(1);
    expect(await coordinator.hitRateLimit('t', 2)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect((await coordinator.hitRateLimit('t', 2)).allowed).toBe(true);
    expect((await coordinator.hitRateLimit('t', 2)).allowed).toBe(false);
  });

  it('survives a clock that starts at zero', async () => {
    const clock = manualClock(0);
    const coordinator = createInProcessCoordinator({ now: clock.now });
    expect(await coordinator.claim('render', 'k', 100)).toBe(true);
    clock.advance(100);
    expect(await coordinator.claim('render', 'k', 100)).toBe(true);
  });

  it('forgets everything on close', async () => {
    const coordinator = createInProcessCoordinator();
    await coordinator.claim('render', 'k', 60_000);
    await coordinator.close();
    expect(coordinator.stats()).toEqual({ backoffs: 0, claims: 0, leases: 0, rateLimitBuckets: 0 });
  });

  it('rejects a maxEntries that cannot bound anything', () => {
    expect(() => createInProcessCoordinator({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => createInProcessCoordinator({ maxEntries: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
