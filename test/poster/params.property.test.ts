import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultStyle, type PosterStyle, type Rgb } from '../../src/domain/style.ts';
import {
  defaultOptions,
  LEGACY_PARAMS,
  type ParamSpec,
  POSTER_PARAMS,
  type PosterOptions,
  type PosterQuery,
  parsePosterParams,
  serializePosterParams,
  TRANSPORT_PARAMS,
} from '../../src/poster/params.ts';
import { QUALITY_TOKENS } from '../../src/title/quality.ts';
import type { RatingSource, WeightMap } from '../../src/title/ratings.ts';
import { SASH_SLOTS } from '../../src/title/sashSlots.ts';

const RUNS = { numRuns: 300 };

// ---- valid values, one arbitrary per table kind ----

const rgb: fc.Arbitrary<Rgb> = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255));
const noNegZero = (n: number) => n + 0;
const languages = fc.constantFrom('en', 'es', 'fr', 'it', 'pt', 'pt-br', 'de', 'ja', 'zh-hant-tw', 'sr-latn');

/** Weights as the parser returns them: 0.01-step weights, zeros dropped, or a single explicit zero. */
function weights(allowed: readonly RatingSource[]): fc.Arbitrary<WeightMap | null> {
  const positive = fc
    .uniqueArray(fc.constantFrom(...allowed), { minLength: 1, maxLength: allowed.length })
    .chain((sources) =>
      fc.tuple(
        fc.constant(sources),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: sources.length, maxLength: sources.length }),
      ),
    )
    .map(
      ([sources, hundredths]) =>
        Object.fromEntries(sources.map((s, i) => [s, (hundredths[i] as number) / 100])) as WeightMap,
    );
  const zero = fc.constantFrom(...allowed).map((source) => ({ [source]: 0 }) as WeightMap);
  return fc.oneof(fc.constant(null), positive, zero);
}

function valueArbitrary(spec: ParamSpec): fc.Arbitrary<unknown> {
  const nullable = <T>(arb: fc.Arbitrary<T>) => (spec.default === null ? fc.option(arb, { nil: null }) : arb);
  switch (spec.kind) {
    case 'integer':
      return spec.values
        ? fc.constantFrom(...spec.values)
        : fc.integer({ min: spec.min as number, max: spec.max as number });
    case 'number':
      return nullable(
        fc.double({ min: spec.min as number, max: spec.max as number, noNaN: true }).map(noNegZero),
      );
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(spec.values ?? []));
    case 'color':
      return spec.field === 'scoreGlowColor'
        ? fc.oneof(fc.constant('white'), fc.constant('match'), rgb)
        : fc.option(rgb, { nil: null });
    case 'palette':
      return fc.option(
        fc
          .uniqueArray(
            fc.record({ threshold: fc.double({ min: 0, max: 100, noNaN: true }).map(noNegZero), color: rgb }),
            { minLength: 1, maxLength: 32, selector: (stop) => stop.threshold },
          )
          .map((stops) => stops.sort((a, b) => a.threshold - b.threshold)),
        { nil: null },
      );
    case 'weights':
      return weights((spec.values ?? []) as RatingSource[]);
    case 'priority':
      return fc.uniqueArray(fc.constantFrom(...SASH_SLOTS), { maxLength: SASH_SLOTS.length });
    case 'language':
      return nullable(languages);
    case 'string':
      // quality=: folded token lists (one per group, in group order), or absent.
      return spec.field === 'qualityTokens'
        ? fc.option(
            fc.constantFrom([], ['4K'], ['1080P', 'WEBDL', 'HDR10'], ['4K', 'REMUX', 'DV', 'ATMOS']),
            {
              nil: null,
            },
          )
        : fc.string();
  }
}

/** A random valid style + options pair, built field by field from the table. */
const validParams: fc.Arbitrary<{ style: PosterStyle; options: PosterOptions }> = fc
  .tuple(...POSTER_PARAMS.map(valueArbitrary))
  .map((values) => {
    const style: Record<string, unknown> = { ...defaultStyle() };
    const options: Record<string, unknown> = { ...defaultOptions() };
    POSTER_PARAMS.forEach((spec, index) => {
      (spec.target === 'style' ? style : options)[spec.field] = values[index];
    });
    return { style: style as unknown as PosterStyle, options: options as unknown as PosterOptions };
  });

