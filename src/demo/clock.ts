/** The fake's notion of "now", and resolution of the catalogue's relative dates ('-12d', '+6d'). */
import type { DateSpec } from './catalogueTypes.ts';

export type Clock = () => Date;

export function makeClock(now?: Date | (() => Date)): Clock {
  if (now === undefined) return () => new Date();
  if (typeof now === 'function') return now;
  const fixed = now.getTime();
  return () => new Date(fixed);
}

const DAY_MS = 86_400_000;
const RELATIVE = /^([+-])(\d{1,5})d$/;

/** 'YYYY-MM-DD' for a date spec: absolute specs pass through, relative ones count days from the clock's UTC day. */
export function resolveDate(spec: DateSpec, now: Date): string {
  const match = RELATIVE.exec(spec);
  if (!match) return spec;
  const days = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  const dayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(dayStart + days * DAY_MS).toISOString().slice(0, 10);
}

export function resolveOptionalDate(spec: DateSpec | null | undefined, now: Date): string | null {
  return spec === null || spec === undefined ? null : resolveDate(spec, now);
}

/** Start of the clock's UTC day, in epoch seconds (anchors generated timestamps so they are stable within a day). */
export function dayStartSeconds(now: Date): number {
  return Math.floor(now.getTime() / DAY_MS) * (DAY_MS / 1000);
}
