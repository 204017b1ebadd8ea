/**
 * The genre-tinted canvas, so a poster is never blank, in the two
 * `fallback_bg_style`s:
 *
 * - `minimal`: the reference's vertical luminance profile `10 + 8·sin(π·y/H)` multiplied per channel
 *   by the genre's tint, plus a soft light pool in the upper third and a faint deterministic grain, so
 *   it reads as a designed backdrop rather than a flat fill.
 * - `photoreal`: the reference ships hand-painted genre pictures we do not have; instead a lit scene in
 *   the genre's colours — a sky darkening upwards, a glowing horizon at 58 % height, soft out-of-focus
 *   lights above it, a dark ground and a lens vignette — so it looks like a photograph's blurred
 *   backdrop, visibly unlike the flat minimal card.
 *
 * Pure: returns RGBA pixels, identical on every run and host.
 */
import type { FallbackBgStyle } from '../domain/style.ts';

export type Tint = readonly [number, number, number];

export const GENRE_TINTS: Readonly<Record<string, Tint>> = {
  Horror: [3.2, 0.3, 0.3],
  Thriller: [0.4, 2.2, 0.5],
  Mystery: [1.0, 0.3, 3.0],
  'Sci-Fi': [0.3, 1.2, 3.2],
  Fantasy: [1.6, 0.3, 3.0],
  Action: [3.0, 0.8, 0.3],
  Adventure: [2.6, 1.5, 0.3],
  Animation: [0.4, 0.8, 3.2],
  Comedy: [2.6, 2.4, 0.3],
  Crime: [2.4, 0.2, 0.2],
  Documentary: [0.3, 2.2, 2.4],
  Drama: [0.3, 0.3, 2.6],
  Family: [2.6, 1.2, 0.3],
  History: [2.2, 1.1, 0.3],
  Music: [2.8, 0.3, 2.2],
  Romance: [3.0, 0.3, 0.9],
  War: [0.9, 1.6, 0.3],
  Western: [2.8, 1.1, 0.2],
  Kids: [0.3, 1.1, 3.0],
  Reality: [2.4, 0.8, 0.3],
  Soap: [2.6, 0.3, 0.9],
  Talk: [0.3, 1.6, 2.4],
  News: [0.3, 0.5, 2.6],
};

export const DEFAULT_TINT: Tint = [1.0, 1.0, 1.4];

export function tintFor(genre: string | null): Tint {
  return (genre && GENRE_TINTS[genre]) || DEFAULT_TINT;
}

/** The reference luminance profile at row y. */
export function profile(y: number, H: number): number {
  return 10 + 8 * Math.sin((Math.PI * y) / H);
}

/** Small integer hash → [-1, 1): grain that is identical on every run and host. */
function grain(x: number, y: number): number {
  let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) & 0xffff) / 32768 - 1;
}

export function fallbackPixels(
  genre: string | null,
  W: number,
  H: number,
  style: FallbackBgStyle = 'minimal',
): Uint8ClampedArray {
  return style === 'photoreal' ? photorealPixels(genre, W, H) : minimalPixels(genre, W, H);
}

function minimalPixels(genre: string | null, W: number, H: number): Uint8ClampedArray {
  const tint = tintFor(genre);
  const out = new Uint8ClampedArray(W * H * 4);
  const cx = W * 0.5;
  const cy = H * 0.36;
  const sigma2 = 2 * (W * 0.42) ** 2;
  // The light pool is a separable Gaussian: one exp per row and per column, not per pixel.
  const gx = Float64Array.from({ length: W }, (_, x) => Math.exp(-((x - cx) ** 2) / sigma2));
  for (let y = 0; y < H; y++) {
    const base = profile(y, H);
    const gy = 16 * Math.exp(-((y - cy) ** 2) / sigma2);
    for (let x = 0; x < W; x++) {
      const light = base + gy * (gx[x] ?? 0);
      const n = grain(x, y) * 1.6;
      const i = (y * W + x) * 4;
      out[i] = light * tint[0] + n;
      out[i + 1] = light * tint[1] + n;
      out[i + 2] = light * tint[2] + n;
      out[i + 3] = 255;
    }
  }
  return out;
}

/** Deterministic bokeh lights: position and size as fractions of the canvas, strength 0–1. */
const BOKEH: readonly (readonly [number, number, number, number])[] = [
  [0.18, 0.3, 0.07, 0.9],
  [0.34, 0.44, 0.045, 0.7],
  [0.62, 0.24, 0.09, 0.8],
  [0.8, 0.47, 0.05, 0.75],
  [0.9, 0.18, 0.06, 0.6],
  [0.48, 0.12, 0.035, 0.5],
  [0.08, 0.52, 0.04, 0.55],
  [0.7, 0.53, 0.03, 0.65],
];

function photorealPixels(genre: string | null, W: number, H: number): Uint8ClampedArray {
  const tint = tintFor(genre);
  // The tint normalised to its strongest channel: a colour, not a gain (sky and lights are brighter).
  const peak = Math.max(...tint);
  const hue = tint.map((c) => c / peak) as unknown as Tint;
  const out = new Uint8ClampedArray(W * H * 4);
  const horizon = H * 0.58;
  const lights = BOKEH.map(([fx, fy, fr, k]) => ({ x: fx * W, y: fy * H, r: fr * W, k }));
  for (let y = 0; y < H; y++) {
    const t = y / H;
    // Sky: dark at the top, brightening towards the horizon; ground: near-black, lifting slightly.
    const sky = y < horizon ? 18 + 70 * (y / horizon) ** 2.2 : 10 + 14 * (1 - (y - horizon) / (H - horizon));
    const glow = 120 * Math.exp(-(((y - horizon) / (H * 0.045)) ** 2));
    for (let x = 0; x < W; x++) {
      let light = sky + glow * (0.75 + 0.25 * Math.cos((Math.PI * (x - W / 2)) / W));
      let bokeh = 0;
      if (y < horizon + H * 0.05) {
        for (const b of lights) {
          const d2 = ((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r);
          // A soft disc with a slightly brighter rim, as an out-of-focus point light draws.
          if (d2 < 1.6) bokeh += b.k * 70 * (d2 < 1 ? 0.6 + 0.4 * d2 : Math.max(0, (1.6 - d2) / 0.6));
        }
      }
      const vx = (x - W / 2) / (W * 0.62);
      const vy = (y - H * 0.45) / (H * 0.62);
      const vignette = Math.max(0.25, 1 - 0.55 * (vx * vx + vy * vy));
      light = (light + bokeh) * vignette;
      const n = grain(x, y) * 3;
      const i = (y * W + x) * 4;
      // Highlights drift towards white, so lights look lit rather than merely coloured.
      const white = Math.min(1, Math.max(0, (light - 110) / 160)) * (1 - t * 0.5);
      out[i] = light * (hue[0] * (1 - white) + white) + n;
      out[i + 1] = light * (hue[1] * (1 - white) + white) + n;
      out[i + 2] = light * (hue[2] * (1 - white) + white) + n;
      out[i + 3] = 255;
    }
  }
  return out;
}
