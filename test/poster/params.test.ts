import { describe, expect, it } from 'vitest';
import { defaultStyle, type PosterStyle, STYLE_CLAMPS } from '../../src/domain/style.ts';
import { MAX_EPISODE_NUMBER } from '../../src/poster/params/table.ts';
import {
  defaultOptions,
  IGNORED_PARAMS,
  LEGACY_PARAMS,
  PARAM_GROUPS,
  PER_TITLE_PARAMS,
  POSTER_PARAMS,
  type PosterOptions,
  type PosterQuery,
  PRIMARY_CLIENT_INSETS,
  PRIMARY_CLIENTS,
  paramDefaults,
  paramSpec,
  parsePosterParams,
  serializePosterParams,
  TRANSPORT_PARAMS,
} from '../../src/poster/params.ts';
import { DEFAULT_MOVIE_WEIGHTS, DEFAULT_TV_WEIGHTS } from '../../src/title/ratings.ts';
import { DEFAULT_SASH_PRIORITY } from '../../src/title/sashPriority.ts';

const style = (query: PosterQuery) => parsePosterParams(query).style;
const options = (query: PosterQuery) => parsePosterParams(query).options;
const notes = (query: PosterQuery) => parsePosterParams(query).notes;

/** The parsed value of one table parameter given one raw value. */
function parsedValue(name: string, raw: string | string[]): unknown {
  const spec = paramSpec(name);
  if (!spec) throw new Error(`no parameter ${name}`);
  const parsed = parsePosterParams({ [name]: raw });
  return spec.target === 'style'
    ? parsed.style[spec.field as keyof PosterStyle]
    : parsed.options[spec.field as keyof PosterOptions];
}

