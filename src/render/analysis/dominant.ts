/**
 * The poster's dominant colour(s), for tinted vignettes, frosted elements and poster-coloured sashes:
 * a 36-bin hue histogram weighted by chroma, skin tones half-weighted (faces
 * would otherwise tint every portrait orange), near-black ignored. Pure.
 */
import type { Rgb } from '../../domain/style.ts';
import { toHsl } from './color.ts';
import type { Region, Thumbnail } from './thumbnail.ts';
import { regionBounds } from './thumbnail.ts';

export interface DominantColors {
  primary: Rgb;
  /** A second hue at least 60° away, or the primary again when the art has only one. */
  secondary: Rgb;
  /** 0–1: the primary bin's share of all chroma weight (0 for achromatic art). */
  confidence: number;
}

const BINS = 36;

/** Rough skin-tone test (the classic RGB rule), used only to down-weight faces. */
export function isSkin(r: number, g: number, b: number): boolean {
  return r > 95 && g > 40 && b > 20 && r > g && r > b && r - Math.min(g, b) > 15 && Math.abs(r - g) > 15;
}

export function dominantColors(
  thumb: Thumbnail,
  region?: Region,
  canvasW = thumb.width,
  canvasH = thumb.height,
): DominantColors {
  const { x0, y0, x1, y1 } = region
    ? regionBounds(thumb, region, canvasW, canvasH)
    : { x0: 0, y0: 0, x1: thumb.width, y1: thumb.height };
  const weight = new Float64Array(BINS);
  const sums = new Float64Array(BINS * 3);
  let greyR = 0;
  let greyG = 0;
  let greyB = 0;
  let greyN = 0;
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * thumb.width + x) * 3;
      const r = thumb.rgb[i] ?? 0;
      const g = thumb.rgb[i + 1] ?? 0;
      const b = thumb.rgb[i + 2] ?? 0;
      const max = Math.max(r, g, b);
      if (max < 30) continue; // near-black says nothing about the poster's colour
      greyR += r;
      greyG += g;
      greyB += b;
      greyN++;
      const chroma = max - Math.min(r, g, b);
      if (chroma < 12) continue;
      const w = (chroma / 255) * (isSkin(r, g, b) ? 0.5 : 1);
      const bin = Math.min(BINS - 1, Math.floor(toHsl([r, g, b]).h / (360 / BINS)));
      weight[bin] = (weight[bin] ?? 0) + w;
      sums[bin * 3] = (sums[bin * 3] ?? 0) + r * w;
      sums[bin * 3 + 1] = (sums[bin * 3 + 1] ?? 0) + g * w;
      sums[bin * 3 + 2] = (sums[bin * 3 + 2] ?? 0) + b * w;
      total += w;
    }
  }
  const neutral: Rgb =
    greyN > 0
      ? [Math.round(greyR / greyN), Math.round(greyG / greyN), Math.round(greyB / greyN)]
      : [40, 40, 44];
  if (total < 1e-6) return { primary: neutral, secondary: neutral, confidence: 0 };

  // Smooth over neighbouring bins so a hue split across a bin edge is not undercounted.
  const smooth = (b: number) =>
    (weight[(b + BINS - 1) % BINS] ?? 0) * 0.5 + (weight[b] ?? 0) + (weight[(b + 1) % BINS] ?? 0) * 0.5;
  let best = 0;
  for (let b = 1; b < BINS; b++) if (smooth(b) > smooth(best)) best = b;
  let rival = -1;
  for (let b = 0; b < BINS; b++) {
    const dist = Math.min(Math.abs(b - best), BINS - Math.abs(b - best));
    if (dist < 6) continue;
    if (rival < 0 || smooth(b) > smooth(rival)) rival = b;
  }
  const colorOf = (b: number): Rgb => {
    let r = 0;
    let g = 0;
    let bl = 0;
    let w = 0;
    for (const k of [(b + BINS - 1) % BINS, b, (b + 1) % BINS]) {
      r += sums[k * 3] ?? 0;
      g += sums[k * 3 + 1] ?? 0;
      bl += sums[k * 3 + 2] ?? 0;
      w += weight[k] ?? 0;
    }
    return w > 0 ? [Math.round(r / w), Math.round(g / w), Math.round(bl / w)] : neutral;
  };
  const primary = colorOf(best);
  // A rival hue must carry real weight to make a two-tone ramp; otherwise stay one colour.
  const secondary = rival >= 0 && smooth(rival) > smooth(best) * 0.25 ? colorOf(rival) : primary;
  return { primary, secondary, confidence: Math.min(1, smooth(best) / total) };
}
