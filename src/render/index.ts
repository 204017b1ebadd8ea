/**
 * The render engine's public surface. The poster service builds its worker pool with `createRenderPool`
 * (src/app/posters.ts, which imports pool.ts directly so the main thread never loads the drawing code);
 * everything else is for tests, the benchmark, the gallery and debug output.
 *
 *   (art bytes, backdrop bytes, logo bytes, facts, style) → 500×750 WebP/JPEG
 *
 * Layers: layout/ (pure: facts + style → Scene), draw/ (the only code importing sharp and the canvas),
 * pool.ts (worker threads + deadline). Bad artwork never throws: it degrades to backdrop crop or the
 * genre canvas, reported in `artSource` and `warnings`.
 */
export { MAX_INPUT_BYTES, MAX_INPUT_PIXELS } from './draw/decode.ts';
export { canvasMetrics } from './draw/measure.ts';
export { transcodeToPng } from './draw/png.ts';
export { registerFonts } from './fonts.ts';
export type { ArtSource, LayoutInput, LogoInfo } from './layout/context.ts';
export { CANVAS_HEIGHT, CANVAS_WIDTH } from './layout/context.ts';
export type { TextMetrics } from './layout/metrics.ts';
export { buildScene, sashTextOf, shouldGreyscale } from './layout/scene.ts';
export { createRenderPool, type RenderPool, type RenderPoolOptions } from './pool.ts';
export { renderLocal } from './renderLocal.ts';
export { DEFAULT_DEADLINE_MS, type RenderInput, type RenderResult, RenderTimeoutError } from './types.ts';
