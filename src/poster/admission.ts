/**
 * Render admission: at most `slots` uncached pipelines at once; the rest queue in arrival order and give
 * up after `queueTimeoutMs` (then the caller answers 503 + Retry-After). cockatiel's bulkhead bounds
 * concurrency but has no queue-wait timeout, which is the whole point here, so this is a small
 * semaphore of our own.
 */

export class AdmissionTimeoutError extends Error {
  constructor() {
    super('timed out waiting for a render slot');
    this.name = 'AdmissionTimeoutError';
  }
}

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout | undefined;
}

export interface Admission {
  /**
   * Runs `work` in a slot; rejects with AdmissionTimeoutError if no slot frees up within `waitMs`
   * (default: the queue timeout given at creation; 0 or Infinity = wait forever).
   */
  run<T>(work: () => Promise<T>, waitMs?: number): Promise<T>;
  inFlight(): number;
  queued(): number;
  /** How many requests have been turned away since start. */
  saturatedCount(): number;
}

export function createAdmission(slots: number, queueTimeoutMs: number): Admission {
  const capacity = Math.max(1, slots);
  let active = 0;
  let saturated = 0;
  const queue: Waiter[] = [];

  const release = () => {
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.grant(); // the slot passes straight to the next waiter
    } else {
      active -= 1;
    }
  };

  const acquire = (waitMs: number): Promise<void> => {
    if (active < capacity) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, timer: undefined };
      if (waitMs > 0 && Number.isFinite(waitMs)) {
        waiter.timer = setTimeout(() => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          saturated += 1;
          reject(new AdmissionTimeoutError());
        }, waitMs);
      }
      queue.push(waiter);
    });
  };

  return {
    async run(work, waitMs = queueTimeoutMs) {
      await acquire(waitMs);
      try {
        return await work();
      } finally {
        release();
      }
    },
    inFlight: () => active,
    queued: () => queue.length,
    saturatedCount: () => saturated,
  };
}
