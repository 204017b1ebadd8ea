/**
 * Builders for one environment variable each: type, default, clamp or enum, one-line doc.
 * The schema (schema.ts) is a table of these; the README table and .env.example are generated from it.
 */
import { z } from 'zod';

export type VarKind = 'string' | 'secret' | 'url' | 'integer' | 'number' | 'boolean' | 'enum';

export interface VarSpec<T> {
  kind: VarKind;
  group: string;
  doc: string;
  /** Default as written in docs and .env.example ('' = unset). */
  defaultText: string;
  min?: number;
  max?: number;
  values?: readonly string[];
  /** Secrets are never logged and are blank in .env.example. */
  secret: boolean;
  /** Parses the raw value (undefined = unset); throws a message naming what is wrong. */
  parse(raw: string | undefined): T;
  /** Other names read when this one is unset (the Python service's spellings), each with a boot warning. */
  aliases?: readonly VarAlias[];
}

export interface VarAlias {
  name: string;
  /** How the alias differs, for the docs and the warning (e.g. "seconds"). */
  note: string;
  /** Turns the alias's raw value into this variable's raw value (e.g. seconds → ms). */
  convert?: (raw: string) => string;
}

/** The same variable, also read under `aliases` when it is unset itself. */
export function withAliases<S extends VarSpec<unknown>>(spec: S, aliases: readonly VarAlias[]): S {
  return { ...spec, aliases };
}

const trimmed = (raw: string | undefined): string | undefined => {
  const value = raw?.trim();
  return value === undefined || value === '' ? undefined : value;
};

function issueText(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

export function stringVar(group: string, doc: string, fallback = ''): VarSpec<string> {
  return {
    kind: 'string',
    group,
    doc,
    defaultText: fallback,
    secret: false,
    parse: (raw) => trimmed(raw) ?? fallback,
  };
}

export function secretVar(group: string, doc: string): VarSpec<string> {
  return { kind: 'secret', group, doc, defaultText: '', secret: true, parse: (raw) => trimmed(raw) ?? '' };
}

const urlSchema = z.url({ protocol: /^(https?|postgres(ql)?|rediss?|unix|s3)$/, error: 'must be a URL' });

/** A URL, or '' for unset. Trailing slashes are dropped so paths can be appended. */
export function urlVar(
  group: string,
  doc: string,
  fallback = '',
  options: { secret?: boolean } = {},
): VarSpec<string> {
  return {
    kind: 'url',
    group,
    doc,
    defaultText: fallback,
    secret: options.secret ?? false,
    parse(raw) {
      const value = trimmed(raw);
      if (value === undefined) return fallback;
      const result = urlSchema.safeParse(value);
      if (!result.success) throw new Error(issueText(result.error));
      return value.replace(/\/+$/, '');
    },
  };
}

/** A number clamped to [min, max]: out of range is corrected, not an error; not a number is. */
function numeric(
  kind: 'integer' | 'number',
  group: string,
  doc: string,
  fallback: number,
  min: number,
  max: number,
): VarSpec<number> {
  const schema = kind === 'integer' ? z.coerce.number().int('must be a whole number') : z.coerce.number();
  return {
    kind,
    group,
    doc,
    defaultText: String(fallback),
    min,
    max,
    secret: false,
    parse(raw) {
      const value = trimmed(raw);
      if (value === undefined) return fallback;
      const result = schema.safeParse(value);
      if (!result.success || !Number.isFinite(result.data)) {
        throw new Error(
          `must be ${kind === 'integer' ? 'a whole number' : 'a number'}, got ${JSON.stringify(value)}`,
        );
      }
      return Math.min(max, Math.max(min, result.data));
    },
  };
}

export const integerVar = (group: string, doc: string, fallback: number, min: number, max: number) =>
  numeric('integer', group, doc, fallback, min, max);
export const numberVar = (group: string, doc: string, fallback: number, min: number, max: number) =>
  numeric('number', group, doc, fallback, min, max);

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

export function booleanVar(group: string, doc: string, fallback: boolean): VarSpec<boolean> {
  return {
    kind: 'boolean',
    group,
    doc,
    defaultText: String(fallback),
    values: ['true', 'false'],
    secret: false,
    parse(raw) {
      const value = trimmed(raw)?.toLowerCase();
      if (value === undefined) return fallback;
      if (TRUE_WORDS.has(value)) return true;
      if (FALSE_WORDS.has(value)) return false;
      throw new Error(`must be true or false, got ${JSON.stringify(value)}`);
    },
  };
}

/** One of a fixed set (case-insensitive); `aliases` map extra spellings onto a value. */
export function enumVar<const V extends string>(
  group: string,
  doc: string,
  values: readonly V[],
  fallback: V,
  aliases: Record<string, V> = {},
  /** Values refused with a message saying what to use instead. */
  refused: Record<string, string> = {},
): VarSpec<V> {
  const schema = z.enum(values as unknown as [V, ...V[]]);
  return {
    kind: 'enum',
    group,
    doc,
    defaultText: fallback,
    values,
    secret: false,
    parse(raw) {
      const value = trimmed(raw)?.toLowerCase();
      if (value === undefined) return fallback;
      const refusal = refused[value];
      if (refusal !== undefined) throw new Error(`is ${JSON.stringify(value)}: ${refusal}`);
      const result = schema.safeParse(aliases[value] ?? value);
      if (!result.success)
        throw new Error(`must be one of ${values.join(', ')}, got ${JSON.stringify(value)}`);
      return result.data;
    },
  };
}

/** `auto` or a whole number of seconds (CDN_CACHE_TTL). */
export function autoOrSecondsVar(
  group: string,
  doc: string,
  fallback: 'auto' | number,
): VarSpec<'auto' | number> {
  return {
    kind: 'string',
    group,
    doc,
    defaultText: String(fallback),
    secret: false,
    parse(raw) {
      const value = trimmed(raw)?.toLowerCase();
      if (value === undefined) return fallback;
      if (value === 'auto') return 'auto';
      if (/^\d{1,9}$/.test(value)) return Number(value);
      throw new Error(`must be auto or a whole number of seconds, got ${JSON.stringify(value)}`);
    },
  };
}
