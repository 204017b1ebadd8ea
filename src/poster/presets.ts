/**
 * Named looks of the anonymous public tier, `/p/{preset}/{type}/{imdb_id}.jpg`.
 *
 * A preset is DATA: an id, a name, a description and the `/poster` query string it stands for. The
 * query goes through the same `parsePosterParams` as `/poster`, so `/p/clean_notch/movie/tt…` and the
 * `/poster` URL with that query share one composite (one render, one ETag).
 *
 * An id is a public URL that lives in addon configurations we do not control, so ids are never deleted
 * and their look never silently changes: a look that leaves the gallery is marked `retired` (still
 * resolvable, no longer advertised by /server-caps). Pure.
 */
import { type ParsedPosterParams, parsePosterParams } from './params.ts';

export interface Preset {
  /** Public, permanent: the `{preset}` path segment. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The `/poster` style query this preset renders (identity and keys come from the route, never here). */
  readonly query: string;
  /** Kept resolvable for old URLs, left out of the catalogue. */
  readonly retired: boolean;
}

const q = (...parts: string[]) => parts.filter(Boolean).join('&');

// The current gallery (upstream v1.2.0 looks) shares its rating sources, weights and logo placement.
const GALLERY_BASE = q(
  'primary_client=stremio_tv_nuvio',
  'top_vignette_sash_only=true',
  'fallback_to_imdb=true',
  'imdb_rating_source=fallback',
  'tmdb_rating_source=fallback',
  'movie_weights=letterboxd:0.99,trakt:0.01',
  'tv_weights=trakt:0.80,tomatoes:0.20',
  'fallback_bg_style=photoreal',
  'logo_max_h_ratio=0.20',
  'logo_bottom_anchor=true',
  'badge_display_mode=0',
);
const NOTCH = q(
  'sash_mode=notch',
  'sash_badge_size_w=1.80',
  'sash_badge_size_h=1.20',
  'sash_badge_inset=0.000',
  'sash_badge_font_ratio=0.46',
);
const SASH = q('sash_length_ratio=1.20', 'sash_height_ratio=0.135');
const TINTED_MINI = q(
  'top_gradient=medium',
  'bottom_gradient=medium',
  'vignette_poster_color_bottom=true',
  'vignette_color_local=false',
  'rating_display_mode=3',
  'minimalist_mode_font_size_ratio=0.060',
  'minimalist_mode_font_x_offset=0.065',
  'rating_text_color=FFFFFF',
  'logo_bottom_ratio=0.17',
);
const BAR = q(
  'top_gradient=medium',
  'bottom_gradient=medium',
  'rating_display_mode=4',
  'frost_reference=true',
  'bar_bottom_inset=0.000',
  'logo_bottom_ratio=0.17',
);
const RATING_BAR = q('top_gradient=medium', 'frost_reference=true', 'logo_bottom_ratio=0.23');
const CLEAN = q(
  'top_gradient=medium',
  'rating_display_mode=2',
  'frost_reference=true',
  'numeric_score_font_size_ratio=0.090',
  'numeric_score_y_offset=0.91',
  'logo_bottom_ratio=0.21',
);

// Retired v1.1.0 looks: their full old parameter sets, legacy spellings and sash tokens included.
const V11_WEIGHTS = q(
  'movie_weights=letterboxd:0.99,trakt:0.01,tomatoes:0.00,popcorn:0.00,imdb:0.00,metacritic:0.00,metacriticuser:0.00,tmdb:0.00,rogerebert:0.00,myanimelist:0.00',
  'tv_weights=trakt:0.80,tomatoes:0.20,popcorn:0.00,imdb:0.00,metacritic:0.00,metacriticuser:0.00,tmdb:0.00,myanimelist:0.00',
);
const V11_LOGO = q(
  'textless=false',
  'original_art_source=primary',
  'logo_language=en',
  'logo_priority=native_original',
  'fallback_bg_style=photoreal',
  'logo_max_w_ratio=0.75',
  'logo_max_h_ratio=0.25',
  'logo_bottom_ratio=0.28',
);
const V11_SASH_PRIORITY =
  'sash_priority=wins,gg_wins,festival,pic_noms,gg_noms,studio,director,cast,trending,cult,foreign,new_release,metacritic,true_story,structural,release_status';
