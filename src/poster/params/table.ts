/**
 * The poster parameter table: every `/poster` style parameter — its name, kind, default,
 * clamp or values, aliases, configurator group and one-line doc — in one list. The parser, the URL
 * serializer, `/server-caps` `param_defaults` and docs/PARAMETERS.md are all generated from it, so a
 * parameter added here is parsed, shrunk, advertised and documented at once.
 *
 * Defaults are read from `defaultStyle()`, `STYLE_CLAMPS` and the title modules, never restated: the
 * renderer's idea of a default and the URL's cannot drift apart. Pure data and pure functions.
 */

import type { QualityToken } from '../../domain/facts.ts';
import {
  ACCENT_BAR_APPEND_MODES,
  BADGE_DISPLAY_MODES,
  BADGE_POSITIONS,
  BAR_ACCENTS,
  BAR_APPENDS,
  BAR_STYLES,
  defaultStyle,
  FALLBACK_BG_STYLES,
  GRADIENT_LEVELS,
  type GradientLevel,
  MINIMALIST_APPEND_MODES,
  MINIMALIST_RATING_SEPARATORS,
  MINIMALIST_SEPARATORS,
  NOTCH_STYLES,
  type PosterStyle,
  RATING_DISPLAY_MODES,
  SASH_MODES,
  SCORE_COLOR_MODES,
  STYLE_CLAMPS,
} from '../../domain/style.ts';
import { LOGO_PRIORITIES, type LogoPriority } from '../../title/art.ts';
import { parseQualityTokens } from '../../title/quality.ts';
import {
  type AggregateInput,
  DEFAULT_MOVIE_WEIGHTS,
  DEFAULT_TV_WEIGHTS,
  type RatingSource,
  type WeightMap,
} from '../../title/ratings.ts';
import { DEFAULT_SASH_PRIORITY, DIFF_SEED, formatPriority, parsePriority } from '../../title/sashPriority.ts';
import { resolveSlotToken, type SashSlot } from '../../title/sashSlots.ts';
import {
  type Decoded,
  decodeBoolean,
  decodeColor,
  decodeEnum,
  decodeGlowColor,
  decodeInteger,
  decodeLanguage,
  decodeNumber,
  decodeOpacity,
  decodePalette,
  formatBoolean,
  formatGlowColor,
  formatHex,
  formatNumber,
  formatPalette,
  MAX_ENTRY_NOTES,
  shown,
} from './codecs.ts';
import { decodeWeights, formatWeights, WEIGHT_SOURCES } from './weights.ts';

export const IMDB_RATING_SOURCES = ['mdblist', 'dataset', 'fallback'] as const satisfies readonly NonNullable<
  AggregateInput['imdbRatingSource']
>[];
export type ImdbRatingSource = (typeof IMDB_RATING_SOURCES)[number];
export const TMDB_RATING_SOURCES = ['mdblist', 'direct', 'fallback'] as const satisfies readonly NonNullable<
  AggregateInput['tmdbRatingSource']
>[];
export type TmdbRatingSource = (typeof TMDB_RATING_SOURCES)[number];

export const ORIGINAL_ART_SOURCES = ['primary', 'top_rated'] as const;
export type OriginalArtSource = (typeof ORIGINAL_ART_SOURCES)[number];

/** Client profiles; the first is the default. */
export const PRIMARY_CLIENTS = ['stremio_tv_nuvio', 'stremio_desktop_web', 'plex', 'jellyfin'] as const;
export type PrimaryClient = (typeof PRIMARY_CLIENTS)[number];

/**
 * Default edge insets per client: Stremio's desktop/web player crops the poster edge slightly, so the
 * bar and the notch move inwards there. Explicit `bar_bottom_inset` / `sash_badge_inset` win.
 */
export const PRIMARY_CLIENT_INSETS: Readonly<
  Record<PrimaryClient, { readonly barBottomInset: number; readonly notchInset: number }>
> = {
  stremio_tv_nuvio: { barBottomInset: 0, notchInset: 0 },
  stremio_desktop_web: { barBottomInset: 0.007, notchInset: 0.004 },
  plex: { barBottomInset: 0, notchInset: 0 },
  jellyfin: { barBottomInset: 0, notchInset: 0 },
};

/**
 * Request options that change the poster but are not drawing parameters: they steer which facts and
 * which art are chosen (ratings, sash, logo), or set other parameters' defaults (primary client).
 */
