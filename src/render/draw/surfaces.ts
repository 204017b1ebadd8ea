/**
 * Reused native surfaces: decoded-image holders and the 500×750 poster canvas.
 *
 * Why: every `new Image()` reports its decoded bitmap (1.5 MB for a TMDB w500 poster, 3.6 MB at
 * w780) to V8 as external memory, and a new canvas its 1.5 MB surface; V8 only learns that memory is
 * free when it collects the wrappers, so every few renders the external total crosses V8's limit and
 * forces a full mark-compact (2–6 ms). Handing the same objects back keeps the external total flat:
 * 0 instead of ~30 full collections per 400 renders from w780 art, ~0.7 ms off the median and most of
 * the p90 tail (docs/PERFORMANCE.md).
 *
 * Per thread (module state is per worker), bounded, and safe for renders interleaving on one thread:
 * an object is either lent to exactly one render or idle.
 */
import { type Canvas, createCanvas, Image, type SKRSContext2D } from '@napi-rs/canvas';

/** Idle objects kept per thread; more than this in flight simply allocates. */
const MAX_IDLE = 4;
const NO_BYTES = new Uint8Array(0);

const idleImages: Image[] = [];

/**
 * The images one render decoded. `close()` empties and returns them: an emptied holder reports 0×0
 * and draws nothing, so a later decode that fails can never show the previous title's art.
 */
export class ImageScope {
  private readonly lent: Image[] = [];

  take(): Image {
    const img = idleImages.pop() ?? new Image();
    this.lent.push(img);
    return img;
  }

  close(): void {
    for (const img of this.lent.splice(0)) {
      img.src = NO_BYTES;
      if (idleImages.length < MAX_IDLE) idleImages.push(img);
    }
  }
}

interface PosterSurface {
  canvas: Canvas;
  ctx: SKRSContext2D;
}

const idleSurfaces: PosterSurface[] = [];

/** A cleared canvas of the given size with a fresh 2D state (reused when one is idle). */
export function takeSurface(width: number, height: number): PosterSurface {
  const i = idleSurfaces.findIndex((s) => s.canvas.width === width && s.canvas.height === height);
  if (i >= 0) {
    const surface = idleSurfaces.splice(i, 1)[0] as PosterSurface;
    // reset(): identity transform, default styles and a transparent bitmap, as a new canvas has.
    surface.ctx.reset();
    return surface;
  }
  const canvas = createCanvas(width, height);
  return { canvas, ctx: canvas.getContext('2d') };
}

/** Give a canvas back once nothing reads it any more (after its encode has finished). */
export function giveBackSurface(canvas: Canvas): void {
  if (idleSurfaces.length >= MAX_IDLE || idleSurfaces.some((s) => s.canvas === canvas)) return;
  idleSurfaces.push({ canvas, ctx: canvas.getContext('2d') });
}
