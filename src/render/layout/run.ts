/**
 * A horizontal run of mixed pieces — text in different colours, small coloured pips, gaps — measured and
 * laid out as one line, then shrunk as a whole to fit. Used by the clean, minimalist and bar labels.
 * Pure.
 */
import type { FontSpec, Layer, Rgba, Shadow } from '../../domain/scene.ts';
import type { TextMetrics } from './metrics.ts';

export type Piece =
  | { kind: 'text'; text: string; color: Rgba }
  /** A pill whose size is relative to the font size (w, h in em). */
  | { kind: 'pip'; w: number; h: number; color: Rgba }
  /** Empty space in em. */
  | { kind: 'gap'; w: number };

export interface RunPlacement {
  /** Anchor x: left edge, centre or right edge per `align`. */
  x: number;
  /** Vertical centre of capital letters. */
  centreY: number;
  align: 'left' | 'center' | 'right';
  maxWidth: number;
  minSize: number;
}

export function runWidth(metrics: TextMetrics, pieces: readonly Piece[], font: FontSpec): number {
  let w = 0;
  for (const p of pieces) {
    if (p.kind === 'text') w += metrics.width(p.text, font);
    else w += p.w * font.size;
  }
  return w;
}

/** The run's layers; the font shrinks uniformly (never below minSize) when the run is too wide. */
export function layoutRun(
  metrics: TextMetrics,
  pieces: readonly Piece[],
  font: FontSpec,
  at: RunPlacement,
  shadow: Shadow | null,
): { layers: Layer[]; width: number; font: FontSpec } {
  let f = font;
  let width = runWidth(metrics, pieces, f);
  if (width > at.maxWidth && width > 0) {
    const size = Math.max(at.minSize, Math.floor(((f.size * at.maxWidth) / width) * 10) / 10);
    f = { ...f, size, letterSpacing: (f.letterSpacing * size) / f.size };
    width = runWidth(metrics, pieces, f);
  }
  const start = at.align === 'left' ? at.x : at.align === 'center' ? at.x - width / 2 : at.x - width;
  const cap = metrics.capHeight(f);
  const baseline = at.centreY + cap / 2;
  const layers: Layer[] = [];
  let x = start;
  for (const p of pieces) {
    if (p.kind === 'text') {
      layers.push({
        kind: 'text',
        text: p.text,
        x,
        y: baseline,
        align: 'left',
        font: f,
        fill: { kind: 'solid', color: p.color },
        shadow,
      });
      x += metrics.width(p.text, f);
    } else if (p.kind === 'pip') {
      const w = p.w * f.size;
      const h = p.h * f.size;
      const r = Math.min(w, h) / 2;
      layers.push({
        kind: 'fill',
        shape: { kind: 'rect', x, y: at.centreY - h / 2, w, h, radii: [r, r, r, r] },
        paint: { kind: 'solid', color: p.color },
        blur: 0,
        shadow,
        stroke: null,
      });
      x += w;
    } else {
      x += p.w * f.size;
    }
  }
  return { layers, width, font: f };
}