const V11_STATUS = q('cinema_greyscale=true', 'release_status_cinema_only=true');
const V11_SCORE_BAR = q(
  'rating_display_mode=1',
  'accent_bar_font_size_ratio=0.080',
  'accent_bar_y_offset=0.90',
  'accent_bar_append_mode=0',
  'accent_bar_bottom_ratio=0.040',
  'score_glow_threshold=85',
  'score_glow_blur=1',
  'score_glow_alpha=40',
);
const V11_BADGES = q('badge_anchor_x=0.060', 'badge_anchor_y=0.045', 'badge_min_score=5');
const V11_NOTCH = q(
  'sash_badge_style=frosted',
  'sash_badge_size_w=1.40',
  'sash_badge_size_h=1.20',
  'sash_badge_font_ratio=0.43',
  'sash_badge_frost_opacity=0.75',
);
const V11_MINI = q(
  'primary_client=stremio_tv_nuvio',
  'top_gradient=medium',
  'bottom_gradient=high',
  'fallback_to_imdb=true',
  'rating_display_mode=3',
  'score_color_mode=0',
  'minimalist_append_mode=0',
  'minimalist_mode_font_size_ratio=0.056',
  'minimalist_mode_font_x_offset=0.065',
  'minimalist_mode_font_y_offset=0.920',
  V11_WEIGHTS,
  V11_LOGO,
  'sash_mode=sash',
  'cinema_greyscale_skip_if_available=false',
  V11_STATUS,
  'muted=false',
  'sash_poster_color=false',
  'sash_length_ratio=1.15',
  'sash_height_ratio=0.120',
  V11_SASH_PRIORITY,
);
const V11_FROSTED_BAR = q(
  'fallback_to_imdb=true',
  'rating_display_mode=4',
  'bar_score_out_of_10=false',
  'bar_height_ratio=0.080',
  'bar_font_size_ratio=0.55',
  'bar_frost_opacity=0.85',
  V11_WEIGHTS,
  V11_LOGO,
  V11_SASH_PRIORITY,
  'badge_display_mode=0',
  V11_STATUS,
);

// The hosting fork's six public presets (its phase-11 names, published in /p URLs since). Their last
// definitions all sit on one public base — quality badges in tier-accent-bar mode (4) from cached tokens
// only, award sash on — and each changes what its name promises. Written as full key=value sets (later
// keys win) so a test can pin each one exactly: changing a published look must be a visible act.
const PUBLIC_BASE = { badge_display_mode: '4', show_award_sash: 'true' };
const publicQuery = (values: Record<string, string>) =>
  new URLSearchParams({ ...PUBLIC_BASE, ...values }).toString();
/** Prestige first and festivals before commercial awards, then the curated-taste slots. */
const CINEPHILE_PRIORITY =
  'festival,wins,pic_noms,gg_wins,gg_noms,metacritic,director,studio,cast,cult,foreign,true_story,trending,trending_broad,premiere,new_release,just_added,new_season,season_finale,short_film,mini_series,binge_ready,returning,airing,cancelled,ended,physical,streaming,cinema,production';

