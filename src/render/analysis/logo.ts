/**
 * Logo pixel facts: the opaque bounds to crop to, and whether it is a dark,
 * colourless wordmark that would vanish on dark art. Pure, over RGBA pixels.
 */

export const ALPHA_THRESHOLD = 32;

export interface Bounds {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Bounding box of pixels with alpha > threshold, or null when nothing is opaque. */
export function alphaBounds(
  rgba: Uint8ClampedArray | Uint8Array,
  w: number,
  h: number,
  threshold = ALPHA_THRESHOLD,
): Bounds | null {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if ((rgba[(y * w + x) * 4 + 3] ?? 0) > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/**
 * Dark and achromatic: opaque pixels are dark on average and nearly grey. Logos with real light content
 * (≥ 5 % light pixels: outlines, highlights) or filled cards (≥ 60 % of their box opaque) keep their
 * colours — whitening would destroy them.
 */
export function isDarkAchromatic(
  rgba: Uint8ClampedArray | Uint8Array,
  w: number,
  h: number,
  bounds: Bounds,
): boolean {
  let n = 0;
  let lumSum = 0;
  let chromaSum = 0;
  let light = 0;
  // Coverage is alpha-weighted: counting pixels over the threshold would let anti-aliased edges
  // (wider at analysis resolution) push a bold wordmark over the "filled card" line.
  let alphaSum = 0;
  for (let y = bounds.y; y < bounds.y + bounds.h; y++) {
    for (let x = bounds.x; x < bounds.x + bounds.w; x++) {
      const i = (y * w + x) * 4;
      const a = rgba[i + 3] ?? 0;
      alphaSum += a / 255;
      if (a <= ALPHA_THRESHOLD) continue;
      const r = rgba[i] ?? 0;
      const g = rgba[i + 1] ?? 0;
      const b = rgba[i + 2] ?? 0;
      const lum = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      n++;
      lumSum += lum;
      chromaSum += (Math.max(r, g, b) - Math.min(r, g, b)) / 255;
      if (lum > 0.6) light++;
    }
  }
  if (n === 0 || h <= 0) return false;
  if (light / n >= 0.05) return false;
  if (alphaSum / (bounds.w * bounds.h) >= 0.6) return false;
  return lumSum / n < 0.3 && chromaSum / n < 0.12;
}