export interface PosterOptions {
  primaryClient: PrimaryClient;
  /** Per-request weights; null = the server's defaults (a request map replaces them wholesale, never merges). */
  movieWeights: WeightMap | null;
  tvWeights: WeightMap | null;
  /** null = use the movie / TV weights. */
  animeMovieWeights: WeightMap | null;
  animeTvWeights: WeightMap | null;
  fallbackToImdb: boolean;
  imdbRatingSource: ImdbRatingSource;
  tmdbRatingSource: TmdbRatingSource;
  sashPriority: SashSlot[];
  releaseStatusCinemaOnly: boolean;
  releaseStatusDates: boolean;
  logoPriority: LogoPriority;
  /** Only read by the native_custom_* logo priorities. */
  logoLanguageSecondary: string | null;
  useOriginalArt: boolean;
  originalArtSource: OriginalArtSource;
  /**
   * Stream quality the caller already knows (`quality=`, sent per poster by the Plex/Jellyfin sync from
   * the local files): used instead of asking the quality source. null = ask the source.
   */
  qualityTokens: QualityToken[] | null;
  /** The episode whose releases a series' quality lookup reads (default season 1, episode 1). */
  season: number;
  episode: number;
}

/** Option defaults. Fresh each call. Weights and the sash order come from the title modules. */
export function defaultOptions(): PosterOptions {
  return {
    primaryClient: PRIMARY_CLIENTS[0],
    movieWeights: null,
    tvWeights: null,
    animeMovieWeights: null,
    animeTvWeights: null,
    // aggregateRatings treats anything but an explicit true as off, and 'mdblist' as "no merge".
    fallbackToImdb: false,
    imdbRatingSource: 'mdblist',
    tmdbRatingSource: 'mdblist',
    sashPriority: [...DEFAULT_SASH_PRIORITY],
    releaseStatusCinemaOnly: false,
    // chooseSash dates labels unless told `false`.
    releaseStatusDates: true,
    // art.ts lists the priorities default-first (native_original).
    logoPriority: LOGO_PRIORITIES[0],
    logoLanguageSecondary: null,
    useOriginalArt: false,
    originalArtSource: ORIGINAL_ART_SOURCES[0],
    qualityTokens: null,
    season: 1,
    episode: 1,
  };
}

export type ParamKind =
  | 'integer'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'color'
  | 'palette'
  | 'weights'
  | 'priority'
  | 'language'
  | 'string';

/** Configurator tabs, in display order. */
export const PARAM_GROUPS = ['Core', 'Rating', 'Weights', 'Logo', 'Sash', 'Quality', 'Presentation'] as const;
export type ParamGroup = (typeof PARAM_GROUPS)[number];

export type StyleField = keyof PosterStyle;
export type OptionField = keyof PosterOptions;

export interface ParamSpec {
  /** The query-parameter name. */
  readonly name: string;
  readonly kind: ParamKind;
  /** Which object of the parse result the value lands in. */
  readonly target: 'style' | 'options';
  readonly field: StyleField | OptionField;
  /** The typed default (the value of `field` when the parameter is absent). */
  readonly default: unknown;
  /** The default as a query-string value, for /server-caps and the docs ('' = nothing to write). */
  readonly defaultText: string;
  readonly min?: number;
  readonly max?: number;
  /** Allowed values (enum, integer modes), or for weights the sources that may be named. */
  readonly values?: readonly (string | number)[];
  /** Other names read as this parameter when it is absent. */
  readonly aliases?: readonly string[];
  readonly group: ParamGroup;
  readonly doc: string;
  /** Present, trimmed query value → typed value (or the reason it was refused). */
  readonly decode: (raw: string) => Decoded<unknown>;
  /** Typed value → canonical query value; '' means "write nothing" (absent reads back the same). */
  readonly encode: (value: unknown) => string;
  /**
   * Says something about one title, not about a look (`quality`, `season`, `episode`): parsed and part
   * of the cache key, but never offered by the configurator nor written into a shared URL template,
   * where it would pin one title's facts on every poster.
   */
  readonly perTitle?: true;
}

const STYLE = defaultStyle();
const OPTIONS = defaultOptions();

type FieldsOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];
type ClampedField = keyof typeof STYLE_CLAMPS;

interface Meta {
  aliases?: readonly string[];
}

function make<T>(
  base: Omit<ParamSpec, 'decode' | 'encode' | 'defaultText' | 'default'> & {
    default: T;
    defaultText?: string;
  },
  decode: (raw: string) => Decoded<T>,
  encode: (value: T) => string,
): ParamSpec {
  return {
    ...base,
    defaultText: base.defaultText ?? encode(base.default),
    decode,
    encode: (value) => encode(value as T),
  };
}

// ---- style builders: defaults from defaultStyle(), clamps from STYLE_CLAMPS ----

function styleNumber(
  name: string,
  field: ClampedField,
  group: ParamGroup,
  doc: string,
  meta: Meta & { integer?: boolean; opacity?: boolean } = {},
): ParamSpec {
  const [min, max] = STYLE_CLAMPS[field];
  const decode = meta.integer ? decodeInteger : meta.opacity ? decodeOpacity : decodeNumber;
  return make<number | null>(
    {
      name,
      kind: meta.integer ? 'integer' : 'number',
      target: 'style',
      field,
      default: STYLE[field],
      min,
      max,
      group,
      doc,
      ...(meta.aliases ? { aliases: meta.aliases } : {}),
    },
    (raw) => decode(raw, min, max),
    (value) => (value === null ? '' : formatNumber(value)),
  );
}

