/**
 * The typed, already-clamped style of one poster: every style parameter (docs/PARAMETERS.md) that the
 * render engine draws. The poster API parses query strings into this shape (with the clamps below);
 * the renderer trusts it. Shared type only: this module imports nothing.
 *
 * Ratios are fractions of the canvas width (W) or height (H) as noted; colours are 0–255 RGB triples.
 */

export type Rgb = readonly [number, number, number];

export const RATING_DISPLAY_MODES = [0, 1, 2, 3, 4] as const;
export type RatingDisplayMode = (typeof RATING_DISPLAY_MODES)[number];

export const SCORE_COLOR_MODES = [0, 1, 2, 3] as const;
export type ScoreColorMode = (typeof SCORE_COLOR_MODES)[number];

/** One stop of a custom score palette: a score takes the colour of the highest threshold ≤ score. */
export interface PaletteStop {
  threshold: number;
  color: Rgb;
}

export const ACCENT_BAR_APPEND_MODES = [0, 1, 2] as const; // 0 year, 1 sash text, 2 year + sash
export type AccentBarAppendMode = (typeof ACCENT_BAR_APPEND_MODES)[number];

export const MINIMALIST_APPEND_MODES = [0, 1, 2, 3] as const; // 0 year, 1 rating, 2 year+rating, 3 split
export type MinimalistAppendMode = (typeof MINIMALIST_APPEND_MODES)[number];

export const MINIMALIST_SEPARATORS = ['pip', 'bullet'] as const;
export type MinimalistSeparator = (typeof MINIMALIST_SEPARATORS)[number];
export const MINIMALIST_RATING_SEPARATORS = ['pip', 'bullet', 'star'] as const;
export type MinimalistRatingSeparator = (typeof MINIMALIST_RATING_SEPARATORS)[number];

export const BAR_STYLES = [
  'frosted',
  'pure_black',
  'silver',
  'gold',
  'rating_black',
  'rating_frosted',
] as const;
export type BarStyle = (typeof BAR_STYLES)[number];
export const BAR_ACCENTS = [
  'silver',
  'gold',
  'sample',
  'palette_0',
  'palette_1',
  'palette_2',
  'palette_custom',
] as const;
export type BarAccent = (typeof BAR_ACCENTS)[number];
export const BAR_APPENDS = ['rating_year', 'rating', 'year', 'sash'] as const;
export type BarAppend = (typeof BAR_APPENDS)[number];

export const GRADIENT_LEVELS = ['off', 'low', 'medium', 'high', 'custom'] as const;
export type GradientLevel = (typeof GRADIENT_LEVELS)[number];

/** Glow colour of the score bar: default white, the bar's own colour, or an explicit colour. */
export type ScoreGlowColor = 'white' | 'match' | Rgb;

export const SASH_MODES = ['hidden', 'sash', 'notch'] as const;
export type SashMode = (typeof SASH_MODES)[number];
export const NOTCH_STYLES = ['frosted', 'silver', 'gold', 'black'] as const;
export type NotchStyle = (typeof NOTCH_STYLES)[number];

export const BADGE_DISPLAY_MODES = [0, 1, 2, 3, 4, 5, 6] as const;
export type BadgeDisplayMode = (typeof BADGE_DISPLAY_MODES)[number];
export const BADGE_POSITIONS = ['top_left', 'top_right', 'logo'] as const;
export type BadgePosition = (typeof BADGE_POSITIONS)[number];

export const FALLBACK_BG_STYLES = ['minimal', 'photoreal'] as const;
export type FallbackBgStyle = (typeof FALLBACK_BG_STYLES)[number];

export interface PosterStyle {
  /** Label language (logo_language): en, es, fr, it, pt, pt-br, de; anything else falls back to en. */
  language: string;