describe('the table', () => {
  const styleFields = POSTER_PARAMS.filter((s) => s.target === 'style').map((s) => s.field);
  const optionFields = POSTER_PARAMS.filter((s) => s.target === 'options').map((s) => s.field);

  it('covers every PosterStyle field exactly once', () => {
    expect([...styleFields].sort()).toEqual(Object.keys(defaultStyle()).sort());
  });

  it('covers every PosterOptions field exactly once', () => {
    expect([...optionFields].sort()).toEqual(Object.keys(defaultOptions()).sort());
  });

  it('has unique names and aliases, disjoint from legacy, ignored and transport names', () => {
    const names = POSTER_PARAMS.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
    const others = [...LEGACY_PARAMS.map((l) => l.name), ...IGNORED_PARAMS, ...TRANSPORT_PARAMS];
    expect(new Set([...names, ...others]).size).toBe(names.length + others.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('has a one-line doc and a known group for every parameter', () => {
    for (const spec of POSTER_PARAMS) {
      expect(spec.doc.length, spec.name).toBeGreaterThan(10);
      expect(spec.doc, spec.name).not.toMatch(/\n/);
      expect(PARAM_GROUPS).toContain(spec.group);
    }
  });

  it.each(POSTER_PARAMS.map((spec) => [spec.name, spec] as const))(
    '%s: default equals defaultStyle() / defaultOptions()',
    (_name, spec) => {
      const source: Record<string, unknown> =
        spec.target === 'style' ? { ...defaultStyle() } : { ...defaultOptions() };
      expect(spec.default).toEqual(source[spec.field]);
    },
  );

  it.each(
    POSTER_PARAMS.filter((s) => s.kind === 'number' || s.kind === 'integer').map((s) => [s.name, s] as const),
  )('%s: range matches STYLE_CLAMPS or the mode list, default inside it', (_name, spec) => {
    const clamp = spec.perTitle
      ? [0, MAX_EPISODE_NUMBER]
      : (STYLE_CLAMPS as Record<string, readonly [number, number]>)[spec.field];
    if (spec.values) {
      // Integer modes are clamped, so their values must be the whole contiguous range.
      const range = Array.from(
        { length: (spec.max ?? 0) - (spec.min ?? 0) + 1 },
        (_, i) => (spec.min ?? 0) + i,
      );
      expect(spec.values).toEqual(range);
    } else {
      expect([spec.min, spec.max]).toEqual(clamp);
    }
    if (spec.default !== null) {
      expect(spec.default as number).toBeGreaterThanOrEqual(spec.min as number);
      expect(spec.default as number).toBeLessThanOrEqual(spec.max as number);
    }
  });

  it.each(POSTER_PARAMS.filter((s) => s.kind === 'enum').map((s) => [s.name, s] as const))(
    '%s: default is one of the values',
    (_name, spec) => {
      expect(spec.values).toContain(spec.default);
    },
  );

  it.each(POSTER_PARAMS.filter((s) => s.defaultText !== '').map((s) => [s.name, s] as const))(
    '%s: the advertised default text parses back to the default',
    (name, spec) => {
      const parsed = parsedValue(name, spec.defaultText);
      if (name === 'movie_weights') expect(parsed).toEqual(DEFAULT_MOVIE_WEIGHTS);
      else if (name === 'tv_weights') expect(parsed).toEqual(DEFAULT_TV_WEIGHTS);
      else expect(parsed).toEqual(spec.default);
    },
  );

  it('the default client profile matches defaultStyle() insets', () => {
    const profile = PRIMARY_CLIENT_INSETS[defaultOptions().primaryClient];
    expect(profile.barBottomInset).toBe(defaultStyle().barBottomInset);
    expect(profile.notchInset).toBe(defaultStyle().notchInset);
  });

  it('reads the reference sash order and weights from the title modules', () => {
    expect(defaultOptions().sashPriority).toEqual(DEFAULT_SASH_PRIORITY);
    expect(paramSpec('sash_priority')?.defaultText).toBe(DEFAULT_SASH_PRIORITY.join(','));
    expect(paramSpec('movie_weights')?.defaultText).toBe('letterboxd:0.8,tomatoes:0.2');
    expect(paramSpec('tv_weights')?.defaultText).toBe('trakt:0.8,tomatoes:0.2');
  });
});

describe('parsePosterParams: absent and transport', () => {
  it('an empty query is the defaults, with no notes', () => {
    expect(parsePosterParams({})).toEqual({ style: defaultStyle(), options: defaultOptions(), notes: [] });
  });

  it('ignores identity, key and transport parameters without a note', () => {
    const query = Object.fromEntries(TRANSPORT_PARAMS.map((name) => [name, 'SEKRIT-VALUE']));
    expect(parsePosterParams(query)).toEqual({ style: defaultStyle(), options: defaultOptions(), notes: [] });
  });

  it('ignores the known no-effect parameters without a note', () => {
    expect(notes(Object.fromEntries(IGNORED_PARAMS.map((name) => [name, 'true'])))).toEqual([]);
  });

  it.each([
    ['{rating_display_mode}'],
    ['{rating_display_mode?}'],
    ['%7Brating_display_mode%7D'],
    [''],
    ['   '],
  ])('placeholder or blank %j is absent', (raw) => {
    expect(parsePosterParams({ rating_display_mode: raw })).toEqual({
      style: defaultStyle(),
      options: defaultOptions(),
      notes: [],
    });
  });

  it('a repeated parameter takes its first value', () => {
    expect(style({ rating_display_mode: ['3', '2'] }).ratingDisplayMode).toBe(3);
  });

  it('never echoes secret values and names unknown parameters without their values', () => {
    const lines = notes({
      tmdb_key: 'SEKRIT1',
      mdblist_key: 'SEKRIT2',
      access_key: 'SEKRIT3',
      api_key: 'SEKRIT4',
      tmdbkey: 'SEKRIT5',
    });
    expect(lines.join('\n')).not.toMatch(/SEKRIT/);
    expect(lines).toEqual(['unknown parameter "api_key" ignored', 'unknown parameter "tmdbkey" ignored']);
  });
});

describe('parsePosterParams: kinds', () => {
  it.each([
    ['badge_height', '24', 24],
    ['badge_height', '20.4', 20],
    ['badge_height', '20.5', 21],
    ['badge_height', '1e2', 100],
    ['badge_height', '0', 1],
    ['badge_height', '999', 200],
    ['badge_height', 'abc', 20],
    ['badge_height', '0x10', 20],
    ['score_glow_alpha', '-5', 0],
    ['score_glow_threshold', ' 90 ', 90],
    ['badge_min_score', '1', 2],
    ['badge_min_score', '7', 6],
  ])('integer %s=%j → %j', (name, raw, expected) => {
    expect(parsedValue(name, raw)).toBe(expected);
  });

  it.each([
    ['rating_display_mode', '3', 3],
    ['rating_display_mode', '9', 4],
    ['rating_display_mode', '-1', 0],
    ['rating_display_mode', '2.6', 3],
    ['rating_display_mode', 'frosted', 1],
    ['badge_display_mode', '7', 6],
    ['badge_display_mode', '0', 0],
    ['score_color_mode', '3', 3],
    ['accent_bar_append_mode', '5', 2],
    ['minimalist_append_mode', '3', 3],
  ])('integer mode %s=%j → %j', (name, raw, expected) => {
    expect(parsedValue(name, raw)).toBe(expected);
  });

  it.each([
    ['bar_height_ratio', '0.1', 0.1],
    ['bar_height_ratio', '.05', 0.05],
    ['bar_height_ratio', '0.1000', 0.1],
    ['bar_height_ratio', '+0.06', 0.06],
    ['bar_height_ratio', '1', 0.2],
    ['bar_height_ratio', '0.01', 0.04],
    ['bar_height_ratio', 'abc', 0.08],
    ['bar_height_ratio', '0,1', 0.08],
    ['bar_height_ratio', 'Infinity', 0.08],
    ['bar_height_ratio', 'NaN', 0.08],
    ['bar_height_ratio', '1e999', 0.08],
    ['bar_height_ratio', '0x1', 0.08],
    ['sash_badge_inset', '-0.01', -0.01],
    ['sash_badge_inset', '-1', -0.02],
    ['vignette_color_lightness', '0', 0.4],
    ['logo_max_w_ratio', '1.2', 1.2],
    ['top_gradient_height', '0.3', 0.3],
    ['top_gradient_opacity', '0.5', 0.5],
    ['top_gradient_opacity', '1', 1],
    ['top_gradient_opacity', '51', 0.2],
    ['top_gradient_opacity', '255', 1],
    ['top_gradient_opacity', '400', 1],
    ['bottom_gradient_opacity', '-3', 0],
    ['top_gradient_opacity', 'x', null],
  ])('number %s=%j → %j', (name, raw, expected) => {
    expect(parsedValue(name, raw)).toBe(expected);
  });

  it('"-0" reads as 0, not -0 (one value, one cache key)', () => {
    expect(Object.is(parsedValue('badge_anchor_x', '-0'), 0)).toBe(true);
    expect(Object.is(parsedValue('sash_badge_inset', '-0.0'), 0)).toBe(true);
  });

  it.each([
    ['0', false],
    ['false', false],
    ['FALSE', false],
    ['No', false],
    ['off', false],
    ['OFF', false],
    ['1', true],
    ['true', true],
    ['yes', true],
    ['on', true],
    ['maybe', true],
    ['2', true],
  ])('boolean %j → %j', (raw, expected) => {
    expect(style({ hide_genre: raw }).hideGenre).toBe(expected);
    // A default-true flag reads the same way.
    expect(style({ cinema_greyscale: raw }).cinemaGreyscale).toBe(expected);
  });

  it('an empty boolean is absent (keeps a true default)', () => {
    expect(style({ cinema_greyscale: '' }).cinemaGreyscale).toBe(true);
    expect(style({ vignette_color_ramp: '' }).vignetteColorRamp).toBe(true);
  });

  it.each([
    ['bar_style', 'gold', 'gold'],
    ['bar_style', 'GOLD', 'gold'],
    ['bar_style', 'neon', 'frosted'],
    ['bar_accent', 'palette_custom', 'palette_custom'],
    ['bar_append', 'sash', 'sash'],
    ['sash_mode', 'NOTCH', 'notch'],
    ['sash_mode', 'ribbon', 'sash'],
    ['sash_badge_style', 'black', 'black'],
    ['minimalist_separator', 'star', 'pip'],
    ['minimalist_rating_separator', 'star', 'star'],
    ['badge_pos', 'logo', 'logo'],
    ['badge_pos', 'bottom_left', 'top_left'],
    ['fallback_bg_style', 'photoreal', 'photoreal'],
    ['top_gradient', 'custom', 'custom'],
    ['primary_client', 'plex', 'plex'],
    ['primary_client', 'roku', 'stremio_tv_nuvio'],
    ['tmdb_rating_source', 'direct', 'direct'],
    ['tmdb_rating_source', 'Fallback', 'fallback'],
    ['tmdb_rating_source', 'dataset', 'mdblist'],
    ['imdb_rating_source', 'dataset', 'dataset'],
    ['logo_priority', 'native_text', 'native_text'],
    ['logo_priority', 'native,english,art,text', 'native_original'],
    ['original_art_source', 'top_rated', 'top_rated'],
  ])('enum %s=%j → %j', (name, raw, expected) => {
    expect(parsedValue(name, raw)).toBe(expected);
  });

  it('an unknown enum value keeps the default and says so', () => {
    expect(notes({ bar_style: 'neon' })).toEqual(['bar_style: unknown value "neon"; default frosted kept']);
  });

  it.each([
    ['ff8800', [255, 136, 0]],
    ['#FF8800', [255, 136, 0]],
    ['000000', [0, 0, 0]],
    ['FFFFFF', [255, 255, 255]],
    ['fff', null],
    ['red', null],
    ['GG0000', null],
    ['#ff88001', null],
  ])('colour %j → %j', (raw, expected) => {
    expect(style({ rating_text_color: raw }).ratingTextColor).toEqual(expected);
    expect(style({ sash_text_color: raw }).sashTextColor).toEqual(expected);
  });

  it.each([
    ['', 'white'],
    ['{score_glow_color}', 'white'],
    ['white', 'white'],
    ['match', 'match'],
    ['MATCH', 'match'],
    ['00ff00', [0, 255, 0]],
    ['#00FF00', [0, 255, 0]],
    ['blue', 'white'],
    ['0f0', 'white'],
  ])('glow colour %j → %j', (raw, expected) => {
    expect(style({ score_glow_color: raw }).scoreGlowColor).toEqual(expected);
  });

  const stop = (threshold: number, color: [number, number, number]) => ({ threshold, color });

  it.each([
    ['0:FF0000,50:FFFF00,85:00FF00', [stop(0, [255, 0, 0]), stop(50, [255, 255, 0]), stop(85, [0, 255, 0])]],
    ['0:FF0000;85:00FF00', [stop(0, [255, 0, 0]), stop(85, [0, 255, 0])]],
    ['0:FF0000\n85:00FF00', [stop(0, [255, 0, 0]), stop(85, [0, 255, 0])]],
    ['0:FF0000\r\n85:00ff00', [stop(0, [255, 0, 0]), stop(85, [0, 255, 0])]],
    [' 0 : #ff0000 , 85:#00FF00 ', [stop(0, [255, 0, 0]), stop(85, [0, 255, 0])]],
    ['85:00FF00,0:FF0000', [stop(0, [255, 0, 0]), stop(85, [0, 255, 0])]],
    ['70.5:0000FF', [stop(70.5, [0, 0, 255])]],
    ['150:FF0000,-5:00FF00', [stop(0, [0, 255, 0]), stop(100, [255, 0, 0])]],
    ['50:FF0000,50:00FF00', [stop(50, [0, 255, 0])]],
    ['0:FF0000,junk,60:zzzzzz,:00FF00,70:,80:0000FF', [stop(0, [255, 0, 0]), stop(80, [0, 0, 255])]],
    ['junk', null],
    ['50', null],
    [',,;;', null],
  ])('custom palette %j', (raw, expected) => {
    expect(style({ score_custom_palette: raw }).scoreCustomPalette).toEqual(expected);
  });

  it('palette notes name the dropped entries and clamps', () => {
    expect(notes({ score_custom_palette: '0:FF0000,junk,150:00FF00' })).toEqual([
      'score_custom_palette: entry "junk" ignored; threshold 150 clamped to 100',
    ]);
    expect(notes({ score_custom_palette: 'junk' })).toEqual([
      'score_custom_palette: no usable score:RRGGBB entry; entry "junk" ignored; default kept',
    ]);
  });

  it('a palette keeps at most 32 stops', () => {
    const raw = Array.from({ length: 50 }, (_, i) => `${i}:FF0000`).join(',');
    expect(style({ score_custom_palette: raw }).scoreCustomPalette).toHaveLength(32);
  });

  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['pt-BR', 'pt-br'],
    ['pt_BR', 'pt-br'],
    ['zh-Hant-TW', 'zh-hant-tw'],
    ['english!', 'en'],
    ['e', 'en'],
    ['en-', 'en'],
  ])('language %j → %j', (raw, expected) => {
    expect(style({ logo_language: raw }).language).toBe(expected);
  });

  it('secondary logo language: absent is null, a code is lower-cased', () => {
    expect(options({}).logoLanguageSecondary).toBeNull();
    expect(options({ logo_language_secondary: 'JA' }).logoLanguageSecondary).toBe('ja');
    expect(options({ logo_language_secondary: '??' }).logoLanguageSecondary).toBeNull();
  });

  it.each([
    ['movie_weights', 'letterboxd:0.5,trakt:0.5', { letterboxd: 0.5, trakt: 0.5 }],
    ['movie_weights', 'LETTERBOXD:1', { letterboxd: 1 }],
    ['movie_weights', 'imdb:2', { imdb: 1 }],
    ['movie_weights', 'letterboxd:0.333,tomatoes:0.667', { letterboxd: 0.33, tomatoes: 0.67 }],
    ['movie_weights', 'letterboxd:0.5,imdb:0', { letterboxd: 0.5 }],
    ['movie_weights', 'imdb:0', { imdb: 0 }],
    ['movie_weights', 'imdb:0,tmdb:0', { imdb: 0 }],
    ['movie_weights', 'bogus:1', null],
    ['movie_weights', 'letterboxd', null],
    ['movie_weights', 'letterboxd:0.9,bogus:1,trakt:x', { letterboxd: 0.9 }],
    ['tv_weights', 'trakt:1', { trakt: 1 }],
    ['tv_weights', 'letterboxd:1', null],
    ['anime_movie_weights', 'myanimelist:0.7,anilist:0.3', { myanimelist: 0.7, anilist: 0.3 }],
    ['anime_tv_weights', 'kitsu:1', { kitsu: 1 }],
    ['anime_tv_weights', 'rogerebert:1', null],
  ])('weights %s=%j → %j', (name, raw, expected) => {
    expect(parsedValue(name, raw)).toEqual(expected);
  });

  it('weights notes list the ignored entries', () => {
    expect(notes({ movie_weights: 'letterboxd:0.9,bogus:1' })).toEqual([
      'movie_weights: entry "bogus:1" ignored',
    ]);
    expect(notes({ tv_weights: 'letterboxd:1' })).toEqual([
      'tv_weights: no usable source:weight pair; entry "letterboxd:1" ignored; default trakt:0.8,tomatoes:0.2 kept',
    ]);
  });

  const withoutCult = DEFAULT_SASH_PRIORITY.filter((slot) => slot !== 'cult');

  it.each([
    ['default', DEFAULT_SASH_PRIORITY],
    ['default,-cult', withoutCult],
    ['wins,gg_wins,-cult', ['wins', 'gg_wins']],
    ['-wins', []],
    ['wins,structural', ['wins', 'short_film', 'mini_series', 'binge_ready']],
    ['wins,emmy_noms', ['wins', 'pic_noms']],
    ['garbage', DEFAULT_SASH_PRIORITY],
    ['wins,garbage', ['wins']],
  ])('sash_priority %j', (raw, expected) => {
    expect(options({ sash_priority: raw }).sashPriority).toEqual(expected);
  });

  it('sash_priority notes unknown slots', () => {
    expect(notes({ sash_priority: 'wins,garbage' })).toEqual([
      'sash_priority: unknown slots ignored: "garbage"',
    ]);
    expect(notes({ sash_priority: 'garbage' })[0]).toMatch(
      /^sash_priority: no known sash slot in "garbage"; default/,
    );
  });

  it.each([
    ['fallback_to_imdb', 'true', true],
    ['release_status_cinema_only', '1', true],
    ['release_status_dates', 'false', false],
    ['use_original_art', 'yes', true],
  ])('option flag %s=%j → %j', (name, raw, expected) => {
    expect(parsedValue(name, raw)).toBe(expected);
  });
});

describe('parsePosterParams: aliases and legacy spellings', () => {
  it('combined_badge_min_score is badge_min_score', () => {
    expect(style({ combined_badge_min_score: '5' }).badgeMinScore).toBe(5);
  });

  it('badge_min_score wins over its alias, with a note', () => {
    const parsed = parsePosterParams({ badge_min_score: '3', combined_badge_min_score: '5' });
    expect(parsed.style.badgeMinScore).toBe(3);
    expect(parsed.notes).toEqual(['combined_badge_min_score ignored: badge_min_score is given']);
  });

  it.each([
    [{ vignette_poster_color: 'true' }, true, true],
    [{ vignette_poster_color: 'false' }, false, false],
    [{ vignette_poster_color: 'true', vignette_poster_color_top: 'false' }, false, true],
    [{ vignette_poster_color: 'false', vignette_poster_color_bottom: 'true' }, false, true],
    [{ vignette_poster_color_bottom: 'true' }, false, true],
  ])('vignette_poster_color %j → top %j, bottom %j', (query, top, bottom) => {
    const s = style(query);
    expect([s.vignettePosterColorTop, s.vignettePosterColorBottom]).toEqual([top, bottom]);
  });

  it.each([
    ['true', 'high'],
    ['false', 'off'],
    ['FALSE', 'off'],
    ['1', 'high'],
    ['0', 'off'],
    ['low', 'low'],
  ])('top_gradient=%j → %j (bottom_gradient too)', (raw, expected) => {
    expect(style({ top_gradient: raw }).topGradient).toBe(expected);
    expect(style({ bottom_gradient: raw }).bottomGradient).toBe(expected);
  });

  it.each([
    [{ show_award_sash: 'false' }, 'hidden'],
    [{ show_award_sash: 'true' }, 'sash'],
    [{ show_award_sash: 'false', sash_mode: 'notch' }, 'notch'],
    [{ show_award_sash: 'false', sash_mode: 'bogus' }, 'hidden'],
    [{ sash_badge: 'true' }, 'notch'],
    [{ sash_badge: 'false' }, 'sash'],
    [{ sash_badge: 'true', sash_mode: 'sash' }, 'sash'],
    [{ sash_badge: 'true', show_award_sash: 'false' }, 'hidden'],
    [{ sash_badge: 'true', show_award_sash: 'true' }, 'notch'],
  ])('sash legacy %j → %s', (query, expected) => {
    expect(style(query).sashMode).toBe(expected);
  });

  it.each([
    [{ show_quality_badges: 'true' }, 1],
    [{ show_quality_badges: 'false' }, 0],
    [{ show_quality_badges: 'true', badge_display_mode: '5' }, 5],
    [{ show_quality_badges: 'false', badge_display_mode: '4' }, 4],
    [{ show_quality_badges: 'true', badge_display_mode: 'junk' }, 1],
    [{ show_quality_badges: '{show_quality_badges}' }, 4],
  ])('show_quality_badges %j → badge_display_mode %i', (query, expected) => {
    expect(style(query).badgeDisplayMode).toBe(expected);
  });

  it.each([
    [{ logo_native_fallback: 'true' }, 'native_original'],
    [{ logo_native_fallback: 'false' }, 'native_text'],
    [{ logo_native_fallback: 'false', logo_priority: 'original_native' }, 'original_native'],
  ])('logo_native_fallback %j → %s', (query, expected) => {
    expect(options(query).logoPriority).toBe(expected);
  });

  it('legacy parameters are known: no unknown-parameter notes', () => {
    expect(notes(Object.fromEntries(LEGACY_PARAMS.map((legacy) => [legacy.name, 'true'])))).toEqual([]);
  });
});

describe('primary_client insets', () => {
  it.each(PRIMARY_CLIENTS.map((client) => [client, PRIMARY_CLIENT_INSETS[client]] as const))(
    '%s sets the default insets',
    (client, insets) => {
      const s = style({ primary_client: client });
      expect(s.barBottomInset).toBe(insets.barBottomInset);
      expect(s.notchInset).toBe(insets.notchInset);
    },
  );

  it('stremio_desktop_web moves the bar and the notch inwards (reference §3.5)', () => {
    const s = style({ primary_client: 'stremio_desktop_web' });
    expect([s.barBottomInset, s.notchInset]).toEqual([0.007, 0.004]);
  });

  it.each([
    [{ primary_client: 'stremio_desktop_web', bar_bottom_inset: '0' }, 0, 0.004],
    [{ primary_client: 'stremio_desktop_web', sash_badge_inset: '0' }, 0.007, 0],
    [
      { primary_client: 'stremio_desktop_web', bar_bottom_inset: '0.05', sash_badge_inset: '-0.01' },
      0.05,
      -0.01,
    ],
    [{ primary_client: 'plex', bar_bottom_inset: '0.02' }, 0.02, 0],
    [{ primary_client: 'stremio_desktop_web', bar_bottom_inset: 'junk' }, 0.007, 0.004],
    [{ primary_client: 'stremio_desktop_web', bar_bottom_inset: '5' }, 0.1, 0.004],
  ])('explicit insets win: %j', (query, bar, notch) => {
    const s = style(query);
    expect([s.barBottomInset, s.notchInset]).toEqual([bar, notch]);
  });

  it('an unknown client keeps the default profile, with a note', () => {
    const parsed = parsePosterParams({ primary_client: 'roku' });
    expect(parsed.options.primaryClient).toBe('stremio_tv_nuvio');
    expect(parsed.style.barBottomInset).toBe(0);
    expect(parsed.notes).toEqual(['primary_client: unknown value "roku"; default stremio_tv_nuvio kept']);
  });

  it('URL shrinking omits an inset equal to the client default, keeps one that overrides it', () => {
    const desktop = parsePosterParams({ primary_client: 'stremio_desktop_web' });
    expect(serializePosterParams(desktop.style, desktop.options).toString()).toBe(
      'primary_client=stremio_desktop_web',
    );
    const zeroed = parsePosterParams({ primary_client: 'stremio_desktop_web', bar_bottom_inset: '0' });
    const params = serializePosterParams(zeroed.style, zeroed.options);
    expect(params.get('bar_bottom_inset')).toBe('0');
    expect(parsePosterParams(Object.fromEntries(params)).style).toEqual(zeroed.style);
  });
});

describe('serializePosterParams', () => {
  it('the default style shrinks to nothing', () => {
    expect(serializePosterParams(defaultStyle(), defaultOptions(), { omitDefaults: true }).toString()).toBe(
      '',
    );
  });

  it('without omission writes every parameter that has a spelling, and reads back the same', () => {
    const params = serializePosterParams(defaultStyle(), defaultOptions(), { omitDefaults: false });
    const written = [...params.keys()];
    const expected = POSTER_PARAMS.filter((spec) => spec.encode(spec.default) !== '').map(
      (spec) => spec.name,
    );
    expect(written).toEqual(expected);
    expect(parsePosterParams(Object.fromEntries(params))).toEqual({
      style: defaultStyle(),
      options: defaultOptions(),
      notes: [],
    });
  });

  it('writes canonical spellings', () => {
    const parsed = parsePosterParams({
      rating_text_color: '#ff8800',
      score_glow_color: 'MATCH',
      score_custom_palette: '85:00ff00;0:ff0000',
      movie_weights: 'LETTERBOXD:0.999,imdb:0',
      top_gradient: 'false',
      hide_genre: 'yes',
      logo_language: 'pt_BR',
    });
    expect(Object.fromEntries(serializePosterParams(parsed.style, parsed.options))).toEqual({
      logo_language: 'pt-br',
      score_custom_palette: '0:FF0000,85:00FF00',
      score_glow_color: 'match',
      rating_text_color: 'FF8800',
      hide_genre: 'true',
      movie_weights: 'letterboxd:1',
      top_gradient: 'off',
    });
  });

  it('writes sash_priority in the shorter of full and diff form', () => {
    const remove = { ...defaultOptions(), sashPriority: DEFAULT_SASH_PRIORITY.filter((s) => s !== 'cult') };
    expect(serializePosterParams(defaultStyle(), remove).get('sash_priority')).toBe('default,-cult');
    const short = { ...defaultOptions(), sashPriority: ['wins' as const, 'festival' as const] };
    expect(serializePosterParams(defaultStyle(), short).get('sash_priority')).toBe('wins,festival');
    const none = { ...defaultOptions(), sashPriority: [] };
    expect(serializePosterParams(defaultStyle(), none).get('sash_priority')).toBe('-wins');
  });

  it('a gallery preset query round-trips through parse → serialize → parse', () => {
    const preset = {
      primary_client: 'stremio_tv_nuvio',
      top_vignette_sash_only: 'true',
      fallback_to_imdb: 'true',
      imdb_rating_source: 'fallback',
      tmdb_rating_source: 'fallback',
      movie_weights: 'letterboxd:0.99,trakt:0.01',
      tv_weights: 'trakt:0.80,tomatoes:0.20',
      fallback_bg_style: 'photoreal',
      logo_max_h_ratio: '0.20',
      logo_bottom_anchor: 'true',
      badge_display_mode: '0',
      rating_display_mode: '2',
      numeric_score_font_size_ratio: '0.090',
      numeric_score_y_offset: '0.91',
      frost_reference: 'true',
      logo_bottom_ratio: '0.21',
      sash_mode: 'notch',
      sash_badge_size_w: '1.80',
      sash_badge_size_h: '1.20',
      sash_badge_inset: '0.000',
      sash_badge_font_ratio: '0.46',
    };
    const first = parsePosterParams(preset);
    expect(first.notes).toEqual([]);
    const again = parsePosterParams(Object.fromEntries(serializePosterParams(first.style, first.options)));
    expect(again).toEqual(first);
  });
});

describe('paramDefaults', () => {
  const described = paramDefaults();

  it('describes every parameter in table order, JSON-safe', () => {
    expect(described.map((d) => d.name)).toEqual(POSTER_PARAMS.filter((s) => !s.perTitle).map((s) => s.name));
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
  });

  it('gives defaults in query-string form', () => {
    const byName = new Map(described.map((d) => [d.name, d]));
    expect(byName.get('rating_display_mode')).toMatchObject({
      kind: 'integer',
      default: '1',
      min: 0,
      max: 4,
    });
    expect(byName.get('cinema_greyscale')).toMatchObject({ kind: 'boolean', default: 'true' });
    expect(byName.get('bar_style')).toMatchObject({ kind: 'enum', default: 'frosted', group: 'Rating' });
    expect(byName.get('score_glow_color')).toMatchObject({ kind: 'color', default: '' });
    expect(byName.get('bar_height_ratio')).toMatchObject({ default: '0.08', min: 0.04, max: 0.2 });
    expect(byName.get('badge_min_score')).toMatchObject({ aliases: ['combined_badge_min_score'] });
    expect(byName.get('sash_priority')?.default).toBe(DEFAULT_SASH_PRIORITY.join(','));
  });

  it('gives the inset defaults per primary_client', () => {
    const byName = new Map(described.map((d) => [d.name, d]));
    expect(byName.get('bar_bottom_inset')?.clientDefaults).toEqual({
      stremio_tv_nuvio: '0',
      stremio_desktop_web: '0.007',
      plex: '0',
      jellyfin: '0',
    });
    expect(byName.get('sash_badge_inset')?.clientDefaults?.stremio_desktop_web).toBe('0.004');
    expect(described.filter((d) => d.clientDefaults !== undefined).map((d) => d.name)).toEqual([
      'bar_bottom_inset',
      'sash_badge_inset',
    ]);
  });

  it('names no transport parameter', () => {
    for (const d of described) expect(TRANSPORT_PARAMS).not.toContain(d.name);
  });
});

describe('per-title parameters: quality, season, episode', () => {
  it('quality= reads the reference tokens, folds spellings, drops unknown ones', () => {
    expect(options({ quality: '4K,REMUX,DV,ATMOS' }).qualityTokens).toEqual(['4K', 'REMUX', 'DV', 'ATMOS']);
    expect(options({ quality: 'web-dl, 2160p ,HDR,bogus' }).qualityTokens).toEqual(['4K', 'WEBDL', 'HDR10']);
    expect(options({}).qualityTokens).toBeNull();
  });

  it('a quality= with no known token means "no quality", with a note (never "ask the source")', () => {
    const parsed = parsePosterParams({ quality: 'CAM' });
    expect(parsed.options.qualityTokens).toEqual([]);
    expect(parsed.notes.join(' ')).toContain('no known quality token');
    expect(options({ quality: 'none' }).qualityTokens).toEqual([]);
  });

  it('season and episode default to 1 and are clamped integers', () => {
    expect(options({})).toMatchObject({ season: 1, episode: 1 });
    expect(options({ season: '3', episode: '7' })).toMatchObject({ season: 3, episode: 7 });
    expect(options({ season: '-2', episode: '100000' })).toMatchObject({ season: 0, episode: 999 });
  });

  it('are rows of the table, yet never offered by the configurator nor written into a look URL', () => {
    for (const name of ['quality', 'season', 'episode']) {
      expect(paramSpec(name)?.perTitle).toBe(true);
      expect(TRANSPORT_PARAMS).not.toContain(name);
      expect(paramDefaults().map((row) => row.name)).not.toContain(name);
    }
    expect(PER_TITLE_PARAMS).toEqual(['quality', 'season', 'episode']);
  });

  it('round-trip like every row (the stored replay parameters keep them)', () => {
    const parsed = parsePosterParams({ quality: '4K,DV', season: '2', episode: '5' });
    const written = serializePosterParams(parsed.style, parsed.options);
    expect(written.get('quality')).toBe('4K,DV');
    expect(parsePosterParams(Object.fromEntries(written)).options).toEqual(parsed.options);
    const none = parsePosterParams({ quality: 'none' }).options;
    expect(
      parsePosterParams(Object.fromEntries(serializePosterParams(defaultStyle(), none))).options,
    ).toEqual(none);
  });
});
