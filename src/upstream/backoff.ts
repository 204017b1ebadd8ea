/**
 * Delay before retry `attempt` (1 = first retry): 0.5 s, 1 s, 2 s … capped at 4 s, each ±25 % jitter so
 * replicas that failed together do not retry together. `random` is injectable for table tests.
 */
export function retryDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 500,
  capMs = 4000,
): number {
  const nominal = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = (random() * 2 - 1) * 0.25;
  return Math.round(nominal * (1 + jitter));
}
