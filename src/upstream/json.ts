/**
 * Tolerant readers for upstream JSON (TMDB, MDBList, stream addons), shared by the body parsers here
 * and the title-facts decisions in src/title. Upstream JSON is hostile by assumption: every reader
 * returns null (or undefined) instead of throwing, and never walks an object's prototype chain.
 */

const MS_PER_DAY = 86_400_000;

/** A finite number from a number or a numeric string ("8.1"), else null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    // Number('') is 0 and Number('0x10') is 16: neither is a rating anyone sent on purpose.
    if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
    const parsed = Number(trimmed);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A safe non-negative integer (ids, counts) from a number or numeric string, else null. */
export function toCount(value: unknown): number | null {
  const n = toNumber(value);
  if (n === null || n < 0 || !Number.isSafeInteger(Math.trunc(n))) return null;
  return Math.trunc(n);
}

/** Trimmed non-empty string (length-capped so a hostile field cannot balloon memory), else null. */
export function toText(value: unknown, maxLength = 500): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed.slice(0, maxLength);
}

/**
 * UTC day number of an ISO date ("2026-10-16" or "2026-10-16T00:00:00.000Z"), or null for anything
 * that is not a real calendar date (TMDB sends "" and null; "2026-02-30" must not roll into March).
 */
export function isoDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return Math.floor(ms / MS_PER_DAY);
}

/** Plain-object check that rejects arrays and null (JSON objects only). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property read that never walks the prototype chain ("__proto__", "constructor" are just keys). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