/** Integer-coded modes: clamped like any integer (e.g. 0–6), so their range is contiguous. */
function styleMode<F extends FieldsOf<PosterStyle, number>>(
  name: string,
  field: F,
  values: readonly PosterStyle[F][],
  group: ParamGroup,
  doc: string,
): ParamSpec {
  const min = values[0] as number;
  const max = values[values.length - 1] as number;
  return make<number>(
    { name, kind: 'integer', target: 'style', field, default: STYLE[field], min, max, values, group, doc },
    (raw) => {
      const decoded = decodeInteger(raw, min, max);
      return decoded.ok && !(values as readonly number[]).includes(decoded.value)
        ? { ok: false, note: `${shown(raw)} is not a mode` }
        : decoded;
    },
    formatNumber,
  );
}

function styleEnum<F extends FieldsOf<PosterStyle, string>>(
  name: string,
  field: F,
  values: readonly PosterStyle[F][],
  group: ParamGroup,
  doc: string,
  legacy?: ReadonlyMap<string, PosterStyle[F]>,
): ParamSpec {
  return make<string>(
    { name, kind: 'enum', target: 'style', field, default: STYLE[field], values, group, doc },
    (raw) => decodeEnum(raw, values as readonly string[], legacy as ReadonlyMap<string, string> | undefined),
    String,
  );
}

function styleBool(name: string, field: FieldsOf<PosterStyle, boolean>, group: ParamGroup, doc: string) {
  return make<boolean>(
    { name, kind: 'boolean', target: 'style', field, default: STYLE[field], group, doc },
    decodeBoolean,
    formatBoolean,
  );
}

function styleColor(
  name: string,
  field: 'ratingTextColor' | 'sashTextColor',
  group: ParamGroup,
  doc: string,
): ParamSpec {
  return make<PosterStyle[typeof field]>(
    { name, kind: 'color', target: 'style', field, default: STYLE[field], group, doc },
    decodeColor,
    (value) => (value === null ? '' : formatHex(value)),
  );
}

// ---- option builders: defaults from defaultOptions() ----

function optionBool(name: string, field: FieldsOf<PosterOptions, boolean>, group: ParamGroup, doc: string) {
  return make<boolean>(
    { name, kind: 'boolean', target: 'options', field, default: OPTIONS[field], group, doc },
    decodeBoolean,
    formatBoolean,
  );
}

function optionEnum<F extends FieldsOf<PosterOptions, string>>(
  name: string,
  field: F,
  values: readonly PosterOptions[F][],
  group: ParamGroup,
  doc: string,
): ParamSpec {
  return make<string>(
    { name, kind: 'enum', target: 'options', field, default: OPTIONS[field], values, group, doc },
    (raw) => decodeEnum(raw, values as readonly string[]),
    String,
  );
}

/** Highest season / episode number accepted (clamped beyond): bounds the cache-key variants per title. */
export const MAX_EPISODE_NUMBER = 999;

function optionEpisode(name: 'season' | 'episode', doc: string): ParamSpec {
  return make<number>(
    {
      name,
      kind: 'integer',
      target: 'options',
      field: name,
      default: OPTIONS[name],
      min: 0,
      max: MAX_EPISODE_NUMBER,
      group: 'Quality',
      doc,
      perTitle: true,
    },
    (raw) => decodeInteger(raw, 0, MAX_EPISODE_NUMBER),
    formatNumber,
  );
}

/** `quality=4K,REMUX,DV`: the Python service's token spellings, unknown ones dropped, one token per group. */
const QUALITY_PARAM: ParamSpec = make<QualityToken[] | null>(
  {
    name: 'quality',
    kind: 'string',
    target: 'options',
    field: 'qualityTokens',
    default: null,
    group: 'Quality',
    doc: 'Stream quality known to the caller (4K, 1080P, REMUX, WEBDL, DV, HDR10+, HDR10, ATMOS, DTSX; comma-separated), used instead of asking the quality source; per poster, as the Plex/Jellyfin sync sends it',
    perTitle: true,
  },
  (raw) => {
    if (raw.toLowerCase() === 'none') return { ok: true, value: [] };
    const tokens = parseQualityTokens(raw);
    return tokens.length > 0
      ? { ok: true, value: tokens }
      : { ok: true, value: [], note: `${shown(raw)} names no known quality token; no quality shown` };
  },
  (value) => (value === null ? '' : value.length === 0 ? 'none' : value.join(',')),
);

