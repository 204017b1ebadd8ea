/** Rating display modes 0–4. */
import type { Layer } from '../../../domain/scene.ts';
import type { LayoutContext } from '../context.ts';
import { cleanLayers } from './clean.ts';
import { frostedBarLayers } from './frostedBar.ts';
import { minimalistLayers } from './minimalist.ts';
import { scoreBarLayers } from './scoreBar.ts';

export function ratingLayers(ctx: LayoutContext): Layer[] {
  switch (ctx.style.ratingDisplayMode) {
    case 0:
      return [];
    case 1:
      return scoreBarLayers(ctx);
    case 2:
      return cleanLayers(ctx);
    case 3:
      return minimalistLayers(ctx);
    case 4:
      return frostedBarLayers(ctx);
  }
}
