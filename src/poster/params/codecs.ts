/**
 * Value codecs for the poster parameter table: one query-string value ⇄ one typed value, per kind.
 * Decoding is lenient, as docs/PARAMETERS.md promises (bad input → the caller keeps the default, numbers are
 * clamped, unknown enum values ignored, booleans false only for 0/false/no/off); encoding writes the one
 * canonical spelling the decoder reads back to the same value, which is what makes URL shrinking and
 * the round-trip property possible. Pure; nothing here throws.
 */
import { normaliseLanguageId } from '../../domain/languages.ts';
import type { PaletteStop, Rgb, ScoreGlowColor } from '../../domain/style.ts';

/** A decoded value, possibly with a note (clamped, entries dropped); or a refusal with the reason. */
export type Decoded<T> = { ok: true; value: T; note?: string } | { ok: false; note: string };

const ok = <T>(value: T, note?: string): Decoded<T> =>
  note === undefined ? { ok: true, value } : { ok: true, value, note };
const refuse = <T>(note: string): Decoded<T> => ({ ok: false, note });

/** A raw value as it may appear in a note: quoted, and short (values can be 100 KB of hostile text). */
export function shown(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

/** How many bad entries of one list value (weights, sash slots) a note names before it stops. */
export const MAX_ENTRY_NOTES = 5;

// Plain decimal or exponent notation only: Number() would also take '', '0x10', 'Infinity' and ' 1 '.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A finite number in plain or exponent notation (what String(n) writes), else null. */
export function readNumber(raw: string): number | null {
  if (raw.length > 64 || !NUMBER.test(raw)) return null;
  const n = Number(raw);
  // `+ 0` folds -0 into 0, so "-0" and "0" are one value (and one cache key).
  return Number.isFinite(n) ? n + 0 : null;
}

/** Canonical spelling of a number: String() round-trips every finite double exactly. */
export function formatNumber(n: number): string {
  return String(n + 0);
}

function clampTo(n: number, min: number, max: number): Decoded<number> {
  if (n < min) return ok(min, `${formatNumber(n)} clamped to ${formatNumber(min)}`);
  if (n > max) return ok(max, `${formatNumber(n)} clamped to ${formatNumber(max)}`);
  return ok(n);
}

export function decodeNumber(raw: string, min: number, max: number): Decoded<number> {
  const n = readNumber(raw);
  return n === null ? refuse(`${shown(raw)} is not a number`) : clampTo(n, min, max);
}

/** Integers accept any number and round it: `badge_height=20.4` is a slip, not garbage. */
export function decodeInteger(raw: string, min: number, max: number): Decoded<number> {
  const n = readNumber(raw);
  return n === null ? refuse(`${shown(raw)} is not a number`) : clampTo(Math.round(n) + 0, min, max);
}

/**
 * Gradient opacity: "≤1 is a fraction, else 0–255". The style holds the fraction, so
 * 190 arrives as 190/255; written back it is always the fraction.
 */
export function decodeOpacity(raw: string, min: number, max: number): Decoded<number> {
  const n = readNumber(raw);
  if (n === null) return refuse(`${shown(raw)} is not a number`);
  return clampTo(n > 1 ? Math.min(n, 255) / 255 : n, min, max);
}

const FALSE_WORDS: ReadonlySet<string> = new Set(['0', 'false', 'no', 'off']);

/** False only for 0/false/no/off (any case); anything else that is present means true. */
export function decodeBoolean(raw: string): Decoded<boolean> {
  return ok(!FALSE_WORDS.has(raw.toLowerCase()));
}

export const formatBoolean = (value: boolean): string => (value ? 'true' : 'false');

/** Case-insensitive enum member; `legacy` maps retired spellings (top_gradient=true → high). */
export function decodeEnum<T extends string | number>(
  raw: string,
  values: readonly T[],
  legacy?: ReadonlyMap<string, T>,
): Decoded<T> {
  const word = raw.toLowerCase();
  const member = values.find((value) => String(value) === word);
  if (member !== undefined) return ok(member);
  const mapped = legacy?.get(word);
  return mapped === undefined ? refuse(`unknown value ${shown(raw)}`) : ok(mapped);
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** RRGGBB with or without `#` → RGB, else null. */
export function readHex(raw: string): Rgb | null {
  const match = HEX.exec(raw.trim());
  if (!match?.[1]) return null;
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Upper-case RRGGBB without `#` (a bare `#` would start a URL fragment). */
export function formatHex(color: Rgb): string {
  return color
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

export function decodeColor(raw: string): Decoded<Rgb> {
  const color = readHex(raw);
  return color === null ? refuse(`${shown(raw)} is not an RRGGBB colour`) : ok(color);
}

/** `score_glow_color`: white (the empty default, or the word), `match` (the bar's colour), or RRGGBB. */
export function decodeGlowColor(raw: string): Decoded<ScoreGlowColor> {
  const word = raw.toLowerCase();
  if (word === 'white') return ok('white');
  if (word === 'match') return ok('match');
  const color = readHex(raw);
  return color === null ? refuse(`${shown(raw)} is not "match" or an RRGGBB colour`) : ok(color);
}

export function formatGlowColor(value: ScoreGlowColor): string {
  return value === 'white' ? '' : value === 'match' ? 'match' : formatHex(value);
}

/** More stops than any palette editor offers; bounds the work one hostile value can cause. */
export const MAX_PALETTE_STOPS = 32;
const MAX_PALETTE_NOTES = 5;

/**
 * `score_custom_palette`: `score:RRGGBB` entries separated by `,`, `;` or newlines.
 * Thresholds are clamped to 0–100, malformed entries skipped, a repeated threshold keeps its last colour;
 * the result is sorted by threshold. Nothing usable → refused (the style keeps "no custom palette").
 */
export function decodePalette(raw: string): Decoded<readonly PaletteStop[]> {
  const byThreshold = new Map<number, Rgb>();
  const problems: string[] = [];
  let dropped = 0;
  for (const entry of raw.split(/[,;\r\n]+/)) {
    const text = entry.trim();
    if (text === '') continue;
    const colon = text.indexOf(':');
    const threshold = colon === -1 ? null : readNumber(text.slice(0, colon).trim());
    const color = colon === -1 ? null : readHex(text.slice(colon + 1));
    if (threshold === null || color === null) {
      if (problems.length < MAX_PALETTE_NOTES) problems.push(`entry ${shown(text)} ignored`);
      continue;
    }
    const clamped = Math.min(100, Math.max(0, threshold)) + 0;
    if (clamped !== threshold && problems.length < MAX_PALETTE_NOTES)
      problems.push(`threshold ${formatNumber(threshold)} clamped to ${clamped}`);
    if (!byThreshold.has(clamped) && byThreshold.size >= MAX_PALETTE_STOPS) {
      dropped += 1;
      continue;
    }
    byThreshold.set(clamped, color);
  }
  if (dropped > 0) problems.push(`${dropped} entries beyond ${MAX_PALETTE_STOPS} ignored`);
  const stops = [...byThreshold]
    .map(([threshold, color]) => ({ threshold, color }))
    .sort((a, b) => a.threshold - b.threshold);
  if (stops.length === 0) return refuse(['no usable score:RRGGBB entry', ...problems].join('; '));
  return ok(stops, problems.length > 0 ? problems.join('; ') : undefined);
}

export function formatPalette(stops: readonly PaletteStop[]): string {
  return stops.map((stop) => `${formatNumber(stop.threshold)}:${formatHex(stop.color)}`).join(',');
}

// A BCP 47-ish tag: language plus up to two subtags (pt-br, zh-hant-tw), after normaliseLanguageId.
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,2}$/;

/** ISO language code or locale, lower-cased (`pt-BR` → `pt-br`, `pt_BR` → `pt-br`). */
export function decodeLanguage(raw: string): Decoded<string> {
  const code = normaliseLanguageId(raw);
  return LANGUAGE.test(code) ? ok(code) : refuse(`${shown(raw)} is not a language code`);
}