export const PRESETS: readonly Preset[] = [
  {
    id: 'tinted_mini_notch',
    name: 'Tinted Minimalist Notch',
    description:
      'A poster-tinted bottom band with the minimalist strip (score colour, genre, year) and a matching notch for the headline fact.',
    query: q(GALLERY_BASE, TINTED_MINI, NOTCH, 'notch_vignette_color=true'),
    retired: false,
  },
  {
    id: 'tinted_mini_sash',
    name: 'Tinted Minimalist Sash',
    description:
      'A poster-tinted bottom band with the minimalist strip and a diagonal sash coloured by the kind of fact it shows.',
    query: q(GALLERY_BASE, TINTED_MINI, SASH),
    retired: false,
  },
  {
    id: 'bar_notch',
    name: 'Bar with matching notch',
    description: 'A frosted rating bar and a notch, both taking the colour of the poster.',
    query: q(GALLERY_BASE, BAR, NOTCH),
    retired: false,
  },
  {
    id: 'bar_sash',
    name: 'Bar with matching sash',
    description: 'A frosted rating bar and a diagonal sash, both taking the colour of the poster.',
    query: q(GALLERY_BASE, BAR, 'sash_poster_color=true', SASH),
    retired: false,
  },
  {
    id: 'ratingbar_notch',
    name: 'Rating Bar with Notch',
    description:
      'A score bar coloured by the rating, readable at a glance, with a notch in the poster’s colour on top.',
    query: q(GALLERY_BASE, RATING_BAR, NOTCH),
    retired: false,
  },
  {
    id: 'ratingbar_sash',
    name: 'Rating Bar with Sash',
    description: 'A score bar coloured by the rating, with a diagonal sash coloured by the kind of fact.',
    query: q(GALLERY_BASE, RATING_BAR, SASH),
    retired: false,
  },
  {
    id: 'clean_notch',
    name: 'Clean Notch',
    description: 'Plain genre and score text, with a notch in the poster’s colour on top.',
    query: q(GALLERY_BASE, CLEAN, NOTCH),
    retired: false,
  },
  {
    id: 'clean_sash',
    name: 'Clean Sash',
    description: 'Plain genre and score text, with a diagonal sash coloured by the kind of fact.',
    query: q(GALLERY_BASE, CLEAN, SASH),
    retired: false,
  },
  {
    id: 'mini_sash_oa',
    name: 'Original Art – Mini & Sash',
    description:
      'The title’s original poster (text and all) with a minimalist strip and a sash that keep out of its way.',
    query: q(
      GALLERY_BASE,
      'top_gradient=low',
      'bottom_gradient=medium',
      'rating_display_mode=3',
      'minimalist_mode_font_size_ratio=0.060',
      'minimalist_mode_font_x_offset=0.065',
      'use_original_art=true',
      'logo_bottom_ratio=0.23',
      SASH,
    ),
    retired: false,
  },
  {
    id: 'bar_notch_oa',
    name: 'Original Art – Bar & Notch',
    description:
      'The title’s original poster (text and all) with a frosted bar and a notch that keep out of its way.',
    query: q(
      GALLERY_BASE,
      'top_gradient=medium',
      'bottom_gradient=low',
      'rating_display_mode=4',
      'frost_reference=true',
      'bar_bottom_inset=0.000',
      'use_original_art=true',
      'logo_bottom_ratio=0.23',
      NOTCH,
    ),
    retired: false,
  },

  // ---- the hosting fork's public presets: published URLs, listed after the gallery ----
  {
    id: 'default',
    name: 'Default',
    description: 'The configurator’s own defaults: score bar, diagonal sash and quality accent bar.',
    query: publicQuery({}),
    retired: false,
  },
  {
    id: 'awards',
    name: 'Awards',
    description: 'The award sash up front (muted), no score and no quality badge.',
    query: publicQuery({ rating_display_mode: '0', badge_display_mode: '0', muted: 'true' }),
    retired: false,
  },
  {
    id: 'minimalist',
    name: 'Minimalist',
    description: 'Textless art with a small genre and year strip: no score bar, sash or badge.',
    query: publicQuery({
      rating_display_mode: '3',
      minimalist_mode_font_size_ratio: '0.045',
      badge_display_mode: '0',
      show_award_sash: 'false',
      textless: 'true',
    }),
    retired: false,
  },
  {
    id: 'letterboxd',
    name: 'Letterboxd',
    description: 'A plain numeric score weighted on Letterboxd, with no sash and no badge.',
    query: publicQuery({
      rating_display_mode: '2',
      movie_weights: 'letterboxd:1.00',
      badge_display_mode: '0',
      show_award_sash: 'false',
    }),
    retired: false,
  },
  {
    id: 'cinephile',
    name: 'Cinephile',
    description: 'Festival prizes before commercial awards on a muted sash, with the metal score palette.',
    query: publicQuery({ sash_priority: CINEPHILE_PRIORITY, muted: 'true', score_color_mode: '2' }),
    retired: false,
  },
  {
    id: 'quality',
    name: 'Quality',
    description:
      'Score bar plus the stream-quality accent bar from cached tokens (on the public base, the default look).',
    query: publicQuery({ rating_display_mode: '1', badge_display_mode: '4' }),
    retired: false,
  },

  // ---- retired (v1.1.0 gallery): resolvable forever, never advertised ----
  {
    id: 'prestige_rating_bar',
    name: 'Prestige Rating Bar',
    description: 'Retired v1.1 look: metal-coloured score bar, diagonal sash, combined quality badge.',
    query: q(
      'primary_client=stremio_tv_nuvio',
      'top_gradient=medium',
      'bottom_gradient=high',
      'fallback_to_imdb=true',
      V11_SCORE_BAR,
      'score_color_mode=2',
      V11_WEIGHTS,
      'use_original_art=false',
      V11_LOGO,
      'sash_mode=sash',
      'cinema_greyscale_skip_if_available=false',
      V11_STATUS,
      'muted=false',
      'sash_poster_color=false',
      'sash_length_ratio=1.20',
      'sash_height_ratio=0.135',
      V11_SASH_PRIORITY,
      'badge_display_mode=5',
      'badge_height=28',
      V11_BADGES,
    ),
    retired: true,
  },
  {
    id: 'light_rating_bar',
    name: 'Light Rating Bar',
    description: 'Retired v1.1 look: four-band score bar, frosted notch, tier accent bar.',
    query: q(
      'primary_client=stremio_tv_nuvio',
      'top_gradient=medium',
      'bottom_gradient=high',
      'fallback_to_imdb=true',
      V11_SCORE_BAR,
      'score_color_mode=0',
      V11_WEIGHTS,
      'use_original_art=false',
      V11_LOGO,
      'sash_mode=notch',
      'cinema_greyscale_skip_if_available=false',
      V11_STATUS,
      V11_NOTCH,
      V11_SASH_PRIORITY,
      'badge_display_mode=4',
      'badge_height=20',
      V11_BADGES,
    ),
    retired: true,
  },
  {
    id: 'mini',
    name: 'Minimalist',
    description: 'Retired v1.1 look: minimalist strip, diagonal sash, combined quality badge.',
    query: q(V11_MINI, 'use_original_art=false', 'badge_display_mode=5', 'badge_height=28', V11_BADGES),
    retired: true,
  },
  {
    id: 'frosted_notch',
    name: 'Frosted Notch',
    description: 'Retired v1.1 look: frosted bar with a matching frosted notch.',
    query: q(
      'top_gradient=medium',
      'bottom_gradient=high',
      'bar_style=frosted',
      'bar_append=rating_year',
      'bar_match_notch=true',
      V11_FROSTED_BAR,
      'use_original_art=false',
      'show_award_sash=true',
      'sash_badge=true',
      V11_NOTCH,
    ),
    retired: true,
  },
  {
    id: 'black_rating_bar_light_notch',
    name: 'Black Rating Bar, Light Notch',
    description: 'Retired v1.1 look: black bar with a palette accent and a frosted notch.',
    query: q(
      'top_gradient=medium',
      'bottom_gradient=high',
      'bar_style=rating_black',
      'bar_accent=palette_0',
      'bar_append=rating_year',
      V11_FROSTED_BAR,
      'use_original_art=false',
      'show_award_sash=true',
      'sash_badge=true',
      V11_NOTCH,
    ),
    retired: true,
  },
  {
    id: 'black_rating_bar_oa',
    name: 'Black Rating Bar, Original Art',
    description: 'Retired v1.1 look: original art, black bar with a palette accent, diagonal sash.',
    query: q(
      'top_gradient=off',
      'bottom_gradient=low',
      'bar_style=rating_black',
      'bar_accent=palette_0',
      'bar_append=rating_year',
      V11_FROSTED_BAR,
      'use_original_art=true',
      'show_award_sash=true',
      'sash_badge=false',
      'muted=false',
      'sash_length_ratio=1.15',
      'sash_height_ratio=0.120',
    ),
    retired: true,
  },
  {
    id: 'frosted_rating_bar_oa',
    name: 'Frosted Rating Bar, Original Art',
    description: 'Retired v1.1 look: original art, frosted bar carrying the sash text, no sash.',
    query: q(
      'top_gradient=off',
      'bottom_gradient=low',
      'bar_style=rating_frosted',
      'bar_accent=silver',
      'bar_append=sash',
      V11_FROSTED_BAR,
      'use_original_art=true',
      'show_award_sash=false',
    ),
    retired: true,
  },
  {
    id: 'mini_oa',
    name: 'Minimalist, Original Art',
    description: 'Retired v1.1 look: original art with the minimalist strip and a diagonal sash.',
    query: q(V11_MINI, 'use_original_art=true', 'badge_display_mode=0'),
    retired: true,
  },
];

const BY_ID: ReadonlyMap<string, Preset> = new Map(PRESETS.map((preset) => [preset.id, preset]));

/** The preset of a path segment (a Map: `__proto__` or `constructor` are just unknown ids). */
export function findPreset(id: string): Preset | undefined {
  return BY_ID.get(id);
}

/** The advertised gallery: current presets in gallery order (the first is the configurator default). */
export function presetCatalogue(): Preset[] {
  return PRESETS.filter((preset) => !preset.retired);
}

const parsed = new Map<string, ParsedPosterParams>();

/** The style a preset renders, parsed once. Callers get a fresh copy: styles are plain mutable objects. */
export function presetParams(preset: Preset): ParsedPosterParams {
  let value = parsed.get(preset.id);
  if (!value) {
    value = parsePosterParams(Object.fromEntries(new URLSearchParams(preset.query)));
    parsed.set(preset.id, value);
  }
  return structuredClone(value);
}