const toQuery = (params: URLSearchParams): PosterQuery => Object.fromEntries(params);

describe('round trip', () => {
  it('parse(serialize(x)) equals x, shrunk or not, with no notes', () => {
    fc.assert(
      fc.property(validParams, fc.boolean(), (x, omitDefaults) => {
        const parsed = parsePosterParams(
          toQuery(serializePosterParams(x.style, x.options, { omitDefaults })),
        );
        expect(parsed.style).toEqual(x.style);
        expect(parsed.options).toEqual(x.options);
        expect(parsed.notes).toEqual([]);
      }),
      RUNS,
    );
  });

  it('serialize(parse(serialize(x))) is stable', () => {
    fc.assert(
      fc.property(validParams, fc.boolean(), (x, omitDefaults) => {
        const once = serializePosterParams(x.style, x.options, { omitDefaults });
        const parsed = parsePosterParams(toQuery(once));
        expect(serializePosterParams(parsed.style, parsed.options, { omitDefaults }).toString()).toBe(
          once.toString(),
        );
      }),
      RUNS,
    );
  });

  it('survives a real URL: the serialized string re-read through URLSearchParams', () => {
    fc.assert(
      fc.property(validParams, (x) => {
        const url = `/poster?tmdb_id=550&type=movie&${serializePosterParams(x.style, x.options).toString()}`;
        const query = toQuery(new URL(url, 'http://localhost').searchParams);
        expect(parsePosterParams(query).style).toEqual(x.style);
      }),
      { numRuns: 100 },
    );
  });
});

// ---- hostile input ----

const isRgb = (value: unknown) =>
  Array.isArray(value) && value.length === 3 && value.every((c) => Number.isInteger(c) && c >= 0 && c <= 255);

/** Whether a parsed value is one the renderer may trust for this table row. */
function isValid(spec: ParamSpec, value: unknown): boolean {
  const inRange = (n: unknown) =>
    typeof n === 'number' && Number.isFinite(n) && n >= (spec.min as number) && n <= (spec.max as number);
  switch (spec.kind) {
    case 'integer':
      return inRange(value) && Number.isInteger(value) && (spec.values?.includes(value as number) ?? true);
    case 'number':
      return (value === null && spec.default === null) || inRange(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return spec.values?.includes(value as string) ?? false;
    case 'color':
      return spec.field === 'scoreGlowColor'
        ? value === 'white' || value === 'match' || isRgb(value)
        : value === null || isRgb(value);
    case 'palette': {
      if (value === null) return true;
      if (!Array.isArray(value) || value.length === 0 || value.length > 32) return false;
      const thresholds = value.map((stop: { threshold: number }) => stop.threshold);
      return (
        value.every((stop: { threshold: number; color: unknown }) => isRgb(stop.color)) &&
        thresholds.every((t, i) => t >= 0 && t <= 100 && (i === 0 || t > (thresholds[i - 1] as number)))
      );
    }
    case 'weights':
      return (
        value === null ||
        (typeof value === 'object' &&
          Object.entries(value as object).length > 0 &&
          Object.entries(value as object).every(
            ([source, w]) => spec.values?.includes(source) && typeof w === 'number' && w >= 0 && w <= 1,
          ))
      );
    case 'priority':
      return (
        Array.isArray(value) &&
        new Set(value).size === value.length &&
        value.every((slot) => (SASH_SLOTS as readonly unknown[]).includes(slot))
      );
    case 'language':
      return (
        (value === null && spec.default === null) ||
        (typeof value === 'string' && /^[a-z]{2,3}(-[a-z0-9]{2,8}){0,2}$/.test(value))
      );
    case 'string':
      return spec.field === 'qualityTokens'
        ? value === null || (Array.isArray(value) && value.every((t) => QUALITY_TOKENS.includes(t)))
        : typeof value === 'string';
  }
}

function expectTrustworthy(parsed: ReturnType<typeof parsePosterParams>): void {
  expect(Object.keys(parsed.style).sort()).toEqual(Object.keys(defaultStyle()).sort());
  expect(Object.keys(parsed.options).sort()).toEqual(Object.keys(defaultOptions()).sort());
  for (const spec of POSTER_PARAMS) {
    const value =
      spec.target === 'style'
        ? parsed.style[spec.field as keyof PosterStyle]
        : parsed.options[spec.field as keyof PosterOptions];
    if (!isValid(spec, value)) throw new Error(`${spec.name} = ${JSON.stringify(value)} is not valid`);
  }
  expect(parsed.notes.length).toBeLessThanOrEqual(51);
  expect(Object.getPrototypeOf(parsed.style)).toBe(Object.prototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const NAMES = [
  ...POSTER_PARAMS.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])]),
  ...LEGACY_PARAMS.map((legacy) => legacy.name),
  ...TRANSPORT_PARAMS,
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** Values near the edges: numbers of every size and notation, colours, lists, placeholders, junk. */
const rawValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    '',
    ' ',
    'true',
    'false',
    'NaN',
    '-0',
    '1e309',
    '{x}',
    '%7Bx%7D',
    'match',
    '#FFFFFF',
    '0:FF0000;50:zz',
  ),
  fc.constantFrom(...SASH_SLOTS).map((slot) => `default,-${slot},${slot}@99`),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }).map((parts) => parts.join(',')),
);