function weightsParam(
  name: string,
  field: FieldsOf<PosterOptions, WeightMap | null>,
  allowed: readonly RatingSource[],
  reference: Readonly<WeightMap> | null,
  doc: string,
): ParamSpec {
  return make<WeightMap | null>(
    {
      name,
      kind: 'weights',
      target: 'options',
      field,
      default: OPTIONS[field],
      // Absent means "the server's defaults"; show what those are out of the box.
      defaultText: reference === null ? '' : formatWeights(reference),
      values: allowed,
      group: 'Weights',
      doc,
    },
    (raw) => decodeWeights(raw, allowed),
    (value) => (value === null ? '' : formatWeights(value)),
  );
}

function decodeSashPriority(raw: string): Decoded<SashSlot[]> {
  const unknown: string[] = [];
  let known = 0;
  for (const token of raw.slice(0, 4000).split(',')) {
    const text = token.trim().toLowerCase();
    if (text === '' || text === DIFF_SEED) continue;
    const bare = text.replace(/^-/, '').replace(/@.*$/, '');
    if (resolveSlotToken(bare).length > 0) known += 1;
    else if (unknown.length < MAX_ENTRY_NOTES) unknown.push(shown(text));
  }
  const list = parsePriority(raw);
  if (known === 0 && !/^\s*default\s*(,|$)/i.test(raw)) {
    return { ok: false, note: `no known sash slot in ${shown(raw)}` };
  }
  return unknown.length > 0
    ? { ok: true, value: list, note: `unknown slots ignored: ${unknown.join(', ')}` }
    : { ok: true, value: list };
}

function languageParam(
  name: string,
  target: 'style' | 'options',
  field: 'language' | 'logoLanguageSecondary',
  group: ParamGroup,
  doc: string,
): ParamSpec {
  const fallback = target === 'style' ? STYLE.language : OPTIONS.logoLanguageSecondary;
  return make<string | null>(
    { name, kind: 'language', target, field, default: fallback, group, doc },
    decodeLanguage,
    (value) => value ?? '',
  );
}

const insetDoc = (field: 'barBottomInset' | 'notchInset') =>
  PRIMARY_CLIENTS.map((client) => `${client} ${formatNumber(PRIMARY_CLIENT_INSETS[client][field])}`).join(
    ', ',
  );

// Old URLs spelled the top band as a switch.
const GRADIENT_LEGACY: ReadonlyMap<string, GradientLevel> = new Map<string, GradientLevel>([
  ['true', 'high'],
  ['yes', 'high'],
  ['on', 'high'],
  ['1', 'high'],
  ['false', 'off'],
  ['no', 'off'],
  ['0', 'off'],
]);

