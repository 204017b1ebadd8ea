/**
 * Top and bottom vignette bands. Pure.
 */
import type { BandLayer, ColorStop } from '../../domain/scene.ts';
import type { GradientLevel, Rgb } from '../../domain/style.ts';

export interface GradientSpec {
  /** Fraction of H the band covers. */
  height: number;
  /** Peak alpha 0–1. */
  alpha: number;
}

export const TOP_LEVELS: Readonly<Record<Exclude<GradientLevel, 'off' | 'custom'>, GradientSpec>> = {
  low: { height: 0.2, alpha: 150 / 255 },
  medium: { height: 0.25, alpha: 190 / 255 },
  high: { height: 0.4, alpha: 220 / 255 },
};

export const BOTTOM_LEVELS: Readonly<Record<Exclude<GradientLevel, 'off' | 'custom'>, GradientSpec>> = {
  low: { height: 0.3, alpha: 180 / 255 },
  medium: { height: 0.4, alpha: 210 / 255 },
  high: { height: 0.5, alpha: 225 / 255 },
};

export const BOTTOM_EASING = 1.5;

/** Level → band size; custom values fall back to the `high` level's where absent. Null = no band. */
export function gradientSpec(
  level: GradientLevel,
  table: typeof TOP_LEVELS,
  customAlpha: number | null,
  customHeight: number | null,
): GradientSpec | null {
  if (level === 'off') return null;
  if (level === 'custom') {
    const spec = { height: customHeight ?? table.high.height, alpha: customAlpha ?? table.high.alpha };
    return spec.height > 0 && spec.alpha > 0 ? spec : null;
  }
  return table[level];
}

function colorStops(left: Rgb, right: Rgb): ColorStop[] {
  return [
    { offset: 0, color: [left[0], left[1], left[2], 1] },
    { offset: 1, color: [right[0], right[1], right[2], 1] },
  ];
}

/** Alpha falls linearly from the peak at the top edge to 0 at the band's end. */
export function topBand(spec: GradientSpec, W: number, H: number, left: Rgb, right: Rgb): BandLayer {
  return {
    kind: 'band',
    x: 0,
    y: 0,
    w: W,
    h: Math.round(spec.height * H),
    colors: colorStops(left, right),
    alpha: [
      { offset: 0, alpha: spec.alpha },
      { offset: 1, alpha: 0 },
    ],
  };
}

/** Eased: alpha(t) = (1 − (1 − t)^1.5) · peak, t = 0 at the band's top edge, 1 at the poster bottom. */
export function bottomBand(spec: GradientSpec, W: number, H: number, left: Rgb, right: Rgb): BandLayer {
  const h = Math.round(spec.height * H);
  // Sixteen linear pieces follow the curve within 0.1 % alpha; the painter draws the band from a
  // per-row strip, so the number of stops costs nothing.
  const steps = 16;
  const alpha = Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps;
    return { offset: t, alpha: (1 - (1 - t) ** BOTTOM_EASING) * spec.alpha };
  });
  return { kind: 'band', x: 0, y: H - h, w: W, h, colors: colorStops(left, right), alpha };
}

/** Alpha of a band at canvas row `y` (for contrast estimates under the logo and labels). */
export function bandAlphaAt(band: BandLayer, y: number): number {
  if (y < band.y || y > band.y + band.h || band.h <= 0) return 0;
  const t = (y - band.y) / band.h;
  const stops = band.alpha;
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1];
    const b = stops[i];
    if (a && b && t <= b.offset) {
      const u = b.offset === a.offset ? 0 : (t - a.offset) / (b.offset - a.offset);
      return a.alpha + (b.alpha - a.alpha) * u;
    }
  }
  return stops[stops.length - 1]?.alpha ?? 0;
}
