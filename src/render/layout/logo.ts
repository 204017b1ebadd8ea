/**
 * Title logo placement and the fallback title text. Pure.
 */
import type { FontFamily, FontSpec, Layer, Shadow } from '../../domain/scene.ts';
import { luma } from '../analysis/color.ts';
import { meanColor } from '../analysis/thumbnail.ts';
import { displayWeight, TITLE_FALLBACK_FAMILIES, titleFamilyFor } from '../text/catalog.ts';
import type { LayoutContext } from './context.ts';
import type { TextMetrics } from './metrics.ts';

/** Absolute cap on logo height, whatever the ratio says. */
export const LOGO_MAX_H_PX = 170;
/** Dark wordmarks are whitened when the art under them is darker than this. */
export const WHITEN_BELOW_LUMA = 0.4;
export const TITLE_MAX_SIZE_RATIO = 0.26;
export const TITLE_MIN_SIZE = 22;
/** Line advance as a multiple of the font size (script faces need more air). */
export function lineHeightFactor(family: FontFamily): number {
  return family === 'Pacifico' || family === 'Creepster' ? 1.18 : family === 'Bebas Neue' ? 0.98 : 1.08;
}

export interface Envelope {
  maxW: number;
  maxH: number;
  /** Shared centre line (or bottom edge when anchored). */
  centreY: number;
  bottomY: number;
  anchorBottom: boolean;
}

export function logoEnvelope(ctx: Pick<LayoutContext, 'W' | 'H' | 'style'>): Envelope {
  const { W, H, style } = ctx;
  const maxW = style.logoMaxWRatio * W;
  const maxH = Math.min(style.logoMaxHRatio * H, LOGO_MAX_H_PX);
  const bottomY = H - style.logoBottomRatio * H;
  return { maxW, maxH, centreY: bottomY - maxH / 2, bottomY, anchorBottom: style.logoBottomAnchor };
}

/**
 * Logo size: scaled so its area equals the envelope's (the geometric mean of the caps, squared), then
 * clamped to the caps with the aspect kept. Wide and tall logos so carry similar visual weight.
 */
export function logoSize(srcW: number, srcH: number, env: Envelope): { w: number; h: number } {
  if (srcW <= 0 || srcH <= 0 || env.maxW <= 0 || env.maxH <= 0) return { w: 0, h: 0 };
  const aspect = srcW / srcH;
  const mean = Math.sqrt(env.maxW * env.maxH);
  let w = mean * Math.sqrt(aspect);
  let h = mean / Math.sqrt(aspect);
  if (w > env.maxW) {
    w = env.maxW;
    h = w / aspect;
  }
  if (h > env.maxH) {
    h = env.maxH;
    w = h * aspect;
  }
  return { w, h };
}

const TITLE_SHADOW: Shadow = { color: [0, 0, 0, 180 / 255], blur: 8, offsetX: 2, offsetY: 3 };

/** Mean brightness the logo will sit on, after the bottom gradient darkened it. */
export function backgroundLuma(
  ctx: LayoutContext,
  rect: { x: number; y: number; w: number; h: number },
  darkening: (y: number) => number,
): number {
  const base = luma(meanColor(ctx.art.thumb, rect, ctx.W, ctx.H));
  return base * (1 - darkening(rect.y + rect.h / 2));
}

export function logoLayers(ctx: LayoutContext, darkening: (y: number) => number): Layer[] {
  const logo = ctx.logo;
  if (!logo) return [];
  const env = logoEnvelope(ctx);
  const { w, h } = logoSize(logo.bounds.w, logo.bounds.h, env);
  if (w <= 0 || h <= 0) return [];
  const x = (ctx.W - w) / 2;
  const y = env.anchorBottom ? env.bottomY - h : env.centreY - h / 2;
  const whiten = logo.darkAchromatic && backgroundLuma(ctx, { x, y, w, h }, darkening) < WHITEN_BELOW_LUMA;
  return [
    {
      kind: 'image',
      source: 'logo',
      x,
      y,
      w,
      h,
      crop: logo.bounds,
      recolor: whiten ? [255, 255, 255] : null,
      // No shadow: the reference draws logos as they are (their own outlines carry contrast).
      shadow: null,
    },
  ];
}

