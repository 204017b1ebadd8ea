/**
 * The golden-image cases: one per rating display mode, palette, badge mode, sash colour type and
 * variant, notch style, bar style, fallback canvas and backdrop crop (issue #3 "Proof"). The gallery
 * renders the same list, so what the tests pin is what people look at.
 */
import type { Facts } from '../../src/domain/facts.ts';
import { defaultStyle, type PosterStyle } from '../../src/domain/style.ts';
import type { ART_PRESETS } from '../render/fixtures/art.ts';
import { baseFacts } from '../render/fixtures/facts.ts';

export type ArtName = keyof typeof ART_PRESETS;

export interface GoldenCase {
  name: string;
  group: string;
  facts: Facts;
  style: PosterStyle;
  art: ArtName | 'none' | 'broken';
  backdrop?: ArtName;
  logo: 'light' | 'dark' | 'gold' | null;
}

function style(over: Partial<PosterStyle>): PosterStyle {
  return { ...defaultStyle(), ...over };
}

function c(
  group: string,
  name: string,
  over: {
    facts?: Partial<Facts>;
    style?: Partial<PosterStyle>;
    art?: GoldenCase['art'];
    backdrop?: ArtName;
    logo?: GoldenCase['logo'];
  },
): GoldenCase {
  return {
    group,
    name,
    facts: baseFacts(over.facts),
    style: style(over.style ?? {}),
    art: over.art ?? 'dusk',
    ...(over.backdrop ? { backdrop: over.backdrop } : {}),
    logo: over.logo === undefined ? 'light' : over.logo,
  };
}

const noBadge = { badgeDisplayMode: 0 as const };

