/**
 * Display mode 1, the score bar: a "Genre · Year" label over a gradient pill
 * filled to the score, with a glow above the threshold. N/A hides the bar; 0 draws an empty track.
 */
import type { Layer } from '../../../domain/scene.ts';
import { scoreColors } from '../../palettes.ts';
import type { LayoutContext } from '../context.ts';
import { joinParts, LABEL_SHADOW, solid } from '../labels.ts';
import { inter } from '../metrics.ts';
import { layoutRun } from '../run.ts';

export const BAR_SIDE_MARGIN = 70;
export const LABEL_GREY = [200, 200, 200] as const;

export function scoreBarLayers(ctx: LayoutContext): Layer[] {
  const { W, H, style, facts } = ctx;
  const layers: Layer[] = [];

  const parts =
    style.accentBarAppendMode === 0
      ? [ctx.genre, ctx.year]
      : style.accentBarAppendMode === 1
        ? [ctx.genre, ctx.sashText]
        : [ctx.genre, ctx.year, ctx.sashText];
  const label = joinParts(parts);
  if (label) {
    const run = layoutRun(
      ctx.metrics,
      [{ kind: 'text', text: label, color: solid(style.ratingTextColor ?? LABEL_GREY) }],
      inter(700, style.accentBarFontSizeRatio * W),
      { x: W / 2, centreY: style.accentBarYOffset * H, align: 'center', maxWidth: W * 0.88, minSize: 10 },
      LABEL_SHADOW,
    );
    layers.push(...run.layers);
  }

  if (facts.score === null) return layers;
  const h = Math.max(8, Math.round(0.012 * H));
  const x = BAR_SIDE_MARGIN;
  const w = W - 2 * BAR_SIDE_MARGIN;
  const y = H - style.accentBarBottomRatio * H - h;
  const r = h / 2;
  layers.push({
    kind: 'fill',
    shape: { kind: 'rect', x, y, w, h, radii: [r, r, r, r] },
    paint: { kind: 'solid', color: [255, 255, 255, 45 / 255] },
    blur: 0,
    shadow: null,
    stroke: null,
  });
  const score = Math.max(0, Math.min(100, facts.score));
  const fillW = (w * score) / 100;
  if (fillW <= 0) return layers;

  const colors = scoreColors(score, style.scoreColorMode, style.scoreCustomPalette);
  if (score >= style.scoreGlowThreshold && style.scoreGlowAlpha > 0) {
    const glow =
      style.scoreGlowColor === 'white'
        ? ([255, 255, 255] as const)
        : style.scoreGlowColor === 'match'
          ? colors.left
          : style.scoreGlowColor;
    const pad = 3 + style.scoreGlowBlur;
    layers.push({
      kind: 'fill',
      shape: {
        kind: 'rect',
        x: x - pad,
        y: y - pad,
        w: fillW + 2 * pad,
        h: h + 2 * pad,
        radii: [r + pad, r + pad, r + pad, r + pad],
      },
      paint: { kind: 'solid', color: solid(glow, style.scoreGlowAlpha / 255) },
      blur: style.scoreGlowBlur,
      shadow: null,
      stroke: null,
    });
  }
  // Short fills keep a pill shape: the radius never exceeds half the filled width.
  const fr = Math.min(r, fillW / 2);
  layers.push({
    kind: 'fill',
    shape: { kind: 'rect', x, y, w: fillW, h, radii: [fr, fr, fr, fr] },
    paint: {
      kind: 'linear',
      x0: x,
      y0: 0,
      x1: x + w,
      y1: 0,
      stops: [
        { offset: 0, color: solid(colors.left, 220 / 255) },
        { offset: 1, color: solid(colors.right, 220 / 255) },
      ],
    },
    blur: 0,
    shadow: null,
    stroke: null,
  });
  // 1-px highlight along the top of the fill: the "glass" edge that makes it read as a bar, not a stripe.
  if (fillW > 2 * fr) {
    layers.push({
      kind: 'fill',
      shape: { kind: 'rect', x: x + fr, y: y + 1, w: fillW - 2 * fr, h: 1, radii: [0, 0, 0, 0] },
      paint: { kind: 'solid', color: [255, 255, 255, 0.35] },
      blur: 0,
      shadow: null,
      stroke: null,
    });
  }
  return layers;
}