/**
 * The family to draw a title in: the genre's face if it has every glyph, else a broader shipped one;
 * null when no shipped face can draw it (Skia would silently borrow a host font — never allowed).
 */
export function titleFamily(metrics: TextMetrics, title: string, genre: string | null): FontFamily | null {
  const preferred = titleFamilyFor(genre);
  if (metrics.covers(title, preferred)) return preferred;
  for (const f of TITLE_FALLBACK_FAMILIES) if (metrics.covers(title, f)) return f;
  return null;
}

/** The title to print and its face: the title, else the original title, else nothing drawable. */
export function drawableTitle(
  metrics: TextMetrics,
  candidates: readonly (string | null)[],
  genre: string | null,
): { text: string; family: FontFamily } | null {
  for (const c of candidates) {
    const text = c?.trim();
    if (!text) continue;
    const family = titleFamily(metrics, text, genre);
    if (family) return { text, family };
  }
  return null;
}

/** Best split of `words` into ≤ 2 lines (the one with the narrowest wider line). */
export function splitLines(metrics: TextMetrics, text: string, font: FontSpec): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [text.trim()];
  let best: string[] = [text.trim()];
  let bestW = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const widest = Math.max(...lines.map((l) => metrics.width(l, font)));
    if (widest < bestW) {
      bestW = widest;
      best = lines;
    }
  }
  return best;
}

export interface TitleFit {
  font: FontSpec;
  lines: string[];
}

/** Largest size (0.26·H down to 22) whose one- or two-line layout fits the envelope. */
export function fitTitle(
  metrics: TextMetrics,
  title: string,
  family: FontFamily,
  env: Envelope,
  H: number,
): TitleFit {
  const weight = displayWeight(family);
  const fontAt = (size: number): FontSpec => ({ family, weight, size, letterSpacing: 0 });
  const attempt = (size: number): string[] | null => {
    const font = fontAt(size);
    const lh = size * lineHeightFactor(family);
    if (metrics.width(title, font) <= env.maxW && lh <= env.maxH) return [title.trim()];
    if (2 * lh > env.maxH) return null;
    const lines = splitLines(metrics, title, font);
    if (lines.length !== 2) return null;
    return lines.every((l) => metrics.width(l, font) <= env.maxW) ? lines : null;
  };
  const maxSize = Math.floor(TITLE_MAX_SIZE_RATIO * H);
  // Fit is monotone in size, so binary-search the largest size that works.
  let lo = TITLE_MIN_SIZE;
  let hi = maxSize;
  let found: TitleFit | null = null;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const lines = attempt(mid);
    if (lines) {
      found = { font: fontAt(mid), lines };
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found) return found;
  // Nothing fits at the minimum: keep the minimum size and shrink further only as far as needed.
  const font = fontAt(TITLE_MIN_SIZE);
  const lines = splitLines(metrics, title, font);
  const widest = Math.max(...lines.map((l) => metrics.width(l, font)));
  const size = Math.max(10, Math.floor((TITLE_MIN_SIZE * env.maxW) / Math.max(widest, 1)));
  return { font: fontAt(Math.min(TITLE_MIN_SIZE, size)), lines };
}

export function titleLayers(ctx: LayoutContext): Layer[] {
  const chosen = drawableTitle(ctx.metrics, [ctx.facts.title, ctx.facts.originalTitle], ctx.facts.genre);
  if (!chosen) return [];
  const { text: title, family } = chosen;
  const env = logoEnvelope(ctx);
  if (env.maxW <= 0 || env.maxH <= 0) return [];
  const fit = fitTitle(ctx.metrics, title, family, env, ctx.H);
  const lh = fit.font.size * lineHeightFactor(family);
  const cap = ctx.metrics.capHeight(fit.font);
  const n = fit.lines.length;
  const blockCentre = env.anchorBottom ? env.bottomY - (n * lh) / 2 : env.centreY;
  return fit.lines.map((line, i) => ({
    kind: 'text' as const,
    text: line,
    x: ctx.W / 2,
    y: blockCentre + (i - (n - 1) / 2) * lh + cap / 2,
    align: 'center' as const,
    font: fit.font,
    fill: { kind: 'solid' as const, color: [255, 255, 255, 1] as const },
    shadow: TITLE_SHADOW,
  }));
}
