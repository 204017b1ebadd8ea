/**
 * facts + style (+ what the pixel layer measured about the art and logo) → Scene, in the reference draw
 * order (§4.3): greyscale, top band, bottom band, quality badge, logo or title, rating, sash or notch.
 * Pure: no image library, text measured through the injected TextMetrics.
 */
import type { Facts } from '../../domain/facts.ts';
import { resolveLanguage } from '../../domain/languages.ts';
import type { BandLayer, Layer, Scene, SceneSummary } from '../../domain/scene.ts';
import type { PosterStyle, Rgb } from '../../domain/style.ts';
import { dominantColors } from '../analysis/dominant.ts';
import { genreLabel } from '../i18n.ts';
import { badgeLayers } from './badges.ts';
import { CANVAS_HEIGHT, CANVAS_WIDTH, type LayoutContext, type LayoutInput } from './context.ts';
import { BOTTOM_LEVELS, bandAlphaAt, bottomBand, gradientSpec, TOP_LEVELS, topBand } from './gradients.ts';
import { logoLayers, titleLayers } from './logo.ts';
import { notchLayers } from './notch.ts';
import { ratingLayers } from './rating/index.ts';
import { sashLayers } from './sash.ts';
import { frostTint, vignetteColors } from './tints.ts';

const BLACK: Rgb = [0, 0, 0];

/** Greyscale while in cinemas / in production, or with no quality known. */
export function shouldGreyscale(facts: Facts, style: PosterStyle): boolean {
  const status = facts.releaseStatus?.toLowerCase() ?? '';
  const cinema = status === 'cinema' || status === 'production';
  const digitalFound = facts.qualityTokens.includes('WEBDL') || facts.qualityTokens.includes('REMUX');
  if (style.cinemaGreyscale && cinema && !(style.cinemaGreyscaleSkipIfAvailable && digitalFound)) return true;
  return style.greyscaleNoQuality && style.waitForQuality && facts.qualityTokens.length === 0;
}

/** The sash label as printed (winner star included), whether or not a sash is drawn. */
export function sashTextOf(facts: Facts, style: PosterStyle): string | null {
  if (!facts.sash?.label.trim()) return null;
  const star = style.sashWinnerStar && facts.sash.type === 'win' ? '★ ' : '';
  return `${star}${facts.sash.label.trim()}`;
}

function context(input: LayoutInput): LayoutContext {
  const { facts, style } = input;
  const W = CANVAS_WIDTH;
  const H = CANVAS_HEIGHT;
  const lang = resolveLanguage(style.language);
  const sashText = sashTextOf(facts, style);
  const sashLabel = style.sashMode === 'hidden' ? null : sashText;
  const global = dominantColors(input.art.thumb);
  return {
    ...input,
    W,
    H,
    lang,
    genre: style.hideGenre || !facts.genre ? '' : genreLabel(facts.genre, lang),
    year: facts.year === null ? '' : String(facts.year),
    sashText,
    sashLabel,
    sashShape: sashLabel === null ? 'none' : style.sashMode === 'notch' ? 'notch' : 'sash',
    global,
    frost: frostTint(global, style.frostReference),
    sample: frostTint(global, true),
  };
}

/** A tinted band's colours from the art at its seam, else black. */
function bandColors(
  ctx: LayoutContext,
  tinted: boolean,
  region: { x: number; y: number; w: number; h: number },
) {
  if (!tinted) return { left: BLACK, right: BLACK };
  const seam = dominantColors(ctx.art.thumb, region, ctx.W, ctx.H);
  return vignetteColors(ctx.global, seam, ctx.style);
}

/** Tinted bands follow the art more as `vignette_color_blur` drops: they get lighter, not another shape. */
function tintedAlpha(band: BandLayer, blur: number): BandLayer {
  const k = 0.6 + 0.4 * blur;
  return { ...band, alpha: band.alpha.map((s) => ({ offset: s.offset, alpha: s.alpha * k })) };
}

export function buildScene(input: LayoutInput): Scene {
  const ctx = context(input);
  const { W, H, style, facts } = ctx;
  const layers: Layer[] = [];
  const summary: SceneSummary = {
    ratingMode: style.ratingDisplayMode,
    scoreShown: false,
    sash: ctx.sashShape,
    badge: style.badgeDisplayMode === 0 ? null : style.badgeDisplayMode,
    title: 'none',
    greyscale: shouldGreyscale(facts, style),
    topBand: 'off',
    bottomBand: 'off',
  };

  const bands: BandLayer[] = [];
  let notchTint: Rgb = ctx.frost;
  const top = gradientSpec(style.topGradient, TOP_LEVELS, style.topGradientOpacity, style.topGradientHeight);
  if (top && !(style.topVignetteSashOnly && ctx.sashShape === 'none')) {
    // A sash or notch needs a neutral backdrop, so the top band is black whenever one is drawn.
    const tinted = style.vignettePosterColorTop && ctx.sashShape === 'none';
    const c = bandColors(ctx, tinted, { x: 0, y: 0, w: W, h: top.height * H });
    const band = topBand(top, W, H, c.left, c.right);
    bands.push(tinted ? tintedAlpha(band, style.vignetteColorBlur) : band);
    summary.topBand = tinted ? 'tinted' : 'black';
  }
  const bottom = gradientSpec(
    style.bottomGradient,
    BOTTOM_LEVELS,
    style.bottomGradientOpacity,
    style.bottomGradientHeight,
  );
  if (bottom) {
    const tinted = style.vignettePosterColorBottom;
    const c = bandColors(ctx, tinted, { x: 0, y: H * (1 - bottom.height), w: W, h: bottom.height * H });
    const band = bottomBand(bottom, W, H, c.left, c.right);
    bands.push(tinted ? tintedAlpha(band, style.vignetteColorBlur) : band);
    summary.bottomBand = tinted ? 'tinted' : 'black';
    if (tinted) notchTint = c.left;
  }
  if (style.vignettePosterColorTop && summary.topBand !== 'tinted' && !style.vignettePosterColorBottom) {
    notchTint = bandColors(ctx, true, { x: 0, y: 0, w: W, h: 0.25 * H }).left;
  }
  layers.push(...bands);

  layers.push(...badgeLayers(ctx));

  if (!style.textless && ctx.art.textless) {
    const darkening = (y: number) =>
      Math.min(
        1,
        bands.reduce((a, b) => a + bandAlphaAt(b, y), 0),
      );
    const logo = logoLayers(ctx, darkening);
    if (logo.length > 0) {
      layers.push(...logo);
      summary.title = 'logo';
    } else {
      const title = titleLayers(ctx);
      if (title.length > 0) summary.title = 'text';
      layers.push(...title);
    }
  }

  layers.push(...ratingLayers(ctx));
  summary.scoreShown = style.ratingDisplayMode !== 0 && facts.score !== null;

  if (ctx.sashLabel !== null && facts.sash) {
    if (ctx.sashShape === 'notch') {
      const tint = style.notchVignetteColor ? notchTint : ctx.frost;
      layers.push(...notchLayers(ctx, ctx.sashLabel, style.notchStyle, tint));
    } else {
      layers.push(...sashLayers(ctx, ctx.sashLabel, facts.sash.type));
    }
  }

  return { width: W, height: H, art: { greyscale: summary.greyscale }, layers, summary };
}