  // §3.3 score display
  ratingDisplayMode: RatingDisplayMode;
  scoreColorMode: ScoreColorMode;
  scoreCustomPalette: readonly PaletteStop[] | null;
  accentBarFontSizeRatio: number;
  accentBarYOffset: number;
  accentBarAppendMode: AccentBarAppendMode;
  accentBarBottomRatio: number;
  numericScoreFontSizeRatio: number;
  numericScoreYOffset: number;
  scoreOutOf10: boolean;
  scoreGlowThreshold: number;
  scoreGlowBlur: number;
  scoreGlowAlpha: number;
  scoreGlowColor: ScoreGlowColor;
  minimalistFontSizeRatio: number;
  minimalistXOffset: number;
  minimalistYOffset: number;
  minimalistAppendMode: MinimalistAppendMode;
  minimalistScoreOutOf10: boolean;
  minimalistCenter: boolean;
  minimalistSeparator: MinimalistSeparator;
  minimalistRatingSeparator: MinimalistRatingSeparator;
  barHeightRatio: number;
  barFontSizeRatio: number;
  barFrostOpacity: number;
  barFrostSaturation: number;
  barBottomInset: number;
  barStyle: BarStyle;
  barAccent: BarAccent;
  barScoreOutOf10: boolean;
  barAppend: BarAppend;
  frostReference: boolean;
  ratingTextColor: Rgb | null;
  hideGenre: boolean;

  // §3.4 colours, vignettes
  topGradient: GradientLevel;
  bottomGradient: GradientLevel;
  /** Used when the level is custom: alpha fraction 0–1. */
  topGradientOpacity: number | null;
  /** Used when the level is custom: fraction of H. */
  topGradientHeight: number | null;
  bottomGradientOpacity: number | null;
  bottomGradientHeight: number | null;
  topVignetteSashOnly: boolean;
  vignettePosterColorTop: boolean;
  vignettePosterColorBottom: boolean;
  vignetteColorSaturation: number;
  vignetteColorLightness: number;
  vignetteColorBlur: number;
  vignetteColorRamp: boolean;
  vignetteColorLocal: boolean;
  notchVignetteColor: boolean;
  cinemaGreyscale: boolean;
  cinemaGreyscaleSkipIfAvailable: boolean;
  greyscaleNoQuality: boolean;
  waitForQuality: boolean;
  muted: boolean;

  // §3.5 sash / notch
  sashMode: SashMode;
  sashPosterColor: boolean;
  sashLengthRatio: number;
  sashHeightRatio: number;
  sashWinnerStar: boolean;
  sashTextColor: Rgb | null;
  notchStyle: NotchStyle;
  notchSizeW: number;
  notchSizeH: number;
  notchInset: number;
  notchPad: number;
  notchFontRatio: number;
  notchFrostOpacity: number;
  notchFrostSaturation: number;

  // §3.6 quality badges
  badgeDisplayMode: BadgeDisplayMode;
  badgeHeight: number;
  badgeGap: number;
  badgeAnchorX: number;
  badgeAnchorY: number;
  badgeMinScore: number;
  combinedBadgeStacked: boolean;
  badgePos: BadgePosition;

  // §3.7 logo
  textless: boolean;
  logoMaxWRatio: number;
  logoMaxHRatio: number;
  logoBottomRatio: number;
  logoBottomAnchor: boolean;
  fallbackBgStyle: FallbackBgStyle;
}

/** Numeric clamps (inclusive) from the reference, for the parser and /server-caps. */
export const STYLE_CLAMPS = {
  accentBarFontSizeRatio: [0, 0.5],
  accentBarYOffset: [0, 1],
  accentBarBottomRatio: [0, 0.5],
  numericScoreFontSizeRatio: [0, 0.5],
  numericScoreYOffset: [0, 1],
  scoreGlowThreshold: [0, 100],
  scoreGlowBlur: [0, 50],
  scoreGlowAlpha: [0, 255],
  minimalistFontSizeRatio: [0, 0.5],
  minimalistXOffset: [0, 1],
  minimalistYOffset: [0, 1],
  barHeightRatio: [0.04, 0.2],
  barFontSizeRatio: [0.15, 0.7],
  barFrostOpacity: [0, 1],
  barFrostSaturation: [0, 2],
  barBottomInset: [0, 0.1],
  topGradientOpacity: [0, 1],
  topGradientHeight: [0, 1],
  bottomGradientOpacity: [0, 1],
  bottomGradientHeight: [0, 1],
  vignetteColorSaturation: [0, 3],
  vignetteColorLightness: [0.4, 2.5],
  vignetteColorBlur: [0, 1],
  sashLengthRatio: [0.8, 1.5],
  sashHeightRatio: [0.06, 0.2],
  notchSizeW: [0.5, 2],
  notchSizeH: [0.5, 2],
  notchInset: [-0.02, 0.02],
  notchPad: [0.5, 1.5],
  notchFontRatio: [0.1, 1],
  notchFrostOpacity: [0, 1],
  notchFrostSaturation: [0, 2],
  badgeHeight: [1, 200],
  badgeGap: [0, 100],
  badgeAnchorX: [0, 1],
  badgeAnchorY: [0, 1],
  badgeMinScore: [2, 6],
  logoMaxWRatio: [0, 1.5],
  logoMaxHRatio: [0, 1],
  logoBottomRatio: [0, 1],
} as const satisfies Partial<Record<keyof PosterStyle, readonly [number, number]>>;

