/**
 * A small RGB copy of the base art (after cover-fit and greyscale), made once by the pixel layer.
 * Every colour decision of the layout (tints, ink colours, logo contrast) is computed from it by pure
 * code, so those decisions are testable with synthetic thumbnails.
 */
import type { Rgb } from '../../domain/style.ts';

export interface Thumbnail {
  width: number;
  height: number;
  /** Packed RGB, row-major, 3 bytes per pixel. */
  rgb: Uint8Array;
}

/** A region in canvas pixels, mapped onto the thumbnail by the canvas size. */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function solidThumbnail(color: Rgb, width = 10, height = 15): Thumbnail {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < rgb.length; i += 3) {
    rgb[i] = color[0];
    rgb[i + 1] = color[1];
    rgb[i + 2] = color[2];
  }
  return { width, height, rgb };
}

/** Pixel index range of `region` on the thumbnail (at least one pixel, clipped to the image). */
export function regionBounds(
  thumb: Thumbnail,
  region: Region,
  canvasW: number,
  canvasH: number,
): { x0: number; y0: number; x1: number; y1: number } {
  const sx = thumb.width / canvasW;
  const sy = thumb.height / canvasH;
  const x0 = Math.max(0, Math.min(thumb.width - 1, Math.floor(region.x * sx)));
  const y0 = Math.max(0, Math.min(thumb.height - 1, Math.floor(region.y * sy)));
  const x1 = Math.max(x0 + 1, Math.min(thumb.width, Math.ceil((region.x + region.w) * sx)));
  const y1 = Math.max(y0 + 1, Math.min(thumb.height, Math.ceil((region.y + region.h) * sy)));
  return { x0, y0, x1, y1 };
}

/** Mean colour of a region. */
export function meanColor(thumb: Thumbnail, region: Region, canvasW: number, canvasH: number): Rgb {
  const { x0, y0, x1, y1 } = regionBounds(thumb, region, canvasW, canvasH);
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * thumb.width + x) * 3;
      r += thumb.rgb[i] ?? 0;
      g += thumb.rgb[i + 1] ?? 0;
      b += thumb.rgb[i + 2] ?? 0;
      n++;
    }
  }
  return [Math.round(r / n), Math.round(g / n), Math.round(b / n)];
}

/**
 * Box-filtered thumbnail of RGBA pixels (the drawn base art, read back once). Each thumbnail pixel is
 * the mean of its block sampled on every `step`-th row and column: a 10×10 block at step 2 averages 25
 * pixels, close to the full mean at a quarter of the reads (grain and text edges average out, where a
 * point sample would alias). Alpha is ignored: the pixels are opaque art.
 */
export function thumbnailOfRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  outW: number,
  outH: number,
  step = 2,
): Thumbnail {
  const rgb = new Uint8Array(outW * outH * 3);
  for (let ty = 0; ty < outH; ty++) {
    const y0 = Math.floor((ty * height) / outH);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * height) / outH));
    for (let tx = 0; tx < outW; tx++) {
      const x0 = Math.floor((tx * width) / outW);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * width) / outW));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let y = y0; y < y1; y += step) {
        for (let x = x0, i = (y * width + x0) * 4; x < x1; x += step, i += 4 * step) {
          r += rgba[i] ?? 0;
          g += rgba[i + 1] ?? 0;
          b += rgba[i + 2] ?? 0;
          n++;
        }
      }
      const j = (ty * outW + tx) * 3;
      rgb[j] = Math.round(r / n);
      rgb[j + 1] = Math.round(g / n);
      rgb[j + 2] = Math.round(b / n);
    }
  }
  return { width: outW, height: outH, rgb };
}
