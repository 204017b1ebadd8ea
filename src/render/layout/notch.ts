/**
 * The top notch: a tab hanging from the top edge, square top corners and
 * rounded bottom ones, in frosted / silver / gold / black. Pure.
 */
import type { Layer, Paint, Rgba } from '../../domain/scene.ts';
import type { NotchStyle, Rgb } from '../../domain/style.ts';
import { mix, scale } from '../analysis/color.ts';
import type { LayoutContext } from './context.ts';
import { solid } from './labels.ts';
import { fitToWidth, inter } from './metrics.ts';
import { GOLD, SILVER } from './rating/frostedBar.ts';
import { inkFor } from './tints.ts';

/** Size of the notch at scale 1.0 (the style's w/h knobs multiply these). */
export const NOTCH_BASE_W_RATIO = 0.34;
export const NOTCH_BASE_H_RATIO = 0.054;

export interface NotchGeometry {
  x: number;
  y: number;
  w: number;
  h: number;
  radius: number;
  fontSize: number;
}

export function notchGeometry(ctx: LayoutContext, label: string): NotchGeometry & { letterSpacing: number } {
  const { W, H, style } = ctx;
  const h0 = NOTCH_BASE_H_RATIO * H * style.notchSizeH;
  const size0 = style.notchFontRatio * h0;
  // `pad` trims only the vertical padding: the text size stays, the tab gets shorter or taller.
  const h = size0 + Math.max(0, h0 - size0) * style.notchPad;
  const hpad = 0.9 * size0;
  const maxW = 0.9 * W;
  const font = fitToWidth(ctx.metrics, label, inter(700, size0, 0.02 * size0), maxW - 2 * hpad, 8);
  const textW = ctx.metrics.width(label, font);
  const w = Math.min(maxW, Math.max(NOTCH_BASE_W_RATIO * W * style.notchSizeW, textW + 2 * hpad));
  return {
    x: (W - w) / 2,
    y: style.notchInset * H,
    w,
    h,
    radius: Math.min(h * 0.45, 16),
    fontSize: font.size,
    letterSpacing: font.letterSpacing,
  };
}

function metalPaint(base: Rgb, x: number, w: number): Paint {
  return {
    kind: 'linear',
    x0: x,
    y0: 0,
    x1: x + w,
    y1: 0,
    stops: [
      { offset: 0, color: solid(scale(base, 0.75)) },
      { offset: 0.5, color: solid(mix(base, [255, 255, 255], 0.35)) },
      { offset: 1, color: solid(scale(base, 0.75)) },
    ],
  };
}

export function notchLayers(ctx: LayoutContext, label: string, style: NotchStyle, tint: Rgb): Layer[] {
  const g = notchGeometry(ctx, label);
  const r = g.radius;
  const body = { kind: 'rect' as const, x: g.x, y: g.y, w: g.w, h: g.h, radii: [0, 0, r, r] as const };
  const layers: Layer[] = [];
  let ink: Rgb;
  const shadow = { color: [0, 0, 0, 0.4] as Rgba, blur: 10, offsetX: 0, offsetY: 3 };
  if (style === 'frosted') {
    layers.push({
      kind: 'frost',
      shape: body,
      blur: 12,
      saturation: ctx.style.notchFrostSaturation,
      tint: solid(tint, ctx.style.notchFrostOpacity),
    });
    ink = inkFor(tint);
  } else if (style === 'black') {
    layers.push({
      kind: 'fill',
      shape: body,
      paint: { kind: 'solid', color: [10, 10, 12, 0.92] },
      blur: 0,
      shadow,
      stroke: null,
    });
    ink = [240, 240, 240];
  } else {
    const metal = style === 'gold' ? GOLD : SILVER;
    const t = 2;
    // Open-top trim: a metal tab 2 px wider on each side and below, under a dark body.
    layers.push({
      kind: 'fill',
      shape: { kind: 'rect', x: g.x - t, y: g.y, w: g.w + 2 * t, h: g.h + t, radii: [0, 0, r + t, r + t] },
      paint: metalPaint(metal, g.x, g.w),
      blur: 0,
      shadow,
      stroke: null,
    });
    layers.push({
      kind: 'fill',
      shape: body,
      paint: {
        kind: 'linear',
        x0: 0,
        y0: g.y,
        x1: 0,
        y1: g.y + g.h,
        stops: [
          { offset: 0, color: [34, 34, 38, 0.97] },
          { offset: 1, color: [14, 14, 16, 0.97] },
        ],
      },
      blur: 0,
      shadow: null,
      stroke: null,
    });
    ink = mix(metal, [255, 255, 255], 0.35);
  }
  const font = inter(700, g.fontSize, g.letterSpacing);
  const cap = ctx.metrics.capHeight(font);
  layers.push({
    kind: 'text',
    text: label,
    x: ctx.W / 2,
    y: g.y + g.h / 2 + cap / 2,
    align: 'center',
    font,
    fill: { kind: 'solid', color: solid(ctx.style.sashTextColor ?? ink) },
    shadow: style === 'frosted' ? null : { color: [0, 0, 0, 0.6], blur: 2, offsetX: 0, offsetY: 1 },
  });
  return layers;
}
