/**
 * Whole-day arithmetic for the title-facts decisions: dates are compared as UTC day numbers so a
 * decision never depends on the host's TZ. The tolerant JSON readers these modules also use live with
 * the upstream body parsers (src/upstream/json.ts) and are re-exported here for them.
 */

export { isoDay, isRecord, own, toCount, toNumber, toText } from '../upstream/json.ts';

const MS_PER_DAY = 86_400_000;

/** Whole UTC days since the epoch for `now` — the only way pure code looks at the injected clock. */
export function dayNumber(now: Date): number {
  return Math.floor(now.getTime() / MS_PER_DAY);
}

/** "YYYY-MM-DD" for a UTC day number. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar parts of a UTC day number (month 1–12). */
export function dayParts(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
