/**
 * How one request's POSTER_DEADLINE_MS is spent. Pure.
 *
 * Facts and art are gathered outside the render slots and stop being waited for RENDER_RESERVE_MS
 * before the deadline, so the render still has time to draw what arrived (renders take tens of ms, so
 * on a healthy machine the slots drain well within that reserve). A request holding its facts and art
 * queues for a slot up to RENDER_QUEUE_TIMEOUT whatever is left of its own budget: dropping the
 * finished gathering for a 503 helps nobody, and only a queue that long is real saturation. The render
 * always gets at least MIN_RENDER_BUDGET_MS (a render abandoned half-way helps nobody either).
 */

/** Time kept back from the art downloads for the render. */
export const RENDER_RESERVE_MS = 1000;
/** The shortest deadline a render is given. */
export const MIN_RENDER_BUDGET_MS = 1500;

export interface Budget {
  /** Epoch ms by which the answer must leave. */
  deadline: number;
  /** Milliseconds left until the deadline (negative once past). */
  remaining(): number;
}

export function budgetOf(receivedAt: number, deadlineMs: number, now: () => number): Budget {
  const deadline = receivedAt + deadlineMs;
  return { deadline, remaining: () => deadline - now() };
}

/** Epoch ms after which missing facts are left out (the poster is then provisional). */
export const gatherDeadline = (budget: Budget) => budget.deadline - RENDER_RESERVE_MS;

/** How long the art downloads may still be waited for. */
export const artWaitMs = (budget: Budget) => Math.max(0, budget.remaining() - RENDER_RESERVE_MS);

/** The deadline handed to the renderer. */
export const renderDeadlineMs = (budget: Budget) => Math.max(MIN_RENDER_BUDGET_MS, budget.remaining());

/** How long a request with its facts and art may queue for a render slot (0 = forever). */
export function queueWaitMs(queueTimeoutSeconds: number): number {
  return queueTimeoutSeconds > 0 ? queueTimeoutSeconds * 1000 : Number.POSITIVE_INFINITY;
}
