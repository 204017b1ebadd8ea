/**
 * `/poster` style parameters ⇄ `PosterStyle` + `PosterOptions`, driven by the one table in
 * params/table.ts.
 *
 * Parsing is lenient on purpose: a URL pasted into a Stremio addon months ago must still render, so a
 * bad value keeps its default and is reported in `notes` (for `debug=1` and the configurator's
 * "malformed values ignored" line) instead of failing the request. Identity, key and transport
 * parameters are not read here (see TRANSPORT_PARAMS). Pure.
 */
import { defaultStyle, type PosterStyle } from '../domain/style.ts';
import { presentValue } from './identity.ts';
import { decodeBoolean } from './params/codecs.ts';
import {
  defaultOptions,
  IGNORED_PARAMS,
  LEGACY_PARAMS,
  type ParamGroup,
  type ParamKind,
  type ParamSpec,
  POSTER_PARAMS,
  type PosterOptions,
  PRIMARY_CLIENT_INSETS,
  PRIMARY_CLIENTS,
  type PrimaryClient,
  TRANSPORT_PARAMS,
} from './params/table.ts';

export {
  defaultOptions,
  IGNORED_PARAMS,
  IMDB_RATING_SOURCES,
  type ImdbRatingSource,
  LEGACY_PARAMS,
  ORIGINAL_ART_SOURCES,
  type OriginalArtSource,
  PARAM_GROUPS,
  type ParamGroup,
  type ParamKind,
  type ParamSpec,
  PER_TITLE_PARAMS,
  POSTER_PARAMS,
  type PosterOptions,
  PRIMARY_CLIENT_INSETS,
  PRIMARY_CLIENTS,
  type PrimaryClient,
  TMDB_RATING_SOURCES,
  type TmdbRatingSource,
  TRANSPORT_PARAMS,
} from './params/table.ts';
export { canonicalWeights } from './params/weights.ts';

/**
 * A query string as the HTTP layer hands it over (a repeated name arrives as an array). Every route
 * reads its query as this one type, not only /poster.
 */
export type PosterQuery = Record<string, string | string[] | undefined>;

export interface ParsedPosterParams {
  style: PosterStyle;
  options: PosterOptions;
  /** One line per ignored, malformed, clamped or unknown parameter; never a secret's value. */
  notes: string[];
}

/** Longer than any legitimate value (a full 31-slot sash list is ~350 characters). */
const MAX_VALUE_LENGTH = 4000;
/** Notes are for humans; a hostile query with 10 000 bad parameters gets a summary, not 10 000 lines. */
const MAX_NOTES = 50;

const PARAM_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(POSTER_PARAMS.map((spec) => [spec.name, spec]));

/** Every name the parser reads or knowingly skips; anything else is reported as unknown. */
const KNOWN_NAMES: ReadonlySet<string> = new Set([
  ...POSTER_PARAMS.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])]),
  ...LEGACY_PARAMS.map((legacy) => legacy.name),
  ...IGNORED_PARAMS,
  ...TRANSPORT_PARAMS,
]);

class Notes {
  readonly lines: string[] = [];
  private dropped = 0;

  add(line: string): void {
    if (this.lines.length < MAX_NOTES) this.lines.push(line);
    else this.dropped += 1;
  }

  list(): string[] {
    return this.dropped > 0 ? [...this.lines, `… and ${this.dropped} more`] : this.lines;
  }
}

/**
 * The present value of one parameter, or undefined. Reads own properties only (a query object built from
 * `__proto__=…` must not reach Object.prototype), takes the first of repeated values, caps the length,
 * and lets presentValue treat blanks and unsubstituted `{placeholders}` as absent.
 */
function reader(query: unknown): (name: string) => string | undefined {
  if (typeof query !== 'object' || query === null) return () => undefined;
  const record = query as Record<string, unknown>;
  return (name) => {
    if (!Object.hasOwn(record, name)) return undefined;
    const raw = record[name];
    const first: unknown = Array.isArray(raw) ? raw[0] : raw;
    if (typeof first !== 'string') return undefined;
    return presentValue(first.slice(0, MAX_VALUE_LENGTH));
  };
}

function fieldValue(spec: ParamSpec, style: PosterStyle, options: PosterOptions): unknown {
  return spec.target === 'style'
    ? style[spec.field as keyof PosterStyle]
    : options[spec.field as keyof PosterOptions];
}

function assign(spec: ParamSpec, value: unknown, style: PosterStyle, options: PosterOptions): void {
  // The table pairs each field with a decoder of that field's type; this is the one untyped write.
  if (spec.target === 'style') (style as unknown as Record<string, unknown>)[spec.field] = value;
  else (options as unknown as Record<string, unknown>)[spec.field] = value;
}

