/**
 * Display mode 4, the full-width bottom bar: frosted or dark body, an
 * optional metallic or rating stripe along its top, centred "Year · Genre · ★ 87".
 */
import type { Layer, Paint, Rgba } from '../../../domain/scene.ts';
import type { BarStyle, Rgb } from '../../../domain/style.ts';
import { uiLabel } from '../../i18n.ts';
import { scoreColors } from '../../palettes.ts';
import type { LayoutContext } from '../context.ts';
import { formatScore, joinParts, STAR, solid } from '../labels.ts';
import { inter } from '../metrics.ts';
import { layoutRun } from '../run.ts';
import { inkFor } from '../tints.ts';

export const SILVER: Rgb = [205, 210, 220];
export const GOLD: Rgb = [212, 175, 55];
const DARK_BODY: Rgb = [12, 12, 14];
const LIGHT_INK: Rgb = [240, 240, 240];

export function barRect(ctx: LayoutContext): { x: number; y: number; w: number; h: number } {
  const h = Math.max(24, Math.round(ctx.style.barHeightRatio * ctx.H));
  const y = ctx.H - h - ctx.style.barBottomInset * ctx.H;
  return { x: 0, y, w: ctx.W, h };
}

function isFrosted(style: BarStyle): boolean {
  return style === 'frosted' || style === 'rating_frosted';
}

/** Colour of the stripe for the rating_* styles. */
export function accentColor(ctx: LayoutContext, score: number): Rgb {
  const { style } = ctx;
  switch (style.barAccent) {
    case 'silver':
      return SILVER;
    case 'gold':
      return GOLD;
    case 'sample':
      return ctx.sample;
    case 'palette_0':
      return scoreColors(score, 0).left;
    case 'palette_1':
      return scoreColors(score, 1).left;
    case 'palette_2':
      return scoreColors(score, 2).left;
    case 'palette_custom':
      return scoreColors(score, 3, style.scoreCustomPalette).left;
  }
}

function metal(x: number, w: number, c: Rgb): Paint {
  const hi: Rgba = [Math.min(255, c[0] + 45), Math.min(255, c[1] + 45), Math.min(255, c[2] + 45), 1];
  return {
    kind: 'linear',
    x0: x,
    y0: 0,
    x1: x + w,
    y1: 0,
    stops: [
      { offset: 0, color: solid(c, 0.9) },
      { offset: 0.5, color: hi },
      { offset: 1, color: solid(c, 0.9) },
    ],
  };
}

export function frostedBarLayers(ctx: LayoutContext): Layer[] {
  const { style, facts } = ctx;
  const rect = barRect(ctx);
  const shape = { kind: 'rect' as const, ...rect, radii: [0, 0, 0, 0] as const };
  const layers: Layer[] = [];
  const frosted = isFrosted(style.barStyle);
  if (frosted) {
    layers.push({
      kind: 'frost',
      shape,
      blur: 14,
      saturation: style.barFrostSaturation,
      tint: solid(ctx.frost, style.barFrostOpacity),
    });
  } else {
    layers.push({
      kind: 'fill',
      shape,
      paint: { kind: 'solid', color: solid(DARK_BODY, style.barStyle === 'pure_black' ? 0.92 : 0.94) },
      blur: 0,
      shadow: null,
      stroke: null,
    });
  }

  const stripeH = Math.max(3, Math.round(rect.h * 0.06));
  const hasStripe =
    style.barStyle === 'silver' ||
    style.barStyle === 'gold' ||
    ((style.barStyle === 'rating_black' || style.barStyle === 'rating_frosted') && facts.score !== null);
  if (style.barStyle === 'silver' || style.barStyle === 'gold') {
    layers.push({
      kind: 'fill',
      shape: { kind: 'rect', x: 0, y: rect.y, w: rect.w, h: stripeH, radii: [0, 0, 0, 0] },
      paint: metal(0, rect.w, style.barStyle === 'gold' ? GOLD : SILVER),
      blur: 0,
      shadow: null,
      stroke: null,
    });
  } else if (
    (style.barStyle === 'rating_black' || style.barStyle === 'rating_frosted') &&
    facts.score !== null
  ) {
    const score = Math.max(0, Math.min(100, facts.score));
    layers.push({
      kind: 'fill',
      shape: { kind: 'rect', x: 0, y: rect.y, w: rect.w, h: stripeH, radii: [0, 0, 0, 0] },
      paint: { kind: 'solid', color: [255, 255, 255, 0.14] },
      blur: 0,
      shadow: null,
      stroke: null,
    });
    const fillW = (rect.w * score) / 100;
    if (fillW > 0) {
      layers.push({
        kind: 'fill',
        shape: { kind: 'rect', x: 0, y: rect.y, w: fillW, h: stripeH, radii: [0, 0, 0, 0] },
        paint: metal(0, rect.w, accentColor(ctx, score)),
        blur: 0,
        shadow: null,
        stroke: null,
      });
    }
  }

  const rating =
    facts.score === null
      ? uiLabel('N/A', ctx.lang)
      : `${STAR} ${formatScore(facts.score, style.barScoreOutOf10)}`;
  const parts =
    style.barAppend === 'rating_year'
      ? [ctx.year, ctx.genre, rating]
      : style.barAppend === 'rating'
        ? [ctx.genre, rating]
        : style.barAppend === 'year'
          ? [ctx.year, ctx.genre]
          : [ctx.genre, ctx.sashText, rating];
  const text = joinParts(parts, true);
  if (text) {
    const ink = style.ratingTextColor ?? (frosted ? inkFor(ctx.frost) : LIGHT_INK);
    const shadow = frosted ? null : { color: [0, 0, 0, 0.5] as Rgba, blur: 3, offsetX: 0, offsetY: 1 };
    layers.push(
      ...layoutRun(
        ctx.metrics,
        [{ kind: 'text', text, color: solid(ink) }],
        inter(700, style.barFontSizeRatio * rect.h),
        {
          x: rect.w / 2,
          centreY: rect.y + rect.h / 2 + (hasStripe ? stripeH / 2 : 0),
          align: 'center',
          maxWidth: rect.w * 0.92,
          minSize: 9,
        },
        shadow,
      ).layers,
    );
  }
  return layers;
}
