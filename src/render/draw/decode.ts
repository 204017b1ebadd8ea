/**
 * Decoding untrusted image bytes with limits. Every failure is an ImageRejected with a reason; callers
 * turn it into the fallback path, never into an error response.
 *
 * Two decoders behind one function (measured in docs/PERFORMANCE.md):
 * - fast path: Skia (the canvas) decodes ordinary JPEG/PNG/WebP directly into something drawImage
 *   takes — no raw-buffer round trip. It is lenient (paints missing rows grey), so the header is read
 *   first (../analysis/header.ts: dimensions against the same 50 MP limit, orientation, CMYK) and the
 *   file's completeness proven (../analysis/integrity.ts).
 * - sharp path: large, rotated, CMYK, SVG or other formats go through sharp with `limitInputPixels`,
 *   `failOn: 'truncated'` and shrink-on-load, then into an ImageData.
 */
import { type Canvas, createCanvas, Image, ImageData } from '@napi-rs/canvas';
import { readHeader } from '../analysis/header.ts';
import { isComplete } from '../analysis/integrity.ts';
import sharp, { type Metadata } from '../sharp.ts';
import type { ImageScope } from './surfaces.ts';

export const MAX_INPUT_BYTES = 25 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 50_000_000;
/** Above this, Skia would hold the full-size bitmap; sharp's shrink-on-load keeps memory small. */
export const FAST_PATH_MAX_PIXELS = 4_200_000;

export type RejectReason =
  | 'empty'
  | 'too_many_bytes'
  | 'too_many_pixels'
  | 'not_an_image'
  | 'truncated'
  | 'corrupt';

export class ImageRejected extends Error {
  readonly reason: RejectReason;
  constructor(reason: RejectReason, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'ImageRejected';
    this.reason = reason;
  }
}

export interface Decoded {
  /** Anything drawImage accepts. */
  image: Image | Canvas;
  width: number;
  height: number;
  decoder: 'skia' | 'sharp';
}

export interface DecodeOptions {
  /** Longest side to keep on the sharp path (the output never needs more). */
  maxSide: number;
  /** Where the fast path gets its image holder (reused across renders); a new Image without one. */
  images?: ImageScope;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function inspect(buf: Buffer): Promise<Metadata> {
  try {
    return await sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' }).metadata();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(msg)) throw new ImageRejected('too_many_pixels', msg);
    if (/unsupported image format|empty/i.test(msg)) throw new ImageRejected('not_an_image', msg);
    throw new ImageRejected('corrupt', msg);
  }
}

export async function decodeImage(
  bytes: Uint8Array | null | undefined,
  opts: DecodeOptions,
): Promise<Decoded> {
  if (!bytes || bytes.byteLength === 0) throw new ImageRejected('empty');
  if (bytes.byteLength > MAX_INPUT_BYTES)
    throw new ImageRejected('too_many_bytes', `${bytes.byteLength} bytes`);
  const buf = toBuffer(bytes);

  const head = readHeader(buf);
  if (head && head.width * head.height > MAX_INPUT_PIXELS) {
    throw new ImageRejected('too_many_pixels', `${head.width}x${head.height}`);
  }
  const fast =
    head !== null &&
    head.width > 0 &&
    head.height > 0 &&
    head.width * head.height <= FAST_PATH_MAX_PIXELS &&
    head.orientation === 1 &&
    !head.cmyk &&
    !head.animated;
  if (fast) {
    if (!isComplete(buf, head.format)) throw new ImageRejected('truncated', head.format);
    const img = opts.images?.take() ?? new Image();
    img.src = buf;
    if (img.width === head.width && img.height === head.height) {
      return { image: img, width: head.width, height: head.height, decoder: 'skia' };
    }
    // Skia disagreed with the header (or could not decode): let sharp decide, it is the stricter one.
  }

  const meta = await inspect(buf);
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width <= 0 || height <= 0) throw new ImageRejected('corrupt', 'no dimensions');
  // Checked here too: metadata() reads the header only and may not apply limitInputPixels itself.
  if (width * height > MAX_INPUT_PIXELS) throw new ImageRejected('too_many_pixels', `${width}x${height}`);
  return decodeWithSharp(buf, meta, opts);
}

async function decodeWithSharp(buf: Buffer, meta: Metadata, opts: DecodeOptions): Promise<Decoded> {
  // Vector input is rasterised at a density that yields about maxSide pixels, not at 72 dpi.
  const density =
    meta.format === 'svg' && meta.width && meta.height
      ? Math.max(1, Math.min(1200, (72 * opts.maxSide) / Math.max(meta.width, meta.height)))
      : undefined;
  try {
    const { data, info } = await sharp(buf, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'truncated',
      ...(density ? { density } : {}),
    })
      .rotate()
      .resize({ width: opts.maxSide, height: opts.maxSide, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const canvas = createCanvas(info.width, info.height);
    const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
    canvas.getContext('2d').putImageData(new ImageData(pixels, info.width, info.height), 0, 0);
    return { image: canvas, width: info.width, height: info.height, decoder: 'sharp' };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/premature end|truncated|unexpected end/i.test(msg)) throw new ImageRejected('truncated', msg);
    if (/pixel limit/i.test(msg)) throw new ImageRejected('too_many_pixels', msg);
    throw new ImageRejected('corrupt', msg);
  }
}
