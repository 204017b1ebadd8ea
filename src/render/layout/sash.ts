/**
 * The diagonal corner ribbon: a band `sash_length_ratio·W` long and
 * `sash_height_ratio·W` thick, coloured edges around a near-black centre, rotated 45° across the
 * top-right corner, with a soft drop shadow. Pure.
 */

import type { SashType } from '../../domain/facts.ts';
import type { ColorStop, Layer, Rgba } from '../../domain/scene.ts';
import type { Rgb } from '../../domain/style.ts';
import { mix, scale } from '../analysis/color.ts';
import type { LayoutContext } from './context.ts';
import { solid } from './labels.ts';
import { fitToWidth, inter } from './metrics.ts';

export const SASH_COLORS: Readonly<Record<SashType, Rgb>> = {
  win: [212, 175, 55],
  nom: [180, 180, 190],
  prestige: [160, 100, 230],
  cast: [46, 125, 50],
  info: [60, 190, 180],
  alert: [200, 55, 55],
  trending: [90, 170, 255],
};

export const MUTED_OPACITY = 0.8;
const CENTRE: Rgb = [18, 18, 21];
const LABEL: Rgb = [236, 236, 236];
/** Share of the band's thickness taken by each coloured edge. */
const EDGE = 0.2;

export interface SashGeometry {
  length: number;
  thickness: number;
  /** Centre of the band in canvas pixels. */
  cx: number;
  cy: number;
  /** Distance of the band's centre line from the corner, along the diagonal. */
  reach: number;
}

/**
 * Placement: the band's centre line runs 0.3·L from the corner (L = band length). The reference pastes
 * the rotated band at offsets 0.68 / 0.32 of its size, which puts the centre line ≈0.3·L in; expressing
 * it this way keeps both ends off-canvas for every clamp (T ≤ 0.4·L), so no band end ever shows.
 */
export function sashGeometry(W: number, lengthRatio: number, heightRatio: number): SashGeometry {
  const length = lengthRatio * W;
  const thickness = heightRatio * W;
  const reach = 0.3 * length;
  const k = reach / Math.SQRT2;
  return { length, thickness, cx: W - k, cy: k, reach };
}

/** Label size: min(0.4·T, 0.85·T / len^0.35), then shrunk to the visible chord of the band. */
export function sashFontSize(thickness: number, label: string): number {
  const len = Math.max(1, [...label].length);
  return Math.min(0.4 * thickness, (0.85 * thickness) / len ** 0.35);
}

function bandStops(edge: Rgb): ColorStop[] {
  const hi = mix(edge, [255, 255, 255], 0.25);
  const lo = scale(edge, 0.7);
  const c = (v: Rgb, a = 1): Rgba => solid(v, a);
  return [
    { offset: 0, color: c(scale(edge, 0.8)) },
    { offset: 0.07, color: c(hi) },
    { offset: EDGE - 0.015, color: c(lo) },
    { offset: EDGE, color: c(CENTRE) },
    { offset: 0.5, color: c(mix(CENTRE, [40, 40, 46], 0.6)) },
    { offset: 1 - EDGE, color: c(CENTRE) },
    { offset: 1 - EDGE + 0.015, color: c(lo) },
    { offset: 0.93, color: c(edge) },
    { offset: 1, color: c(scale(edge, 0.55)) },
  ];
}

export function sashLayers(ctx: LayoutContext, label: string, type: SashType): Layer[] {
  const { W, style } = ctx;
  const g = sashGeometry(W, style.sashLengthRatio, style.sashHeightRatio);
  const edge = style.sashPosterColor ? ctx.sample : SASH_COLORS[type];
  const T = g.thickness;
  // Only the part of the band that can reach the canvas is drawn (its ends are off-canvas by design):
  // identical pixels, a smaller shadow mask to blur.
  const L = Math.min(g.length, 2 * (g.reach + T / 2) + 24);
  // The text runs along the centre line; its usable length is the chord of the corner triangle there,
  // less the part the text's own height eats at the inner (shorter) side.
  const chord = 2 * (g.reach - 0.2 * T) - 16;
  const font = fitToWidth(
    ctx.metrics,
    label,
    inter(700, sashFontSize(T, label), 0.3),
    Math.max(20, chord),
    7,
  );
  const cap = ctx.metrics.capHeight(font);
  const trim: Rgba = solid(mix(edge, [255, 255, 255], 0.45), 0.9);
  const inner = T * 0.5 - T * EDGE;
  const line = (y: number): Layer => ({
    kind: 'fill',
    shape: { kind: 'rect', x: -L / 2, y, w: L, h: 1, radii: [0, 0, 0, 0] },
    paint: { kind: 'solid', color: trim },
    blur: 0,
    shadow: null,
    stroke: null,
  });
  return [
    {
      kind: 'group',
      translateX: g.cx,
      translateY: g.cy,
      rotate: Math.PI / 4,
      opacity: style.muted ? MUTED_OPACITY : 1,
      // No drop shadow: blurring the band's mask cost ~0.9 ms of a ~4 ms overlay budget, and the band's
      // darker outer edges already separate it from the art.
      shadow: null,
      layers: [
        {
          kind: 'fill',
          shape: { kind: 'rect', x: -L / 2, y: -T / 2, w: L, h: T, radii: [0, 0, 0, 0] },
          paint: { kind: 'linear', x0: 0, y0: -T / 2, x1: 0, y1: T / 2, stops: bandStops(edge) },
          blur: 0,
          shadow: null,
          stroke: null,
        },
        line(-inner - 0.5),
        line(inner - 0.5),
        {
          kind: 'text',
          text: label,
          x: 0,
          y: cap / 2,
          align: 'center',
          font,
          fill: { kind: 'solid', color: solid(style.sashTextColor ?? LABEL) },
          shadow: { color: [0, 0, 0, 0.7], blur: 3, offsetX: 0, offsetY: 1 },
        },
      ],
    },
  ];
}