export const GOLDEN_CASES: readonly GoldenCase[] = [
  // Rating display modes 0–4 (defaults otherwise: sash, tier bar badge).
  c('display', 'display-0-none', { style: { ratingDisplayMode: 0 } }),
  c('display', 'display-1-score-bar', { style: { ratingDisplayMode: 1 }, art: 'neon' }),
  c('display', 'display-2-clean', { style: { ratingDisplayMode: 2 }, art: 'forest' }),
  c('display', 'display-3-minimalist', { style: { ratingDisplayMode: 3 }, art: 'ember' }),
  c('display', 'display-4-frosted-bar', { style: { ratingDisplayMode: 4 }, art: 'ice' }),
  c('display', 'display-1-na-score', {
    facts: { score: null },
    style: { ratingDisplayMode: 1, ...noBadge },
    art: 'noir',
  }),
  c('display', 'display-1-zero-score', {
    facts: { score: 0 },
    style: { ratingDisplayMode: 1, ...noBadge },
    art: 'noir',
  }),
  c('display', 'display-1-append-sash', {
    style: { ratingDisplayMode: 1, accentBarAppendMode: 2, sashMode: 'hidden' },
  }),
  c('display', 'display-2-out-of-10-fr', {
    style: { ratingDisplayMode: 2, scoreOutOf10: true, language: 'fr' },
    facts: { genre: 'Comedy', score: 73 },
  }),
  c('display', 'display-3-append-1-rating', {
    style: { ratingDisplayMode: 3, minimalistAppendMode: 1 },
    art: 'neon',
  }),
  c('display', 'display-3-append-2-bullets', {
    style: {
      ratingDisplayMode: 3,
      minimalistAppendMode: 2,
      minimalistSeparator: 'bullet',
      minimalistRatingSeparator: 'pip',
    },
    art: 'forest',
  }),
  c('display', 'display-3-append-3-split', {
    style: { ratingDisplayMode: 3, minimalistAppendMode: 3 },
    art: 'ice',
  }),
  c('display', 'display-3-centred-de', {
    style: { ratingDisplayMode: 3, minimalistCenter: true, minimalistAppendMode: 2, language: 'de' },
    facts: { genre: 'Crime' },
  }),

  // Score palettes 0–3 (score bar, a score that shows each palette's character).
  c('palette', 'palette-0-four-band', {
    facts: { score: 91 },
    style: { scoreColorMode: 0, ...noBadge },
    art: 'noir',
  }),
  c('palette', 'palette-1-six-band', {
    facts: { score: 58 },
    style: { scoreColorMode: 1, ...noBadge },
    art: 'noir',
  }),
  c('palette', 'palette-2-metal', {
    facts: { score: 76 },
    style: { scoreColorMode: 2, ...noBadge },
    art: 'noir',
  }),
  c('palette', 'palette-3-custom', {
    facts: { score: 64 },
    style: {
      scoreColorMode: 3,
      scoreCustomPalette: [
        { threshold: 0, color: [255, 64, 129] },
        { threshold: 60, color: [0, 229, 255] },
        { threshold: 80, color: [118, 255, 3] },
      ],
      scoreGlowThreshold: 60,
      scoreGlowColor: 'match',
      scoreGlowAlpha: 120,
      scoreGlowBlur: 6,
      ...noBadge,
    },
    art: 'noir',
  }),

  // Quality badge modes 0–6.
  c('badge', 'badge-0-hidden', { style: { badgeDisplayMode: 0 } }),
  c('badge', 'badge-1-age-tinted', { style: { badgeDisplayMode: 1 }, facts: { ageRating: 'R' } }),
  c('badge', 'badge-2-row', {
    style: { badgeDisplayMode: 2, badgeHeight: 24 },
    facts: { qualityTokens: ['4K', 'WEBDL', 'HDR10+'], qualityScore: 5, qualityTier: 'silver' },
  }),
  c('badge', 'badge-3-age-only', {
    style: { badgeDisplayMode: 3 },
    facts: { ageRating: 'TV-MA' },
    art: 'forest',
  }),
  c('badge', 'badge-4-accent-bar', {
    style: { badgeDisplayMode: 4 },
    facts: { qualityTokens: ['1080P', 'WEBDL'], qualityScore: 2, qualityTier: 'bronze' },
    art: 'ember',
  }),
  c('badge', 'badge-5-combined', { style: { badgeDisplayMode: 5, badgeHeight: 26 }, art: 'neon' }),
  c('badge', 'badge-5-combined-stacked', {
    style: { badgeDisplayMode: 5, badgeHeight: 26, combinedBadgeStacked: true },
    facts: { qualityTokens: ['1080P', 'WEBDL'], qualityScore: 2, qualityTier: 'bronze' },
    art: 'ice',
  }),
  c('badge', 'badge-6-bookmark', { style: { badgeDisplayMode: 6, sashMode: 'notch' } }),

  // Sash colour types and variants.
  c('sash', 'sash-win', {
    facts: { sash: { label: 'Oscar Winner', type: 'win', slot: 'wins' } },
    style: noBadge,
    art: 'noir',
  }),
  c('sash', 'sash-nom', {
    facts: { sash: { label: 'Globe Nominee', type: 'nom', slot: 'gg_noms' } },
    style: noBadge,
    art: 'forest',
  }),
  c('sash', 'sash-prestige', {
    facts: { sash: { label: 'A24 Films', type: 'prestige', slot: 'studio' } },
    style: noBadge,
    art: 'ice',
  }),
  c('sash', 'sash-cast', {
    facts: { sash: { label: 'F. Pugh', type: 'cast', slot: 'cast' } },
    style: noBadge,
    art: 'ember',
  }),
  c('sash', 'sash-info', {
    facts: { sash: { label: 'True Story', type: 'info', slot: 'true_story' } },
    style: noBadge,
    art: 'dusk',
  }),
  c('sash', 'sash-alert', {
    facts: { sash: { label: 'New Season', type: 'alert', slot: 'new_season' } },
    style: noBadge,
    art: 'neon',
  }),
  c('sash', 'sash-trending', {
    facts: { sash: { label: '#3 Today', type: 'trending', slot: 'trending' } },
    style: noBadge,
    art: 'noir',
  }),
  c('sash', 'sash-muted-star', { style: { muted: true, sashWinnerStar: true, ...noBadge }, art: 'ice' }),
  c('sash', 'sash-poster-color-long', {
    facts: { sash: { label: 'Sundance Grand Jury Winner', type: 'win', slot: 'festival' } },
    style: { sashPosterColor: true, sashLengthRatio: 1.2, sashHeightRatio: 0.135, ...noBadge },
    art: 'forest',
  }),

  // Notch styles.
  c('notch', 'notch-frosted', { style: { sashMode: 'notch', ...noBadge }, art: 'neon' }),
  c('notch', 'notch-silver', {
    style: { sashMode: 'notch', notchStyle: 'silver', ...noBadge },
    facts: { sash: { label: 'Globe Nominee', type: 'nom', slot: 'gg_noms' } },
    art: 'dusk',
  }),
  c('notch', 'notch-gold', {
    style: {
      sashMode: 'notch',
      notchStyle: 'gold',
      notchSizeW: 1.8,
      notchSizeH: 1.2,
      notchFontRatio: 0.46,
      ...noBadge,
    },
    art: 'forest',
  }),
  c('notch', 'notch-black', {
    style: { sashMode: 'notch', notchStyle: 'black', ...noBadge },
    facts: { sash: { label: 'Oct 16 Cinema', type: 'alert', slot: 'cinema' } },
    art: 'ice',
  }),

  // Frosted bar styles.
  c('bar', 'bar-frosted-reference', {
    style: { ratingDisplayMode: 4, frostReference: true, sashMode: 'notch', ...noBadge },
    art: 'forest',
  }),
  c('bar', 'bar-pure-black', {
    style: { ratingDisplayMode: 4, barStyle: 'pure_black', barAppend: 'rating' },
    art: 'dusk',
  }),
  c('bar', 'bar-silver', {
    style: { ratingDisplayMode: 4, barStyle: 'silver', barAppend: 'year' },
    art: 'neon',
  }),
  c('bar', 'bar-gold', {
    style: { ratingDisplayMode: 4, barStyle: 'gold', barAppend: 'sash', sashMode: 'hidden' },
    art: 'ember',
  }),
  c('bar', 'bar-rating-black-gold', {
    style: { ratingDisplayMode: 4, barStyle: 'rating_black', barAccent: 'gold' },
    art: 'noir',
  }),
  c('bar', 'bar-rating-frosted-palette', {
    style: {
      ratingDisplayMode: 4,
      barStyle: 'rating_frosted',
      barAccent: 'palette_0',
      barScoreOutOf10: true,
    },
    facts: { score: 68 },
    art: 'ice',
  }),

  // Vignettes, greyscale, logo handling.
  c('look', 'vignette-tinted-ramp', {
    style: {
      ratingDisplayMode: 3,
      topGradient: 'medium',
      bottomGradient: 'medium',
      vignettePosterColorBottom: true,
      vignettePosterColorTop: true,
      sashMode: 'notch',
      notchVignetteColor: true,
      ...noBadge,
    },
    art: 'neon',
  }),
  c('look', 'vignette-custom-sash-only', {
    style: {
      topGradient: 'custom',
      topGradientOpacity: 0.95,
      topGradientHeight: 0.3,
      bottomGradient: 'low',
      topVignetteSashOnly: true,
      sashMode: 'hidden',
      ...noBadge,
    },
    art: 'ice',
  }),
  c('look', 'cinema-greyscale', {
    facts: { releaseStatus: 'cinema', sash: { label: 'Oct 16 Streaming', type: 'alert', slot: 'cinema' } },
    style: noBadge,
    art: 'ember',
  }),
  c('look', 'logo-dark-whitened', { logo: 'dark', art: 'noir', style: noBadge }),
  c('look', 'logo-gold-bottom-anchor', {
    logo: 'gold',
    style: {
      logoBottomAnchor: true,
      logoMaxHRatio: 0.2,
      logoBottomRatio: 0.17,
      ratingDisplayMode: 2,
      ...noBadge,
    },
    art: 'forest',
  }),
  c('look', 'textless-true', { style: { textless: true, ...noBadge }, art: 'dusk' }),
  c('look', 'title-text-no-logo', {
    logo: null,
    facts: { title: 'The Long Dark Between Stars', genre: 'Sci-Fi' },
    style: noBadge,
    art: 'ice',
  }),

  // Fallback art: the genre canvas and the backdrop crop.
  c('fallback', 'fallback-canvas-horror', {
    art: 'none',
    logo: null,
    facts: { title: 'Hollow Creek', genre: 'Horror', sash: null },
    style: noBadge,
  }),
  c('fallback', 'fallback-canvas-comedy-pt-br', {
    art: 'broken',
    logo: null,
    facts: { title: 'Três Amigos', genre: 'Comedy', sash: null },
    style: { language: 'pt-br', ratingDisplayMode: 2, ...noBadge },
  }),
  c('fallback', 'fallback-canvas-horror-photoreal', {
    art: 'none',
    logo: null,
    facts: { title: 'Hollow Creek', genre: 'Horror', sash: null },
    style: { fallbackBgStyle: 'photoreal', ...noBadge },
  }),
  c('fallback', 'fallback-canvas-scifi-photoreal', {
    art: 'none',
    logo: null,
    facts: { title: 'Deep Orbit', genre: 'Sci-Fi', sash: null },
    style: { fallbackBgStyle: 'photoreal', ratingDisplayMode: 4, ...noBadge },
  }),
  c('fallback', 'fallback-canvas-default-es', {
    art: 'none',
    logo: null,
    facts: { title: 'Untitled Project', genre: null, score: null, sash: null },
    style: { language: 'es', ratingDisplayMode: 3, ...noBadge },
  }),
  c('fallback', 'backdrop-crop', {
    art: 'broken',
    backdrop: 'forest',
    logo: 'light',
    facts: { posterIsTextless: false },
    style: noBadge,
  }),
];
