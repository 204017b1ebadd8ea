/**
 * The base art: poster cover-fit, else a portrait crop of the backdrop, else the genre canvas — so a
 * poster is never blank. Bad bytes at any step fall through to the next; nothing here throws for input.
 */
import { type Canvas, createCanvas, type Image, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { Facts } from '../../domain/facts.ts';
import type { FallbackBgStyle } from '../../domain/style.ts';
import { type Thumbnail, thumbnailOfRgba } from '../analysis/thumbnail.ts';
import { CROP_ASPECT, chooseCropLeft } from '../crop.ts';
import { fallbackPixels } from '../fallbackCanvas.ts';
import type { ArtSource } from '../layout/context.ts';
import { type Decoded, decodeImage, ImageRejected } from './decode.ts';
import { type ImageScope, takeSurface } from './surfaces.ts';

export interface BaseArt {
  canvas: Canvas;
  ctx: SKRSContext2D;
  source: ArtSource;
  /** False for a text-bearing official poster: our logo or title must not be drawn over it. */
  textless: boolean;
  /** 50×75 RGB copy of the base art, for the layout's colour decisions. */
  thumb: Thumbnail;
  /** Where the art came from, so frosted layers can blur the art itself (null: the procedural canvas). */
  sourceArt: ArtSample | null;
  warnings: string[];
}

/** The decoded source image and the rect of it that fills the canvas. */
export interface ArtSample {
  image: Image | Canvas;
  rect: SourceRect;
  greyscale: boolean;
}

/** Thumbnail size for colour analysis (the 2:3 canvas at a tenth). */
export const THUMB_W = 50;
export const THUMB_H = 75;

export interface ArtInput {
  art: Uint8Array | null;
  backdrop: Uint8Array | null;
  facts: Facts;
  /** `fallback_bg_style`: how the genre canvas is drawn when there is no art at all. */
  fallbackStyle?: FallbackBgStyle;
  greyscale: boolean;
  /** Holders for the decoded art; the caller closes the scope once painting is done. */
  images: ImageScope;
}

/** Longest side kept when sharp decodes (art is drawn at 500×750, backdrops cropped first). */
const ART_MAX_SIDE = 1600;

async function tryDecode(
  bytes: Uint8Array | null,
  what: string,
  warnings: string[],
  images: ImageScope,
): Promise<Decoded | null> {
  if (!bytes) return null;
  try {
    return await decodeImage(bytes, { maxSide: ART_MAX_SIDE, images });
  } catch (err) {
    warnings.push(`${what}_rejected:${err instanceof ImageRejected ? err.reason : 'error'}`);
    return null;
  }
}

function coverRect(w: number, h: number, W: number, H: number) {
  const scale = Math.max(W / w, H / h);
  const sw = W / scale;
  const sh = H / scale;
  return { sx: (w - sw) / 2, sy: (h - sh) / 2, sw, sh };
}

function newCanvas(W: number, H: number): { canvas: Canvas; ctx: SKRSContext2D } {
  const { canvas, ctx } = takeSurface(W, H);
  ctx.lang = 'en';
  return { canvas, ctx };
}

function drawSource(
  ctx: SKRSContext2D,
  img: Image | Canvas,
  r: { sx: number; sy: number; sw: number; sh: number },
  W: number,
  H: number,
  greyscale: boolean,
): void {
  ctx.save();
  // Mipmapped bilinear: no aliasing at the usual 0.64× downscale, ~0.7 ms cheaper than 'high'.
  ctx.imageSmoothingQuality = 'medium';
  if (greyscale) ctx.filter = 'grayscale(1)';
  ctx.drawImage(img, r.sx, r.sy, r.sw, r.sh, 0, 0, W, H);
  ctx.restore();
}

export type SourceRect = { sx: number; sy: number; sw: number; sh: number };

/**
 * RGB thumbnail of a region of a drawable (the backdrop's saliency map, before anything is drawn).
 */
export function thumbnailOf(src: Image | Canvas, r: SourceRect, width: number, height: number): Thumbnail {
  const c = createCanvas(width, height);
  const ctx = c.getContext('2d');
  ctx.drawImage(src, r.sx, r.sy, r.sw, r.sh, 0, 0, width, height);
  const { data } = ctx.getImageData(0, 0, width, height);
  return thumbnailOfRgba(data, width, height, width, height, 1);
}

/**
 * The layout's thumbnail, read back from the drawn base art. `canvas.data()` copies the surface
 * (0.3 ms) without snapshotting it, so later overlays pay no copy-on-write; it measured as fast as or
 * faster than drawing the source a second time into a small canvas, and averages whole blocks where
 * that point-sampled them (docs/PERFORMANCE.md). Opaque art, so the premultiplied surface equals the
 * straight colours.
 */
function thumbnailOfCanvas(canvas: Canvas): Thumbnail {
  return thumbnailOfRgba(canvas.data(), canvas.width, canvas.height, THUMB_W, THUMB_H);
}

/** The backdrop window to crop: full height, 2/3 as wide, placed by saliency. */
export function backdropCropRect(img: Decoded): { sx: number; sy: number; sw: number; sh: number } {
  const sw = img.height * CROP_ASPECT;
  if (sw >= img.width) return coverRect(img.width, img.height, 2, 3);
  const thumb = thumbnailOf(
    img.image,
    { sx: 0, sy: 0, sw: img.width, sh: img.height },
    160,
    Math.max(1, Math.round((img.height * 160) / img.width)),
  );
  const left = chooseCropLeft(thumb) * img.width;
  return { sx: Math.min(left, img.width - sw), sy: 0, sw, sh: img.height };
}

export async function drawBaseArt(input: ArtInput, W: number, H: number): Promise<BaseArt> {
  const warnings: string[] = [];
  const { canvas, ctx } = newCanvas(W, H);
  const poster = await tryDecode(input.art, 'art', warnings, input.images);
  const posterTextless = input.facts.posterIsTextless;
  const draw = (img: Decoded, rect: SourceRect) => {
    drawSource(ctx, img.image, rect, W, H, input.greyscale);
    return {
      thumb: thumbnailOfCanvas(canvas),
      sourceArt: { image: img.image, rect, greyscale: input.greyscale },
    };
  };

  if (poster && (posterTextless || !input.backdrop)) {
    const drawn = draw(poster, coverRect(poster.width, poster.height, W, H));
    return { canvas, ctx, source: 'poster', textless: posterTextless, ...drawn, warnings };
  }
  // A text-bearing poster loses to a textless backdrop: our logo goes on the crop instead.
  const backdrop = await tryDecode(input.backdrop ?? null, 'backdrop', warnings, input.images);
  if (backdrop) {
    const drawn = draw(backdrop, backdropCropRect(backdrop));
    return { canvas, ctx, source: 'backdrop_crop', textless: true, ...drawn, warnings };
  }
  if (poster) {
    const drawn = draw(poster, coverRect(poster.width, poster.height, W, H));
    return { canvas, ctx, source: 'poster', textless: posterTextless, ...drawn, warnings };
  }
  const pixels = fallbackPixels(input.facts.genre, W, H, input.fallbackStyle);
  ctx.putImageData(new ImageData(pixels, W, H), 0, 0);
  const thumb = thumbnailOfRgba(pixels, W, H, THUMB_W, THUMB_H);
  return { canvas, ctx, source: 'fallback_canvas', textless: true, thumb, sourceArt: null, warnings };
}
