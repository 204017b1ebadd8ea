/**
 * Shared bits of the real-server helpers (pgServer, redisServer, s3Server): free loopback ports,
 * waiting for readiness, and the rule for a missing server binary — fail in CI, skip loudly elsewhere.
 */
import { createServer } from 'node:net';
import { describe, it } from 'vitest';

/**
 * Registers the suite's tests only when `missing` is null. Otherwise: under CI (process.env.CI set)
 * registers one failing test naming what to install, so a CI image without the server can never pass
 * by skipping; on a developer machine skips with a loud warning.
 */
export function withServer(suite: string, missing: string | null, register: () => void): void {
  if (missing === null) {
    register();
    return;
  }
  if (process.env.CI) {
    describe(suite, () => {
      it('has its server installed', () => {
        throw new Error(`${suite}: ${missing}. CI must install it (see the apt block in .ci/run).`);
      });
    });
    return;
  }
  console.warn(
    `\n!!!!!!!!!! SKIPPING ${suite}: ${missing}. Install it to run these tests; CI fails instead of skipping.\n`,
  );
  describe.skip(suite, () => {
    it('needs its server', () => {});
  });
}

/** A loopback port that was free a moment ago (callers retry if it got taken in between). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it resolves true; throws with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
