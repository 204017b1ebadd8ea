/** Display mode 2, clean numeric: "Genre ★ 87" centred. */
import type { Layer } from '../../../domain/scene.ts';
import { uiLabel } from '../../i18n.ts';
import { scoreColors } from '../../palettes.ts';
import type { LayoutContext } from '../context.ts';
import { formatScore, LABEL_SHADOW, STAR, solid } from '../labels.ts';
import { inter } from '../metrics.ts';
import { layoutRun, type Piece } from '../run.ts';

const WHITE = [245, 245, 245] as const;
const NA_GREY = [150, 150, 150] as const;

export function cleanLayers(ctx: LayoutContext): Layer[] {
  const { W, H, style, facts } = ctx;
  const ink = solid(style.ratingTextColor ?? WHITE);
  const score = facts.score;
  const starColor =
    score === null
      ? solid(NA_GREY)
      : solid(scoreColors(score, style.scoreColorMode, style.scoreCustomPalette).left);
  const pieces: Piece[] = [];
  if (ctx.genre) pieces.push({ kind: 'text', text: ctx.genre, color: ink }, { kind: 'gap', w: 0.3 });
  pieces.push(
    { kind: 'text', text: STAR, color: starColor },
    { kind: 'gap', w: 0.22 },
    {
      kind: 'text',
      text: score === null ? uiLabel('N/A', ctx.lang) : formatScore(score, style.scoreOutOf10),
      color: ink,
    },
  );
  return layoutRun(
    ctx.metrics,
    pieces,
    inter(700, style.numericScoreFontSizeRatio * W),
    { x: W / 2, centreY: style.numericScoreYOffset * H, align: 'center', maxWidth: W * 0.9, minSize: 10 },
    LABEL_SHADOW,
  ).layers;
}