/** Every parameter, in configurator order (group, then reading order within the group). */
export const POSTER_PARAMS: readonly ParamSpec[] = [
  // ---- Core ----
  optionEnum(
    'primary_client',
    'primaryClient',
    PRIMARY_CLIENTS,
    'Core',
    `Where the posters are shown; sets the default bar_bottom_inset (${insetDoc('barBottomInset')}) and sash_badge_inset (${insetDoc('notchInset')})`,
  ),
  languageParam(
    'logo_language',
    'style',
    'language',
    'Core',
    "Language of the title logo and the poster's labels (genre, sash, months), e.g. en, es, pt-br",
  ),
  styleMode(
    'rating_display_mode',
    'ratingDisplayMode',
    RATING_DISPLAY_MODES,
    'Core',
    'Rating display: 0 none, 1 score bar, 2 clean number, 3 minimalist strip, 4 frosted bar',
  ),
  styleEnum(
    'sash_mode',
    'sashMode',
    SASH_MODES,
    'Core',
    'Award / fact label: hidden, sash (diagonal corner ribbon) or notch (top-centre tab)',
  ),
  styleMode(
    'badge_display_mode',
    'badgeDisplayMode',
    BADGE_DISPLAY_MODES,
    'Core',
    'Quality badges: 0 hidden, 1 quality-tinted age rating, 2 badge row, 3 age rating only, 4 tier accent bar, 5 combined text badge, 6 corner bookmark',
  ),

  // ---- Rating ----
  styleMode(
    'score_color_mode',
    'scoreColorMode',
    SCORE_COLOR_MODES,
    'Rating',
    'Score colours: 0 four bands, 1 six bands, 2 metal (grey, bronze, silver, gold), 3 custom palette',
  ),
  make(
    {
      name: 'score_custom_palette',
      kind: 'palette',
      target: 'style',
      field: 'scoreCustomPalette',
      default: STYLE.scoreCustomPalette,
      min: 0,
      max: 100,
      group: 'Rating',
      doc: 'Colours for score_color_mode=3: score:RRGGBB entries separated by , ; or newlines; a score takes the colour of the highest threshold at or below it',
    },
    decodePalette,
    (value) => (value === null ? '' : formatPalette(value)),
  ),
  styleNumber(
    'accent_bar_font_size_ratio',
    'accentBarFontSizeRatio',
    'Rating',
    'Score bar (mode 1): label font size, fraction of the poster width',
  ),
  styleNumber(
    'accent_bar_y_offset',
    'accentBarYOffset',
    'Rating',
    'Score bar: label centre, fraction of the poster height from the top',
  ),
  styleMode(
    'accent_bar_append_mode',
    'accentBarAppendMode',
    ACCENT_BAR_APPEND_MODES,
    'Rating',
    'Score bar: text after the score: 0 year, 1 sash text, 2 year and sash text',
  ),
  styleNumber(
    'accent_bar_bottom_ratio',
    'accentBarBottomRatio',
    'Rating',
    'Score bar: distance of the bar from the bottom, fraction of the poster height',
  ),
  styleNumber(
    'numeric_score_font_size_ratio',
    'numericScoreFontSizeRatio',
    'Rating',
    'Clean number (mode 2): font size, fraction of the poster width',
  ),
  styleNumber(
    'numeric_score_y_offset',
    'numericScoreYOffset',
    'Rating',
    'Clean number: text centre, fraction of the poster height from the top',
  ),
  styleBool(
    'score_out_of_10',
    'scoreOutOf10',
    'Rating',
    'Clean number: show the score out of 10 (8.7) instead of out of 100',
  ),
  styleNumber(
    'score_glow_threshold',
    'scoreGlowThreshold',
    'Rating',
    'Score bar: scores at or above this glow',
    {
      integer: true,
    },
  ),
  styleNumber('score_glow_blur', 'scoreGlowBlur', 'Rating', 'Score bar: glow blur radius in pixels', {
    integer: true,
  }),
  styleNumber('score_glow_alpha', 'scoreGlowAlpha', 'Rating', 'Score bar: glow opacity (0–255)', {
    integer: true,
  }),
  make(
    {
      name: 'score_glow_color',
      kind: 'color',
      target: 'style',
      field: 'scoreGlowColor',
      default: STYLE.scoreGlowColor,
      group: 'Rating',
      doc: "Score bar: glow colour: empty for white, match for the bar's own colour, or RRGGBB",
    },
    decodeGlowColor,
    formatGlowColor,
  ),
  styleNumber(
    'minimalist_mode_font_size_ratio',
    'minimalistFontSizeRatio',
    'Rating',
    'Minimalist strip (mode 3): font size, fraction of the poster width',
  ),
  styleNumber(
    'minimalist_mode_font_x_offset',
    'minimalistXOffset',
    'Rating',
    'Minimalist strip: side margin, fraction of the poster width',
  ),
  styleNumber(
    'minimalist_mode_font_y_offset',
    'minimalistYOffset',
    'Rating',
    'Minimalist strip: vertical position, fraction of the poster height from the top',
  ),
  styleMode(
    'minimalist_append_mode',
    'minimalistAppendMode',
    MINIMALIST_APPEND_MODES,
    'Rating',
    'Minimalist strip content: 0 year (score as a coloured pip), 1 rating, 2 year and rating, 3 split (score on the opposite margin)',
  ),
  styleBool(
    'minimalist_score_out_of_10',
    'minimalistScoreOutOf10',
    'Rating',
    'Minimalist strip: score out of 10',
  ),
  styleBool(
    'minimalist_center',
    'minimalistCenter',
    'Rating',
    'Minimalist strip: centred (not in split mode)',
  ),
  styleEnum(
    'minimalist_separator',
    'minimalistSeparator',
    MINIMALIST_SEPARATORS,
    'Rating',
    'Minimalist strip: mark between the fields',
  ),
  styleEnum(
    'minimalist_rating_separator',
    'minimalistRatingSeparator',
    MINIMALIST_RATING_SEPARATORS,
    'Rating',
    'Minimalist strip: mark before the score',
  ),
  styleNumber(
    'bar_height_ratio',
    'barHeightRatio',
    'Rating',
    'Frosted bar (mode 4): bar height, fraction of the poster height',
  ),
  styleNumber(
    'bar_font_size_ratio',
    'barFontSizeRatio',
    'Rating',
    'Frosted bar: font size, fraction of the bar height',
  ),
  styleNumber('bar_frost_opacity', 'barFrostOpacity', 'Rating', 'Frosted bar: frost opacity'),
  styleNumber(
    'bar_frost_saturation',
    'barFrostSaturation',
    'Rating',
    'Frosted bar: frost colour saturation (also the notch frost unless a frosted notch shows)',
  ),
  styleNumber(
    'bar_bottom_inset',
    'barBottomInset',
    'Rating',
    'Frosted bar: lift from the bottom edge, fraction of the poster height; default from primary_client',
  ),
  styleEnum(
    'bar_style',
    'barStyle',
    BAR_STYLES,
    'Rating',
    'Frosted bar look; the rating_* looks add a coloured accent',
  ),
  styleEnum(
    'bar_accent',
    'barAccent',
    BAR_ACCENTS,
    'Rating',
    'Accent colour of the rating_* bar looks: silver, gold, sampled from the art, or a score palette',
  ),
  styleBool('bar_score_out_of_10', 'barScoreOutOf10', 'Rating', 'Frosted bar: score out of 10'),
  styleEnum(
    'bar_append',
    'barAppend',
    BAR_APPENDS,
    'Rating',
    'Frosted bar content: rating_year (Year · Genre · ★ 87), rating, year, or the sash text',
  ),
  styleBool(
    'frost_reference',
    'frostReference',
    'Rating',
    "Frosted elements take the poster's true colour instead of a pastel",
  ),
  styleColor(
    'rating_text_color',
    'ratingTextColor',
    'Rating',
    'Rating label text colour, RRGGBB (empty: white)',
  ),
  styleBool('hide_genre', 'hideGenre', 'Rating', 'Leave the genre out of the rating label'),

  // ---- Weights ----
  weightsParam(
    'movie_weights',
    'movieWeights',
    WEIGHT_SOURCES.movie,
    DEFAULT_MOVIE_WEIGHTS,
    "Movie score: source:weight pairs (each 0–1, unknown sources ignored); absent = the server's defaults",
  ),
  weightsParam(
    'tv_weights',
    'tvWeights',
    WEIGHT_SOURCES.tv,
    DEFAULT_TV_WEIGHTS,
    "Series score: source:weight pairs (each 0–1, unknown sources ignored); absent = the server's defaults",
  ),
  weightsParam(
    'anime_movie_weights',
    'animeMovieWeights',
    WEIGHT_SOURCES.animeMovie,
    null,
    'Anime movie score: source:weight pairs; absent = the movie weights',
  ),
  weightsParam(
    'anime_tv_weights',
    'animeTvWeights',
    WEIGHT_SOURCES.animeTv,
    null,
    'Anime series score: source:weight pairs; absent = the series weights',
  ),
  optionBool(
    'fallback_to_imdb',
    'fallbackToImdb',
    'Weights',
    'When no weighted source has a score, show the IMDb rating alone',
  ),
  optionEnum(
    'imdb_rating_source',
    'imdbRatingSource',
    IMDB_RATING_SOURCES,
    'Weights',
    'IMDb rating: MDBList only, the local IMDb dataset (dataset), or the dataset only where MDBList has none (fallback)',
  ),
  optionEnum(
    'tmdb_rating_source',
    'tmdbRatingSource',
    TMDB_RATING_SOURCES,
    'Weights',
    "TMDB rating: MDBList only, TMDB's own vote average (direct), or TMDB's only where MDBList has none (fallback)",
  ),

  // ---- Logo ----
  optionEnum(
    'logo_priority',
    'logoPriority',
    LOGO_PRIORITIES,
    'Logo',
    "Logo language order: native = logo_language, original = the title's original language, custom = logo_language_secondary, text = the title drawn as text",
  ),
  languageParam(
    'logo_language_secondary',
    'options',
    'logoLanguageSecondary',
    'Logo',
    'Second logo language, read by the native_custom_* priorities',
  ),
  styleNumber(
    'logo_max_w_ratio',
    'logoMaxWRatio',
    'Logo',
    'Logo maximum width, fraction of the poster width',
  ),
  styleNumber(
    'logo_max_h_ratio',
    'logoMaxHRatio',
    'Logo',
    'Logo maximum height, fraction of the poster height (never above 170 px)',
  ),
  styleNumber(
    'logo_bottom_ratio',
    'logoBottomRatio',
    'Logo',
    "Logo position: its centre line's distance from the bottom, fraction of the poster height",
  ),
  styleBool(
    'logo_bottom_anchor',
    'logoBottomAnchor',
    'Logo',
    "Pin the logo's bottom edge to the baseline instead of centring it on the line",
  ),
  styleBool('textless', 'textless', 'Logo', 'Art only: never draw a logo or the title text'),
  optionBool(
    'use_original_art',
    'useOriginalArt',
    'Logo',
    "Use TMDB's language-tagged poster (title baked in) as the art",
  ),
  optionEnum(
    'original_art_source',
    'originalArtSource',
    ORIGINAL_ART_SOURCES,
    'Logo',
    "With use_original_art: TMDB's primary poster, or the top-rated one in the language order",
  ),
  styleEnum(
    'fallback_bg_style',
    'fallbackBgStyle',
    FALLBACK_BG_STYLES,
    'Logo',
    'Background for a title without art, in the genre colours: minimal (flat lit card) or photoreal (a blurred lit scene: horizon glow, soft lights, vignette)',
  ),

  // ---- Sash ----
  make(
    {
      name: 'sash_priority',
      kind: 'priority',
      target: 'options',
      field: 'sashPriority',
      default: OPTIONS.sashPriority,
      // Reference §10.3: lists are comma-joined in param_defaults.
      defaultText: DEFAULT_SASH_PRIORITY.join(','),
      group: 'Sash',
      doc: 'Which fact the sash shows (first match wins): a full list (-slot = off) or edits of the default (default,-slot,slot@N)',
    },
    decodeSashPriority,
    formatPriority,
  ),
  styleBool('sash_poster_color', 'sashPosterColor', 'Sash', "Tint the diagonal sash's edges from the poster"),
  styleNumber(
    'sash_length_ratio',
    'sashLengthRatio',
    'Sash',
    'Diagonal sash length, fraction of the poster width',
  ),
  styleNumber(
    'sash_height_ratio',
    'sashHeightRatio',
    'Sash',
    'Diagonal sash thickness, fraction of the poster width',
  ),
  styleBool('sash_winner_star', 'sashWinnerStar', 'Sash', 'Prefix award wins with ★'),
  styleColor(
    'sash_text_color',
    'sashTextColor',
    'Sash',
    'Sash and notch text colour, RRGGBB (empty: the look’s own)',
  ),
  optionBool(
    'release_status_cinema_only',
    'releaseStatusCinemaOnly',
    'Sash',
    'Of the release statuses, show only Cinema and Production',
  ),
  optionBool(
    'release_status_dates',
    'releaseStatusDates',
    'Sash',
    'Dated release labels (Oct 16 Cinema) instead of the bare status',
  ),
  styleEnum(
    'sash_badge_style',
    'notchStyle',
    NOTCH_STYLES,
    'Sash',
    'Notch look: frosted glass, or a solid silver, gold or black tab',
  ),
  styleNumber('sash_badge_size_w', 'notchSizeW', 'Sash', 'Notch width scale'),
  styleNumber('sash_badge_size_h', 'notchSizeH', 'Sash', 'Notch height scale'),
  styleNumber(
    'sash_badge_inset',
    'notchInset',
    'Sash',
    'Notch offset from the top edge, fraction of the poster height; default from primary_client',
  ),
  styleNumber('sash_badge_pad', 'notchPad', 'Sash', 'Notch vertical padding scale'),
  styleNumber(
    'sash_badge_font_ratio',
    'notchFontRatio',
    'Sash',
    'Notch font size, fraction of the notch height',
  ),
  styleNumber('sash_badge_frost_opacity', 'notchFrostOpacity', 'Sash', 'Frosted notch: frost opacity'),
  styleNumber(
    'sash_badge_frost_saturation',
    'notchFrostSaturation',
    'Sash',
    'Frosted notch: frost colour saturation',
  ),

  // ---- Quality ----
  styleNumber('badge_height', 'badgeHeight', 'Quality', 'Badge height in pixels', { integer: true }),
  styleNumber('badge_gap', 'badgeGap', 'Quality', 'Gap between badges in pixels', { integer: true }),
  styleNumber('badge_anchor_x', 'badgeAnchorX', 'Quality', 'Badge anchor, fraction of the poster width'),
  styleNumber('badge_anchor_y', 'badgeAnchorY', 'Quality', 'Badge anchor, fraction of the poster height'),
  styleNumber(
    'badge_min_score',
    'badgeMinScore',
    'Quality',
    'Lowest quality tier score that shows a badge (4K, Remux, DV, HDR10+ count 2; 1080p, WEB-DL, HDR10 count 1)',
    { integer: true, aliases: ['combined_badge_min_score'] },
  ),
  styleBool(
    'combined_badge_stacked',
    'combinedBadgeStacked',
    'Quality',
    'Combined text badge (mode 5): stack the parts vertically',
  ),
  styleEnum(
    'badge_pos',
    'badgePos',
    BADGE_POSITIONS,
    'Quality',
    'Where the badges sit: top_left, top_right, or by the logo',
  ),
  styleBool(
    'wait_for_quality',
    'waitForQuality',
    'Quality',
    'Wait briefly for the stream-quality lookup instead of rendering without it',
  ),
  QUALITY_PARAM,
  optionEpisode('season', 'Series: the season whose releases the quality lookup reads'),
  optionEpisode('episode', 'Series: the episode whose releases the quality lookup reads'),

  // ---- Presentation ----
  styleEnum(
    'top_gradient',
    'topGradient',
    GRADIENT_LEVELS,
    'Presentation',
    'Dark band behind the top of the poster (legacy true = high, false = off)',
    GRADIENT_LEGACY,
  ),
  styleEnum(
    'bottom_gradient',
    'bottomGradient',
    GRADIENT_LEVELS,
    'Presentation',
    'Dark band behind the logo and the rating',
    GRADIENT_LEGACY,
  ),
  styleNumber(
    'top_gradient_opacity',
    'topGradientOpacity',
    'Presentation',
    'top_gradient=custom: opacity, a fraction (≤ 1) or 0–255',
    { opacity: true },
  ),
  styleNumber(
    'top_gradient_height',
    'topGradientHeight',
    'Presentation',
    'top_gradient=custom: height, fraction of the poster height',
  ),
  styleNumber(
    'bottom_gradient_opacity',
    'bottomGradientOpacity',
    'Presentation',
    'bottom_gradient=custom: opacity, a fraction (≤ 1) or 0–255',
    { opacity: true },
  ),
  styleNumber(
    'bottom_gradient_height',
    'bottomGradientHeight',
    'Presentation',
    'bottom_gradient=custom: height, fraction of the poster height',
  ),
  styleBool(
    'top_vignette_sash_only',
    'topVignetteSashOnly',
    'Presentation',
    'Draw the top band only when a sash or notch shows',
  ),
  styleBool(
    'vignette_poster_color_top',
    'vignettePosterColorTop',
    'Presentation',
    "Tint the top band with the poster's colour instead of black",
  ),
  styleBool(
    'vignette_poster_color_bottom',
    'vignettePosterColorBottom',
    'Presentation',
    "Tint the bottom band with the poster's colour instead of black",
  ),
  styleNumber(
    'vignette_color_saturation',
    'vignetteColorSaturation',
    'Presentation',
    'Tinted bands: saturation multiplier',
  ),
  styleNumber(
    'vignette_color_lightness',
    'vignetteColorLightness',
    'Presentation',
    'Tinted bands: lightness multiplier',
  ),
  styleNumber(
    'vignette_color_blur',
    'vignetteColorBlur',
    'Presentation',
    'Tinted bands: 0 follows the art, 1 flat colour (and frosts the art under the band)',
  ),
  styleBool(
    'vignette_color_ramp',
    'vignetteColorRamp',
    'Presentation',
    "Tinted bands: two-tone ramp between the poster's two main colours",
  ),
  styleBool(
    'vignette_color_local',
    'vignetteColorLocal',
    'Presentation',
    "Tinted bands: favour the colour where the band meets the art over the whole poster's",
  ),
  styleBool(
    'notch_vignette_color',
    'notchVignetteColor',
    'Presentation',
    "A frosted notch takes the tinted top band's colour",
  ),
  styleBool(
    'cinema_greyscale',
    'cinemaGreyscale',
    'Presentation',
    'Greyscale the art while the title is only in cinemas or in production',
  ),
  styleBool(
    'cinema_greyscale_skip_if_available',
    'cinemaGreyscaleSkipIfAvailable',
    'Presentation',
    'Keep the colour anyway once a WEB-DL or Remux release is known',
  ),
  styleBool(
    'greyscale_no_quality',
    'greyscaleNoQuality',
    'Presentation',
    'Greyscale the art when no stream quality is known (needs wait_for_quality)',
  ),
  styleBool('muted', 'muted', 'Presentation', 'Draw the diagonal sash at 80 % opacity'),
];

