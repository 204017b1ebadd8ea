/**
 * Conformance suite for the Coordinator port. Every adapter (in-process now, Redis later) runs it.
 *
 * Expiry is proven with real, short TTLs because a shared backend keeps its own clock. Waits only
 * ever make an entry "more expired", so a slow machine cannot turn a pass into a failure except
 * where noted. Every test uses names unique to its run, so a shared server needs no flushing.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Coordinator } from '../../src/ports/coordinator.ts';

export interface CoordinatorContractTarget {
  /** A new handle on the backend under test; the suite closes every handle it opens. */
  open(): Promise<Coordinator>;
  /**
   * True when separate handles share state (replicas talking to one server), so state written
   * through one handle is seen by another, also after the first is closed.
   */
  reopenable: boolean;
}

export function describeCoordinatorContract(name: string, target: CoordinatorContractTarget): void {
  describe(`Coordinator contract: ${name}`, () => {
    let coordinator: Coordinator;
    let run: string;
    const opened: Coordinator[] = [];
    const open = async () => {
      const handle = await target.open();
      opened.push(handle);
      return handle;
    };
    const k = (suffix: string) => `${run}:${suffix}`;

    beforeEach(async () => {
      run = randomUUID();
      coordinator = await open();
    });
    afterEach(async () => {
      for (const handle of opened.splice(0)) await handle.close();
    });

    it('has a kind and answers ping', async () => {
      expect(coordinator.kind).toMatch(/\S/);
      await expect(coordinator.ping()).resolves.toBeUndefined();
    });

    describe('backoff', () => {
      it('is 0 when no window was set', async () => {
        expect(await coordinator.backoffRemaining('tmdb', k('none'))).toBe(0);
      });

      it('reports the time left, then 0 once the window has passed', async () => {
        await coordinator.setBackoff('mdblist', k('short'), 100);
        const left = await coordinator.backoffRemaining('mdblist', k('short'));
        expect(left).toBeGreaterThan(0);
        expect(left).toBeLessThanOrEqual(100);
        await sleep(200);
        expect(await coordinator.backoffRemaining('mdblist', k('short'))).toBe(0);
      });

      it('is cleared by clearBackoff', async () => {
        await coordinator.setBackoff('mdblist', k('clear'), 60_000);
        expect(await coordinator.backoffRemaining('mdblist', k('clear'))).toBeGreaterThan(50_000);
        await coordinator.clearBackoff('mdblist', k('clear'));
        expect(await coordinator.backoffRemaining('mdblist', k('clear'))).toBe(0);
        await expect(coordinator.clearBackoff('mdblist', k('never-set'))).resolves.toBeUndefined();
      });

      it('extends a window but never shortens it', async () => {
        await coordinator.setBackoff('tmdb', k('ext'), 1000);
        await coordinator.setBackoff('tmdb', k('ext'), 60_000);
        expect(await coordinator.backoffRemaining('tmdb', k('ext'))).toBeGreaterThan(50_000);
        await coordinator.setBackoff('tmdb', k('ext'), 100);
        expect(await coordinator.backoffRemaining('tmdb', k('ext'))).toBeGreaterThan(50_000);
      });

      it('keeps scopes and keys apart, even when their joined text would match', async () => {
        await coordinator.setBackoff('a:b', k('c'), 60_000);
        expect(await coordinator.backoffRemaining('a', `b:${k('c')}`)).toBe(0);
        expect(await coordinator.backoffRemaining('a:b', k('other'))).toBe(0);
        expect(await coordinator.backoffRemaining('a:b', k('c'))).toBeGreaterThan(0);
      });
    });

    describe('claims', () => {
      it('grants exactly one of many concurrent claims', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => coordinator.claim('render', k('one'), 10_000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('is free again after release', async () => {
        expect(await coordinator.claim('render', k('rel'), 10_000)).toBe(true);
        expect(await coordinator.claim('render', k('rel'), 10_000)).toBe(false);
        await coordinator.releaseClaim('render', k('rel'));
        expect(await coordinator.claim('render', k('rel'), 10_000)).toBe(true);
        await expect(coordinator.releaseClaim('render', k('never-claimed'))).resolves.toBeUndefined();
      });

      it('expires after its TTL', async () => {
        expect(await coordinator.claim('quality', k('ttl'), 100)).toBe(true);
        expect(await coordinator.claim('quality', k('ttl'), 100)).toBe(false);
        await sleep(200);
        expect(await coordinator.claim('quality', k('ttl'), 100)).toBe(true);
      });

      it('keeps scopes and keys apart', async () => {
        expect(await coordinator.claim('a:b', k('c'), 10_000)).toBe(true);
        expect(await coordinator.claim('a', `b:${k('c')}`, 10_000)).toBe(true);
        expect(await coordinator.claim('other', k('c'), 10_000)).toBe(true);
      });

      it('rejects TTLs that would never expire', async () => {
        await expect(coordinator.claim('render', k('zero'), 0)).rejects.toThrow();
        await expect(coordinator.claim('render', k('neg'), -5)).rejects.toThrow();
        await expect(coordinator.claim('render', k('nan'), Number.NaN)).rejects.toThrow();
        await expect(coordinator.claim('render', k('inf'), Number.POSITIVE_INFINITY)).rejects.toThrow();
      });
    });

    describe('leases', () => {
      it('gives one holder a token and refuses others while it holds', async () => {
        const token = await coordinator.acquireLease(k('prune'), 10_000);
        expect(typeof token).toBe('string');
        expect(token?.length).toBeGreaterThanOrEqual(16);
        expect(await coordinator.acquireLease(k('prune'), 10_000)).toBeNull();
        expect(await coordinator.acquireLease(k('warm'), 10_000)).not.toBeNull();
      });

      it('hands out exactly one token to concurrent acquirers', async () => {
        const tokens = await Promise.all(
          Array.from({ length: 20 }, () => coordinator.acquireLease(k('race'), 10_000)),
        );
        expect(tokens.filter((token) => token !== null)).toHaveLength(1);
      });

      it('refreshes only with the holding token, and the refresh extends the lease', async () => {
        const token = (await coordinator.acquireLease(k('refresh'), 150))!;
        expect(await coordinator.refreshLease(k('refresh'), 'not-the-token', 60_000)).toBe(false);
        expect(await coordinator.refreshLease(k('refresh'), token, 60_000)).toBe(true);
        await sleep(300);
        expect(await coordinator.acquireLease(k('refresh'), 10_000)).toBeNull();
        expect(await coordinator.refreshLease(k('refresh'), token, 60_000)).toBe(true);
      });

      it('releases only with the holding token', async () => {
        const token = (await coordinator.acquireLease(k('release'), 10_000))!;
        expect(await coordinator.releaseLease(k('release'), 'not-the-token')).toBe(false);
        expect(await coordinator.acquireLease(k('release'), 10_000)).toBeNull();
        expect(await coordinator.releaseLease(k('release'), token)).toBe(true);
        expect(await coordinator.releaseLease(k('release'), token)).toBe(false);
        const next = await coordinator.acquireLease(k('release'), 10_000);
        expect(next).not.toBeNull();
        expect(next).not.toBe(token);
      });

      it('lets anyone take an expired lease, and the old token then holds nothing', async () => {
        const old = (await coordinator.acquireLease(k('expire'), 100))!;
        await sleep(200);
        expect(await coordinator.refreshLease(k('expire'), old, 10_000)).toBe(false);
        const fresh = await coordinator.acquireLease(k('expire'), 10_000);
        expect(fresh).not.toBeNull();
        expect(fresh).not.toBe(old);
        expect(await coordinator.releaseLease(k('expire'), old)).toBe(false);
        expect(await coordinator.refreshLease(k('expire'), old, 10_000)).toBe(false);
        expect(await coordinator.acquireLease(k('expire'), 10_000)).toBeNull();
        expect(await coordinator.releaseLease(k('expire'), fresh!)).toBe(true);
      });

      it('rejects TTLs that would never expire', async () => {
        await expect(coordinator.acquireLease(k('zero'), 0)).rejects.toThrow();
        const token = (await coordinator.acquireLease(k('ok'), 10_000))!;
        await expect(coordinator.refreshLease(k('ok'), token, Number.NaN)).rejects.toThrow();
        await expect(coordinator.refreshLease(k('ok'), token, -1)).rejects.toThrow();
      });
    });

    describe('rate limit', () => {
      it('allows the limit per window, denies the rest, and allows again in the next window', async () => {
        const limit = 5;
        const { decisions, bucket } = await burstWithinOneWindow(coordinator, k('tenant'), limit, limit + 3);
        expect(decisions.slice(0, limit)).toEqual(Array(limit).fill({ allowed: true, retryAfterSeconds: 0 }));
        for (const decision of decisions.slice(limit)) {
          expect(decision).toEqual({ allowed: false, retryAfterSeconds: 1 });
        }
        await sleep(decisions[limit]!.retryAfterSeconds * 1000 + 50);
        expect(await coordinator.hitRateLimit(bucket, limit)).toEqual({
          allowed: true,
          retryAfterSeconds: 0,
        });
      });

      it('counts each bucket separately', async () => {
        const { decisions } = await burstWithinOneWindow(coordinator, k('busy'), 2, 3);
        expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
        expect(await coordinator.hitRateLimit(k('quiet'), 2)).toEqual({
          allowed: true,
          retryAfterSeconds: 0,
        });
      });

      it('allows nothing at a limit of zero', async () => {
        const decision = await coordinator.hitRateLimit(k('zero'), 0);
        expect(decision.allowed).toBe(false);
        expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      });
    });

    describe('lifecycle', () => {
      it('closes idempotently', async () => {
        const handle = await open();
        await handle.close();
        await expect(handle.close()).resolves.toBeUndefined();
      });

      // Only for backends shared between processes; in-process state belongs to its one handle.
      if (!target.reopenable) return;

      it('shares claims, leases, backoffs and rate limits between handles', async () => {
        const other = await open();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? coordinator : other).claim('render', k('x'), 10_000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const token = (await coordinator.acquireLease(k('lease'), 10_000))!;
        expect(await other.acquireLease(k('lease'), 10_000)).toBeNull();
        expect(await other.releaseLease(k('lease'), token)).toBe(true);
        await coordinator.setBackoff('tmdb', k('b'), 60_000);
        expect(await other.backoffRemaining('tmdb', k('b'))).toBeGreaterThan(0);
        const { decisions } = await burstWithinOneWindow([coordinator, other], k('rl'), 2, 3);
        expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
      });

      it('keeps state after a handle closes', async () => {
        const first = await open();
        await first.setBackoff('tmdb', k('kept'), 60_000);
        expect(await first.claim('render', k('kept'), 60_000)).toBe(true);
        await first.close();
        const second = await open();
        expect(await second.backoffRemaining('tmdb', k('kept'))).toBeGreaterThan(0);
        expect(await second.claim('render', k('kept'), 60_000)).toBe(false);
      });
    });
  });
}

/**
 * Fires `hits` requests (round-robin over the handles) at a fresh bucket inside one wall-clock second. A burst that straddles a
 * second boundary is retried on a new bucket, so the outcome never depends on where in the second
 * the test happened to start.
 */
async function burstWithinOneWindow(
  via: Coordinator | Coordinator[],
  bucketPrefix: string,
  limit: number,
  hits: number,
) {
  const handles = Array.isArray(via) ? via : [via];
  for (let attempt = 0; ; attempt++) {
    const msIntoSecond = Date.now() % 1000;
    if (msIntoSecond > 700) await sleep(1010 - msIntoSecond);
    const bucket = `${bucketPrefix}:${attempt}`;
    const started = Math.floor(Date.now() / 1000);
    const decisions = [];
    for (let i = 0; i < hits; i++)
      decisions.push(await handles[i % handles.length]!.hitRateLimit(bucket, limit));
    if (Math.floor(Date.now() / 1000) === started || attempt >= 3) return { decisions, bucket };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