/** Parse a `/poster` query. Never throws; every value it returns is within its table clamp or values. */
export function parsePosterParams(query: PosterQuery): ParsedPosterParams {
  const style = defaultStyle();
  const options = defaultOptions();
  const notes = new Notes();
  const read = reader(query);
  /** Names set by a value the decoder accepted: legacy spellings and client profiles don't override them. */
  const explicit = new Set<string>();

  for (const spec of POSTER_PARAMS) {
    const names = [spec.name, ...(spec.aliases ?? [])];
    const given = names.flatMap((name) => {
      const raw = read(name);
      return raw === undefined ? [] : [{ name, raw }];
    });
    const chosen = given[0];
    if (chosen === undefined) continue;
    for (const other of given.slice(1)) notes.add(`${other.name} ignored: ${chosen.name} is given`);
    const decoded = spec.decode(chosen.raw);
    if (!decoded.ok) {
      const fallback = spec.defaultText === '' ? 'default' : `default ${spec.defaultText}`;
      notes.add(`${chosen.name}: ${decoded.note}; ${fallback} kept`);
      continue;
    }
    if (decoded.note !== undefined) notes.add(`${chosen.name}: ${decoded.note}`);
    assign(spec, decoded.value, style, options);
    explicit.add(spec.name);
  }

  applyLegacy(read, explicit, style, options);

  // The client profile supplies inset defaults; an explicit inset wins.
  const insets = PRIMARY_CLIENT_INSETS[options.primaryClient];
  if (!explicit.has('bar_bottom_inset')) style.barBottomInset = insets.barBottomInset;
  if (!explicit.has('sash_badge_inset')) style.notchInset = insets.notchInset;

  if (typeof query === 'object' && query !== null) {
    for (const name of Object.keys(query)) {
      // Names only: an unknown parameter may be a mistyped key, so its value is never echoed.
      if (!KNOWN_NAMES.has(name)) notes.add(`unknown parameter ${JSON.stringify(name.slice(0, 40))} ignored`);
    }
  }
  return { style, options, notes: notes.list() };
}

function applyLegacy(
  read: (name: string) => string | undefined,
  explicit: ReadonlySet<string>,
  style: PosterStyle,
  options: PosterOptions,
): void {
  const flag = (name: string): boolean | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    const decoded = decodeBoolean(raw);
    return decoded.ok ? decoded.value : undefined;
  };

  const tint = flag('vignette_poster_color');
  if (tint !== undefined) {
    if (!explicit.has('vignette_poster_color_top')) style.vignettePosterColorTop = tint;
    if (!explicit.has('vignette_poster_color_bottom')) style.vignettePosterColorBottom = tint;
  }

  if (!explicit.has('sash_mode')) {
    // Hiding beats the notch: an old URL with both switches off-and-notch showed nothing.
    if (flag('show_award_sash') === false) style.sashMode = 'hidden';
    else if (flag('sash_badge') === true) style.sashMode = 'notch';
  }

  if (!explicit.has('badge_display_mode')) {
    const badges = flag('show_quality_badges');
    if (badges !== undefined) style.badgeDisplayMode = badges ? 1 : 0;
  }

  if (!explicit.has('logo_priority')) {
    const native = flag('logo_native_fallback');
    if (native !== undefined) options.logoPriority = native ? 'native_original' : 'native_text';
  }
}

/** What a parameter reads as when absent, for this style/options pair (insets follow the client). */
function effectiveDefaultText(spec: ParamSpec, options: PosterOptions): string {
  const insets = PRIMARY_CLIENT_INSETS[options.primaryClient];
  if (spec.field === 'barBottomInset') return spec.encode(insets.barBottomInset);
  if (spec.field === 'notchInset') return spec.encode(insets.notchInset);
  return spec.encode(spec.default);
}

export interface SerializeOptions {
  /** Leave out parameters whose value is what their absence means (the configurator's URL shrinking). */
  omitDefaults: boolean;
}

/**
 * Write a style and options back as query parameters, in table order, each in its canonical spelling
 * (sash_priority in the shorter of full/diff form). `parsePosterParams` reads the result back to equal
 * values. Empty spellings are never written: absence already means the same.
 */
export function serializePosterParams(
  style: PosterStyle,
  options: PosterOptions,
  { omitDefaults }: SerializeOptions = { omitDefaults: true },
): URLSearchParams {
  const params = new URLSearchParams();
  for (const spec of POSTER_PARAMS) {
    const text = spec.encode(fieldValue(spec, style, options));
    if (text === '') continue;
    if (omitDefaults && text === effectiveDefaultText(spec, options)) continue;
    params.set(spec.name, text);
  }
  return params;
}

/** One table row as JSON for `/server-caps` `param_defaults` and the configurator. */
export interface ParamDescription {
  name: string;
  kind: ParamKind;
  /** The default in query-string form ('' = absent). */
  default: string;
  min?: number;
  max?: number;
  values?: (string | number)[];
  aliases?: string[];
  group: ParamGroup;
  doc: string;
  /**
   * Insets only: the default per primary_client. A configurator shrinking URLs must compare against
   * the selected client's value, or an explicit 0 under stremio_desktop_web would be dropped.
   */
  clientDefaults?: Record<PrimaryClient, string>;
}

function clientDefaults(spec: ParamSpec): Record<PrimaryClient, string> | undefined {
  if (spec.field !== 'barBottomInset' && spec.field !== 'notchInset') return undefined;
  const field = spec.field;
  return Object.fromEntries(
    PRIMARY_CLIENTS.map((client) => [client, spec.encode(PRIMARY_CLIENT_INSETS[client][field])]),
  ) as Record<PrimaryClient, string>;
}

/** The rows a configurator offers: every look parameter (per-title ones are set per poster by clients). */
export function paramDefaults(): ParamDescription[] {
  return POSTER_PARAMS.filter((spec) => !spec.perTitle).map((spec) => ({
    name: spec.name,
    kind: spec.kind,
    default: spec.defaultText,
    ...(spec.min === undefined ? {} : { min: spec.min }),
    ...(spec.max === undefined ? {} : { max: spec.max }),
    ...(spec.values === undefined ? {} : { values: [...spec.values] }),
    ...(spec.aliases === undefined ? {} : { aliases: [...spec.aliases] }),
    group: spec.group,
    doc: spec.doc,
    ...(clientDefaults(spec) === undefined ? {} : { clientDefaults: clientDefaults(spec) }),
  }));
}

/** The table row of a parameter name (aliases not resolved). */
export function paramSpec(name: string): ParamSpec | undefined {
  return PARAM_BY_NAME.get(name);
}
