/**
 * One piece of work per key at a time: callers arriving while it runs get the same promise, and the key
 * is free again as soon as it settles (a failure is never remembered).
 */
export function createSingleFlight<T>() {
  const inflight = new Map<string, Promise<T>>();
  return {
    run(key: string, work: () => Promise<T>): Promise<T> {
      let pending = inflight.get(key);
      if (!pending) {
        pending = work().finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      return pending;
    },
    size: () => inflight.size,
  };
}
