/**
 * Display mode 3, the minimalist strip: a small line at the right margin (or centred),
 * append modes 0 year (score as a coloured pip), 1 rating, 2 year + rating, 3 split (score on the
 * opposite margin); field separator pip/bullet, rating separator pip/bullet/star.
 */
import type { Layer, Rgba } from '../../../domain/scene.ts';
import type { MinimalistRatingSeparator, MinimalistSeparator } from '../../../domain/style.ts';
import { uiLabel } from '../../i18n.ts';
import { scoreColors } from '../../palettes.ts';
import type { LayoutContext } from '../context.ts';
import { formatScore, LABEL_SHADOW, STAR, solid } from '../labels.ts';
import { inter } from '../metrics.ts';
import { layoutRun, type Piece } from '../run.ts';

const INK = [235, 235, 235] as const;
const NEUTRAL: Rgba = [235, 235, 235, 0.55];

/** A separator between two fields, with its surrounding space. */
function separator(kind: MinimalistSeparator | MinimalistRatingSeparator, color: Rgba, ink: Rgba): Piece[] {
  if (kind === 'pip')
    return [
      { kind: 'gap', w: 0.32 },
      { kind: 'pip', w: 0.26, h: 0.26, color },
      { kind: 'gap', w: 0.32 },
    ];
  if (kind === 'bullet')
    return [
      { kind: 'gap', w: 0.22 },
      { kind: 'text', text: '•', color: ink },
      { kind: 'gap', w: 0.22 },
    ];
  return [
    { kind: 'gap', w: 0.28 },
    { kind: 'text', text: STAR, color },
    { kind: 'gap', w: 0.18 },
  ];
}

function joinWith(fields: readonly string[], sep: () => Piece[], ink: Rgba): Piece[] {
  const out: Piece[] = [];
  fields.forEach((f, i) => {
    if (i > 0) out.push(...sep());
    out.push({ kind: 'text', text: f, color: ink });
  });
  return out;
}

export function minimalistLayers(ctx: LayoutContext): Layer[] {
  const { W, H, style, facts } = ctx;
  const ink = solid(style.ratingTextColor ?? INK);
  const score = facts.score;
  const scoreColor: Rgba =
    score === null ? NEUTRAL : solid(scoreColors(score, style.scoreColorMode, style.scoreCustomPalette).left);
  const scoreText =
    score === null ? uiLabel('N/A', ctx.lang) : formatScore(score, style.minimalistScoreOutOf10);
  // A bullet rating separator stays ink-coloured; pip and star carry the score colour.
  const ratingSep = () => separator(style.minimalistRatingSeparator, scoreColor, ink);
  const fieldSep = () => separator(style.minimalistSeparator, NEUTRAL, ink);
  const fields = [ctx.genre, ctx.year].filter((f) => f !== '');
  const rating: Piece[] = [...ratingSep(), { kind: 'text', text: scoreText, color: ink }];
  const font = inter(600, style.minimalistFontSizeRatio * W);
  const margin = style.minimalistXOffset * W;
  const centreY = style.minimalistYOffset * H;
  const minSize = 9;

  let pieces: Piece[];
  switch (style.minimalistAppendMode) {
    case 0: {
      // The separator between genre and year is the score: a pip in the score's colour. With no
      // score there is nothing to show, so the fields join with the plain field separator.
      if (score === null) {
        pieces = joinWith(fields, fieldSep, ink);
        break;
      }
      const pip = (): Piece[] => separator('pip', scoreColor, ink);
      pieces =
        fields.length >= 2 ? joinWith(fields, pip, ink) : [...pip().slice(1), ...joinWith(fields, pip, ink)];
      break;
    }
    case 1:
      pieces = ctx.genre ? [{ kind: 'text', text: ctx.genre, color: ink }, ...rating] : rating.slice(1);
      break;
    case 2:
      pieces = fields.length > 0 ? [...joinWith(fields, fieldSep, ink), ...rating] : rating.slice(1);
      break;
    case 3: {
      const left = layoutRun(
        ctx.metrics,
        rating.slice(1),
        font,
        { x: margin, centreY, align: 'left', maxWidth: W / 2 - margin, minSize },
        LABEL_SHADOW,
      );
      const right = layoutRun(
        ctx.metrics,
        joinWith(fields, fieldSep, ink),
        font,
        { x: W - margin, centreY, align: 'right', maxWidth: W / 2 - margin - 8, minSize },
        LABEL_SHADOW,
      );
      return [...left.layers, ...right.layers];
    }
  }
  const centred = style.minimalistCenter;
  return layoutRun(
    ctx.metrics,
    pieces,
    font,
    {
      x: centred ? W / 2 : W - margin,
      centreY,
      align: centred ? 'center' : 'right',
      maxWidth: W - 2 * margin,
      minSize,
    },
    LABEL_SHADOW,
  ).layers;
}