/** Retired parameters old URLs still carry, each read only when its replacement is absent (or refused). */
export const LEGACY_PARAMS: readonly { name: string; replacedBy: readonly string[]; doc: string }[] = [
  {
    name: 'vignette_poster_color',
    replacedBy: ['vignette_poster_color_top', 'vignette_poster_color_bottom'],
    doc: 'Sets both vignette_poster_color_top and vignette_poster_color_bottom',
  },
  { name: 'show_award_sash', replacedBy: ['sash_mode'], doc: 'false = sash_mode=hidden' },
  { name: 'sash_badge', replacedBy: ['sash_mode'], doc: 'true = sash_mode=notch' },
  {
    name: 'show_quality_badges',
    replacedBy: ['badge_display_mode'],
    doc: 'true = badge_display_mode=1, false = 0',
  },
  {
    name: 'logo_native_fallback',
    replacedBy: ['logo_priority'],
    doc: 'true = logo_priority=native_original, false = native_text',
  },
];

/** Names of the per-title rows (see ParamSpec.perTitle): the configurator neither offers nor keeps them. */
export const PER_TITLE_PARAMS: readonly string[] = POSTER_PARAMS.filter((spec) => spec.perTitle).map(
  (spec) => spec.name,
);

/** Known parameters with no effect here (landscape only, or an unverified legacy preset knob): no note. */
export const IGNORED_PARAMS: readonly string[] = ['bar_match_notch', 'landscape_art'];

/**
 * Identity, key and transport parameters: not style, not in this table, ignored by the
 * parser. The cache key and the configurator skip them; keys among them must never be echoed.
 */
export const TRANSPORT_PARAMS: readonly string[] = [
  'tmdb_id',
  'imdb_id',
  'stremio_id',
  'type',
  'shape',
  'tmdb_key',
  'mdblist_key',
  'access_key',
  'debug',
  'nocache',
  'rv',
  'share',
  'mal_id',
  'anidb_id',
  'anilist_id',
  'kitsu_id',
];