/** The reference defaults (§3.3–§3.8). A fresh object each call, so callers may spread and override. */
export function defaultStyle(): PosterStyle {
  return {
    language: 'en',
    ratingDisplayMode: 1,
    scoreColorMode: 2,
    scoreCustomPalette: null,
    accentBarFontSizeRatio: 0.08,
    accentBarYOffset: 0.9,
    accentBarAppendMode: 0,
    accentBarBottomRatio: 0.04,
    numericScoreFontSizeRatio: 0.1,
    numericScoreYOffset: 0.9,
    scoreOutOf10: false,
    scoreGlowThreshold: 85,
    scoreGlowBlur: 1,
    scoreGlowAlpha: 40,
    scoreGlowColor: 'white',
    minimalistFontSizeRatio: 0.055,
    minimalistXOffset: 0.05,
    minimalistYOffset: 0.92,
    minimalistAppendMode: 0,
    minimalistScoreOutOf10: false,
    minimalistCenter: false,
    minimalistSeparator: 'pip',
    minimalistRatingSeparator: 'star',
    barHeightRatio: 0.08,
    barFontSizeRatio: 0.55,
    barFrostOpacity: 0.85,
    barFrostSaturation: 1.2,
    barBottomInset: 0,
    barStyle: 'frosted',
    barAccent: 'silver',
    barScoreOutOf10: false,
    barAppend: 'rating_year',
    frostReference: false,
    ratingTextColor: null,
    hideGenre: false,

    topGradient: 'high',
    bottomGradient: 'high',
    topGradientOpacity: null,
    topGradientHeight: null,
    bottomGradientOpacity: null,
    bottomGradientHeight: null,
    topVignetteSashOnly: false,
    vignettePosterColorTop: false,
    vignettePosterColorBottom: false,
    vignetteColorSaturation: 2.5,
    vignetteColorLightness: 1.3,
    vignetteColorBlur: 1,
    vignetteColorRamp: true,
    vignetteColorLocal: true,
    notchVignetteColor: false,
    cinemaGreyscale: true,
    cinemaGreyscaleSkipIfAvailable: false,
    greyscaleNoQuality: false,
    waitForQuality: false,
    muted: false,

    sashMode: 'sash',
    sashPosterColor: false,
    sashLengthRatio: 1.15,
    sashHeightRatio: 0.12,
    sashWinnerStar: false,
    sashTextColor: null,
    notchStyle: 'frosted',
    notchSizeW: 1.05,
    notchSizeH: 1.05,
    notchInset: 0,
    notchPad: 1,
    notchFontRatio: 0.43,
    notchFrostOpacity: 0.75,
    notchFrostSaturation: 1.2,

    badgeDisplayMode: 4,
    badgeHeight: 20,
    badgeGap: 8,
    badgeAnchorX: 0.05,
    badgeAnchorY: 0.05,
    badgeMinScore: 2,
    combinedBadgeStacked: false,
    badgePos: 'top_left',

    textless: false,
    logoMaxWRatio: 0.75,
    logoMaxHRatio: 0.25,
    logoBottomRatio: 0.28,
    logoBottomAnchor: false,
    fallbackBgStyle: 'minimal',
  };
}

/** Badge modes that show stream quality (1 tinted age, 2 row, 4 accent bar, 5 combined, 6 bookmark). */
const QUALITY_BADGE_MODES: ReadonlySet<BadgeDisplayMode> = new Set([1, 2, 4, 5, 6]);

/** Whether a poster in this style shows or depends on the title's stream quality (then it is fetched). */
export function styleNeedsQuality(
  style: Pick<PosterStyle, 'badgeDisplayMode' | 'cinemaGreyscaleSkipIfAvailable' | 'greyscaleNoQuality'>,
): boolean {
  return (
    QUALITY_BADGE_MODES.has(style.badgeDisplayMode) ||
    style.cinemaGreyscaleSkipIfAvailable ||
    style.greyscaleNoQuality
  );
}