const hostileValue = fc.oneof(
  { weight: 6, arbitrary: rawValue },
  { weight: 2, arbitrary: fc.array(rawValue, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const hostileQuery = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 20 })), hostileValue), {
    maxLength: 40,
  })
  // fromEntries defines `__proto__` as an own property, as a query-string parser would.
  .map((entries) => Object.fromEntries(entries) as PosterQuery);

describe('hostile input', () => {
  it('never throws and always returns values within their clamps and values', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        expectTrustworthy(parsePosterParams(query));
      }),
      { numRuns: 1000 },
    );
  });

  it('survives 10 000 parameters and 100 KB values', () => {
    const big = 'x'.repeat(100_000);
    const query: PosterQuery = {};
    for (let i = 0; i < 10_000; i += 1) query[`p${i}`] = big;
    for (const spec of POSTER_PARAMS) query[spec.name] = `${big},1`;
    query.sash_priority = `${'wins,'.repeat(20_000)}cult`;
    query.score_custom_palette = '50:FF0000;'.repeat(10_000);
    const started = performance.now();
    const parsed = parsePosterParams(query);
    expect(performance.now() - started).toBeLessThan(2000);
    expectTrustworthy(parsed);
    expect(parsed.notes.at(-1)).toMatch(/^… and \d+ more$/);
    expect(parsed.notes.join('\n').length).toBeLessThan(20_000);
  });

  it('does not follow or pollute prototypes', () => {
    const query = JSON.parse(
      '{"__proto__": {"polluted": "yes", "bar_style": "gold"}, "constructor": {"prototype": {"polluted": "yes"}}, "hide_genre": "1"}',
    ) as PosterQuery;
    const parsed = parsePosterParams(query);
    expect(parsed.style.barStyle).toBe('frosted');
    expect(parsed.style.hideGenre).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectTrustworthy(parsed);
  });

  it('reads null-prototype query objects', () => {
    const query = Object.assign(Object.create(null) as PosterQuery, { bar_style: 'gold' });
    expect(parsePosterParams(query).style.barStyle).toBe('gold');
  });

  it('ignores non-string values a loose caller might pass', () => {
    const query = {
      bar_style: 5,
      hide_genre: { a: 1 },
      rating_display_mode: [3],
      badge_height: null,
    } as unknown as PosterQuery;
    expect(parsePosterParams(query).style).toEqual(defaultStyle());
    expect(parsePosterParams(null as unknown as PosterQuery).style).toEqual(defaultStyle());
  });
});
