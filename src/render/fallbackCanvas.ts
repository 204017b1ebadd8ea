/**
 * The genre-tinted procedural canvas, so a poster is never blank (reference §4.2 step 5): a vertical
 * luminance profile `10 + 8·sin(π·y/H)` multiplied per channel by the genre's tint. On top of the
 * reference profile: a soft light pool in the upper third and a faint deterministic grain, so the
 * canvas reads as a designed backdrop rather than a flat fill. Pure: returns RGBA pixels.
 */

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

export function fallbackPixels(genre: string | null, W: number, H: number): Uint8ClampedArray {
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
