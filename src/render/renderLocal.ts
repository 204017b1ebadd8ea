/**
 * One render on the current thread: art → analysis → scene → paint → encode. The worker pool
 * (pool.ts) runs this off the main event loop; tests and the benchmark may call it directly.
 */

import type { Canvas } from '@napi-rs/canvas';
import type { Scene } from '../domain/scene.ts';
import { drawBaseArt } from './draw/art.ts';
import { contentTypeOf, encodeCanvas } from './draw/encode.ts';
import { prepareLogo } from './draw/logo.ts';
import { canvasMetrics } from './draw/measure.ts';
import { paintLayers } from './draw/paint.ts';
import { giveBackSurface, ImageScope } from './draw/surfaces.ts';
import { registerFonts } from './fonts.ts';
import { type ArtSource, CANVAS_HEIGHT, CANVAS_WIDTH } from './layout/context.ts';
import { buildScene, shouldGreyscale } from './layout/scene.ts';
import { DEFAULT_DEADLINE_MS, type RenderInput, type RenderResult, RenderTimeoutError } from './types.ts';

export interface PaintedPoster {
  canvas: Canvas;
  scene: Scene;
  artSource: ArtSource;
  warnings: string[];
  greyscale: boolean;
}

/** Everything up to (not including) the encode: the painted canvas and the scene it came from. */
export async function paintPoster(input: RenderInput): Promise<PaintedPoster> {
  registerFonts();
  const budget = input.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadline = performance.now() + budget;
  const check = () => {
    if (performance.now() > deadline) throw new RenderTimeoutError(budget);
  };
  const W = CANVAS_WIDTH;
  const H = CANVAS_HEIGHT;
  const { facts, style } = input;

  const greyscale = shouldGreyscale(facts, style);
  // The decoded art and logo are only read while painting; then their holders go back for reuse.
  const images = new ImageScope();
  try {
    const base = await drawBaseArt(
      {
        art: input.art,
        backdrop: input.backdrop ?? null,
        facts,
        fallbackStyle: style.fallbackBgStyle,
        greyscale,
        images,
      },
      W,
      H,
    );
    check();
    const warnings = [...base.warnings];
    const wantsLogo = !style.textless && base.textless;
    const logo = wantsLogo ? await prepareLogo(input.logo, warnings, images) : null;
    check();
    const scene = buildScene({
      facts,
      style,
      art: { source: base.source, textless: base.textless, thumb: base.thumb },
      logo: logo?.info ?? null,
      metrics: canvasMetrics,
    });
    paintLayers(base.ctx, scene.layers, { logo: logo?.decoded.image ?? null, art: base.sourceArt });
    check();
    return {
      canvas: base.canvas,
      scene,
      artSource: base.source,
      warnings,
      greyscale: greyscale && base.source !== 'fallback_canvas',
    };
  } finally {
    images.close();
  }
}

export async function renderLocal(input: RenderInput): Promise<RenderResult> {
  const painted = await paintPoster(input);
  let bytes: Buffer;
  try {
    bytes = await encodeCanvas(painted.canvas, input.output.format, input.output.quality);
  } finally {
    giveBackSurface(painted.canvas);
  }
  return {
    bytes,
    contentType: contentTypeOf(input.output.format),
    width: 500,
    height: 750,
    artSource: painted.artSource,
    warnings: painted.warnings,
    summary: { ...painted.scene.summary, greyscale: painted.greyscale },
  };
}
