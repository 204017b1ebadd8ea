/**
 * How one request's POSTER_DEADLINE_MS is spent. Pure.
 *
 * The art downloads stop waiting RENDER_RESERVE_MS before the deadline, so the render still has time to
 * draw what arrived; the render itself always gets at least MIN_RENDER_BUDGET_MS, even for a request
 * whose deadline is nearly spent (a render abandoned half-way helps nobody).
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

/** How long the art downloads may still be waited for. */
export const artWaitMs = (budget: Budget) => Math.max(0, budget.remaining() - RENDER_RESERVE_MS);

/** The deadline handed to the renderer. */
export const renderDeadlineMs = (budget: Budget) => Math.max(MIN_RENDER_BUDGET_MS, budget.remaining());

/** How long a request may queue for a render slot: the configured queue timeout, within its own budget. */
export function queueWaitMs(budget: Budget, queueTimeoutSeconds: number): number {
  const configured = queueTimeoutSeconds > 0 ? queueTimeoutSeconds * 1000 : Number.POSITIVE_INFINITY;
  return Math.max(1, Math.min(configured, budget.remaining()));
}
