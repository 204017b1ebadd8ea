/**
 * Backdrop → portrait crop window: keep the full height, take a width of h·2/3 and pick
 * its left edge by a cheap saliency score on a thumbnail — skin tones ×4, local contrast (a box
 * difference-of-Gaussians) ×2, saturation ×0.5, rows in the upper 65 % ×2 (faces and action sit high,
 * credits and floors sit low), and a 10 % Gaussian pull toward the centre. Pure.
 */
import { isSkin } from './analysis/dominant.ts';
import type { Thumbnail } from './analysis/thumbnail.ts';

export const CROP_ASPECT = 2 / 3;

/** Per-column saliency of a thumbnail. */
export function columnSaliency(t: Thumbnail): Float64Array {
  const { width: w, height: h, rgb } = t;
  const lum = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    lum[i] = 0.299 * (rgb[i * 3] ?? 0) + 0.587 * (rgb[i * 3 + 1] ?? 0) + 0.114 * (rgb[i * 3 + 2] ?? 0);
  }
  const cols = new Float64Array(w);
  const upper = Math.floor(h * 0.65);
  for (let y = 0; y < h; y++) {
    const rowWeight = y < upper ? 2 : 1;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const r = rgb[i * 3] ?? 0;
      const g = rgb[i * 3 + 1] ?? 0;
      const b = rgb[i * 3 + 2] ?? 0;
      const max = Math.max(r, g, b);
      const sat = max === 0 ? 0 : (max - Math.min(r, g, b)) / max;
      // 3×3 box mean as the wide Gaussian; the pixel itself as the narrow one.
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          sum += lum[yy * w + xx] ?? 0;
          n++;
        }
      }
      const dog = Math.min(1, Math.abs((lum[i] ?? 0) - sum / n) / 24);
      const score = (isSkin(r, g, b) ? 4 : 0) + 2 * dog + 0.5 * sat;
      cols[x] = (cols[x] ?? 0) + score * rowWeight;
    }
  }
  return cols;
}

/** Skin pixels per column (upper 65 % of rows only: faces, not hands on a table or sand). */
export function skinColumns(t: Thumbnail): Float64Array {
  const cols = new Float64Array(t.width);
  const upper = Math.floor(t.height * 0.65);
  for (let y = 0; y < upper; y++) {
    for (let x = 0; x < t.width; x++) {
      const i = (y * t.width + x) * 3;
      if (isSkin(t.rgb[i] ?? 0, t.rgb[i + 1] ?? 0, t.rgb[i + 2] ?? 0)) cols[x] = (cols[x] ?? 0) + 1;
    }
  }
  return cols;
}

/** A face stand-in: skin pixels at least this share of the thumbnail, packed in one face-wide strip. */
export const FACE_MIN_SHARE = 0.003;

/**
 * Centre (thumbnail x) of the densest face-wide strip of skin, or null when there is too little skin
 * to be a face. Cheap stand-in for the reference's face detection: a face is centred, not just included.
 */
export function faceCentre(t: Thumbnail, stripWidth: number): number | null {
  const cols = skinColumns(t);
  const w = Math.max(1, Math.round(stripWidth));
  let best = -1;
  let bestSum = 0;
  let sum = 0;
  for (let x = 0; x < t.width; x++) {
    sum += cols[x] ?? 0;
    if (x >= w) sum -= cols[x - w] ?? 0;
    if (x >= w - 1 && sum > bestSum) {
      bestSum = sum;
      best = x - w + 1;
    }
  }
  if (best < 0 || bestSum < FACE_MIN_SHARE * t.width * t.height) return null;
  // Centre on the skin itself (its centroid inside the strip), not on the strip's first fit.
  let mass = 0;
  let moment = 0;
  for (let x = best; x < best + w; x++) {
    mass += cols[x] ?? 0;
    moment += (cols[x] ?? 0) * (x + 0.5);
  }
  return moment / mass;
}

/**
 * Left edge (0–1 of the source width) of the portrait window: centred on a face when there is one, else
 * the most salient window; 0 when the source is already narrower than portrait.
 */
export function chooseCropLeft(t: Thumbnail, aspect = CROP_ASPECT): number {
  const cw = Math.round(t.height * aspect);
  if (cw >= t.width) return 0;
  const face = faceCentre(t, cw / 3);
  if (face !== null) return Math.max(0, Math.min(t.width - cw, face - cw / 2)) / t.width;
  const cols = columnSaliency(t);
  const prefix = new Float64Array(t.width + 1);
  for (let x = 0; x < t.width; x++) prefix[x + 1] = (prefix[x] ?? 0) + (cols[x] ?? 0);
  const span = t.width - cw;
  const sigma = span * 0.5;
  let best = Math.round(span / 2);
  let bestScore = -Infinity;
  for (let left = 0; left <= span; left++) {
    const s = (prefix[left + cw] ?? 0) - (prefix[left] ?? 0);
    const off = left - span / 2;
    const bias = 0.9 + 0.1 * Math.exp(-(off * off) / (2 * sigma * sigma));
    const score = s * bias;
    if (score > bestScore) {
      bestScore = score;
      best = left;
    }
  }
  return best / t.width;
}
