/**
 * Golden-image comparison with a perceptual tolerance and an explicit record switch.
 *
 * Goldens are PNGs at half resolution (250×375): Skia dithers gradients, so full-size PNGs cost
 * ~120 KB each; at half size the whole set stays near 3 MB. Both sides are downscaled by the same sharp
 * kernel, so any layer that moves by ≥ 2 px, changes colour or disappears still shows.
 *
 * Tolerance: pixelmatch's per-pixel YIQ threshold 0.1 (absorbs anti-aliasing and ±1-level rounding
 * differences between CPUs) and at most MAX_DIFF_PIXELS differing pixels per image.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Canvas } from '@napi-rs/canvas';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';

export const GOLDEN_DIR = fileURLToPath(new URL('./__goldens__/', import.meta.url));
export const DIFF_DIR = fileURLToPath(new URL('./__diff__/', import.meta.url));
export const GOLDEN_W = 250;
export const GOLDEN_H = 375;
export const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFF_PIXELS = 24;
export const RECORDING = process.env.UPDATE_GOLDENS === '1';

/** The canvas at golden size, as raw RGBA. */
export async function halfSize(canvas: Canvas): Promise<Buffer> {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  return sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
    raw: { width, height, channels: 4 },
  })
    .resize(GOLDEN_W, GOLDEN_H, { kernel: 'lanczos3' })
    .raw()
    .toBuffer();
}

export async function rawOf(png: string | Buffer): Promise<Buffer> {
  return sharp(png).ensureAlpha().raw().toBuffer();
}

export function pngOf(raw: Buffer): Promise<Buffer> {
  return sharp(raw, { raw: { width: GOLDEN_W, height: GOLDEN_H, channels: 4 } })
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
}

export function countDiff(expected: Buffer, actual: Buffer, diff?: Uint8Array): number {
  return pixelmatch(expected, actual, diff ?? null, GOLDEN_W, GOLDEN_H, { threshold: PIXEL_THRESHOLD });
}

export type Outcome =
  | { status: 'recorded' }
  | { status: 'missing' }
  | { status: 'compared'; diffPixels: number };

/** Compares (or, when recording, writes) one golden; writes actual + diff images on a mismatch. */
export async function checkGolden(name: string, actual: Buffer): Promise<Outcome> {
  const file = `${GOLDEN_DIR}${name}.png`;
  if (RECORDING) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, await pngOf(actual));
    return { status: 'recorded' };
  }
  if (!existsSync(file)) return { status: 'missing' };
  const expected = await rawOf(file);
  const diff = new Uint8Array(GOLDEN_W * GOLDEN_H * 4);
  const diffPixels = countDiff(expected, actual, diff);
  if (diffPixels > MAX_DIFF_PIXELS) {
    mkdirSync(DIFF_DIR, { recursive: true });
    writeFileSync(`${DIFF_DIR}${name}.actual.png`, await pngOf(actual));
    writeFileSync(`${DIFF_DIR}${name}.diff.png`, await pngOf(Buffer.from(diff)));
  }
  return { status: 'compared', diffPixels };
}
