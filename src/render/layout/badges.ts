/**
 * Quality badge modes 0–6: hidden, tier-tinted age numeral, badge row, age only, tier
 * accent bar, combined text badge (optionally stacked), corner bookmark. Every tier-coloured mode draws
 * nothing without tokens at or above `badge_min_score`. Pure.
 */
import type { Facts, QualityTier, QualityToken } from '../../domain/facts.ts';
import type { Layer, Paint, Rgba, Shadow } from '../../domain/scene.ts';
import type { Rgb } from '../../domain/style.ts';
import { mix, scale } from '../analysis/color.ts';
import type { LayoutContext } from './context.ts';
import { solid } from './labels.ts';
import { logoEnvelope } from './logo.ts';
import { inter } from './metrics.ts';
import { layoutRun, type Piece } from './run.ts';

export const TIER_COLORS: Readonly<Record<QualityTier, Rgb>> = {
  grey: [150, 150, 156],
  bronze: [205, 127, 50],
  silver: [205, 210, 220],
  gold: [212, 175, 55],
};

/** Resolution, source and visual points, each capped at 2. */
export function tierScore(tokens: readonly QualityToken[]): number {
  const has = (t: QualityToken) => tokens.includes(t);
  const res = has('4K') ? 2 : has('1080P') ? 1 : 0;
  const src = has('REMUX') ? 2 : has('WEBDL') ? 1 : 0;
  const vis = has('DV') || has('HDR10+') ? 2 : has('HDR10') ? 1 : 0;
  return res + src + vis;
}

export function tierOf(score: number): QualityTier {
  return score >= 6 ? 'gold' : score >= 4 ? 'silver' : score >= 2 ? 'bronze' : 'grey';
}

/** Tokens that count for the badge: none when the tier score is below the minimum. */
export function effectiveTokens(facts: Facts, minScore: number): readonly QualityToken[] {
  return facts.qualityTokens.length > 0 && facts.qualityScore >= minScore ? facts.qualityTokens : [];
}

const ROW_ORDER: readonly QualityToken[] = ['4K', '1080P', 'REMUX', 'WEBDL', 'DV', 'HDR10+', 'HDR10'];
const ROW_LABEL: Partial<Record<QualityToken, string>> = {
  '4K': '4K',
  '1080P': '1080p',
  REMUX: 'Remux',
  WEBDL: 'Web',
  DV: 'DV',
  'HDR10+': 'HDR10+',
  HDR10: 'HDR10',
};

/** Badge row labels, left to right; one per token the reference draws (audio is not badged). */
export function rowLabels(tokens: readonly QualityToken[]): string[] {
  return ROW_ORDER.filter((t) => tokens.includes(t)).map((t) => ROW_LABEL[t] ?? t);
}

/** "4K │ HDR" parts, or null unless both a resolution and a source are known. */
export function combinedParts(
  tokens: readonly QualityToken[],
): { res: string; visual: string; source: 'REMUX' | 'WEBDL' } | null {
  const res = tokens.includes('4K') ? '4K' : tokens.includes('1080P') ? 'HD' : null;
  const source = tokens.includes('REMUX') ? 'REMUX' : tokens.includes('WEBDL') ? 'WEBDL' : null;
  if (!res || !source) return null;
  const visual = tokens.includes('DV')
    ? 'DV'
    : tokens.includes('HDR10+') || tokens.includes('HDR10')
      ? 'HDR'
      : 'SDR';
  return { res, visual, source };
}

function metal(base: Rgb, y0: number, y1: number): Paint {
  return {
    kind: 'linear',
    x0: 0,
    y0,
    x1: 0,
    y1,
    stops: [
      { offset: 0, color: solid(mix(base, [255, 255, 255], 0.4)) },
      { offset: 0.55, color: solid(base) },
      { offset: 1, color: solid(scale(base, 0.72)) },
    ],
  };
}

function glow(c: Rgb, blur: number, a = 0.55): Shadow {
  return { color: solid(c, a), blur, offsetX: 0, offsetY: 0 };
}

interface Anchor {
  x: number;
  y: number;
  align: 'left' | 'center' | 'right';
}

function anchorOf(ctx: LayoutContext): Anchor {
  const { W, H, style } = ctx;
  const y = style.badgeAnchorY * H;
  if (style.badgePos === 'top_right') return { x: W - style.badgeAnchorX * W, y, align: 'right' };
  if (style.badgePos === 'logo') {
    const env = logoEnvelope(ctx);
    const top = env.anchorBottom ? env.bottomY - env.maxH : env.centreY - env.maxH / 2;
    return { x: W / 2, y: Math.max(0, top - style.badgeHeight - style.badgeGap), align: 'center' };
  }
  return { x: style.badgeAnchorX * W, y, align: 'left' };
}

function leftOf(a: Anchor, w: number): number {
  return a.align === 'left' ? a.x : a.align === 'center' ? a.x - w / 2 : a.x - w;
}

function ageNumeral(ctx: LayoutContext, color: Rgb): Layer[] {
  const age = ctx.facts.ageRating?.trim();
  if (!age) return [];
  const a = anchorOf(ctx);
  const font = inter(800, ctx.style.badgeHeight * 2.2);
  const cap = ctx.metrics.capHeight(font);
  const w = ctx.metrics.width(age, font);
  return [
    {
      kind: 'text',
      text: age,
      x: leftOf(a, w),
      y: a.y + cap,
      align: 'left',
      font,
      fill: metal(color, a.y, a.y + cap),
      shadow: glow(color, 14, 0.6),
    },
  ];
}

function badgeRow(ctx: LayoutContext, tokens: readonly QualityToken[], tier: Rgb): Layer[] {
  const labels = rowLabels(tokens);
  if (labels.length === 0) return [];
  const { badgeHeight: h, badgeGap: gap } = ctx.style;
  const font = inter(700, h * 0.6);
  const pad = h * 0.42;
  const widths = labels.map((l) => ctx.metrics.width(l, font) + 2 * pad);
  const total = widths.reduce((s, w) => s + w, 0) + gap * (labels.length - 1);
  const a = anchorOf(ctx);
  let x = leftOf(a, total);
  const cap = ctx.metrics.capHeight(font);
  const layers: Layer[] = [];
  labels.forEach((label, i) => {
    const w = widths[i] ?? 0;
    const r = h * 0.28;
    layers.push(
      {
        kind: 'fill',
        shape: { kind: 'rect', x, y: a.y, w, h, radii: [r, r, r, r] },
        paint: { kind: 'solid', color: [14, 14, 16, 0.74] },
        blur: 0,
        shadow: { color: [0, 0, 0, 0.35], blur: 6, offsetX: 0, offsetY: 1 },
        stroke: { paint: { kind: 'solid', color: solid(tier, 0.95) }, width: 1.2 },
      },
      {
        kind: 'text',
        text: label,
        x: x + w / 2,
        y: a.y + h / 2 + cap / 2,
        align: 'center',
        font,
        fill: { kind: 'solid', color: [245, 245, 245, 1] },
        shadow: null,
      },
    );
    x += w + gap;
  });
  return layers;
}

function accentBar(ctx: LayoutContext, color: Rgb): Layer[] {
  const h = Math.round(ctx.style.badgeHeight * 1.6);
  const w = Math.max(4, Math.round(ctx.style.badgeHeight * 0.3));
  const a = anchorOf(ctx);
  const x = leftOf(a, w);
  const r = w / 2;
  return [
    {
      kind: 'fill',
      shape: { kind: 'rect', x, y: a.y, w, h, radii: [r, r, r, r] },
      paint: metal(color, a.y, a.y + h),
      blur: 0,
      shadow: glow(color, 10),
      stroke: null,
    },
    // Sheen: a thin bright line down the left side of the pill.
    {
      kind: 'fill',
      shape: {
        kind: 'rect',
        x: x + w * 0.22,
        y: a.y + r,
        w: Math.max(1, w * 0.18),
        h: h - 2 * r,
        radii: [0, 0, 0, 0],
      },
      paint: { kind: 'solid', color: [255, 255, 255, 0.55] },
      blur: 0,
      shadow: null,
      stroke: null,
    },
  ];
}

function combined(ctx: LayoutContext, tokens: readonly QualityToken[], tier: Rgb): Layer[] {
  const parts = combinedParts(tokens);
  if (!parts) return [];
  const { badgeHeight: h, combinedBadgeStacked: stacked } = ctx.style;
  const sepColor: Rgba = parts.source === 'REMUX' ? solid([222, 185, 70]) : solid([200, 205, 215]);
  const font = inter(800, h * 0.62);
  const white: Rgba = [245, 245, 245, 1];
  const a = anchorOf(ctx);
  const cap = ctx.metrics.capHeight(font);
  const box = (x: number, y: number, w: number, bh: number): Layer => ({
    kind: 'fill',
    shape: { kind: 'rect', x, y, w, h: bh, radii: [h * 0.28, h * 0.28, h * 0.28, h * 0.28] },
    paint: { kind: 'solid', color: [14, 14, 16, 0.76] },
    blur: 0,
    shadow: { color: [0, 0, 0, 0.35], blur: 6, offsetX: 0, offsetY: 1 },
    stroke: { paint: { kind: 'solid', color: solid(tier, 0.9) }, width: 1.2 },
  });
  if (!stacked) {
    const pieces: Piece[] = [
      { kind: 'text', text: parts.res, color: white },
      { kind: 'gap', w: 0.35 },
      { kind: 'pip', w: 0.12, h: 1.05, color: sepColor },
      { kind: 'gap', w: 0.35 },
      { kind: 'text', text: parts.visual, color: white },
    ];
    const pad = h * 0.45;
    const probe = layoutRun(
      ctx.metrics,
      pieces,
      font,
      { x: 0, centreY: 0, align: 'left', maxWidth: 1e9, minSize: 1 },
      null,
    );
    const w = probe.width + 2 * pad;
    const x = leftOf(a, w);
    const run = layoutRun(
      ctx.metrics,
      pieces,
      font,
      { x: x + pad, centreY: a.y + h / 2, align: 'left', maxWidth: 1e9, minSize: 1 },
      null,
    );
    return [box(x, a.y, w, h), ...run.layers];
  }
  const pad = h * 0.4;
  const lineH = h * 0.95;
  const w = Math.max(ctx.metrics.width(parts.res, font), ctx.metrics.width(parts.visual, font)) + 2 * pad;
  const bh = 2 * lineH + 3;
  const x = leftOf(a, w);
  const text = (t: string, cy: number): Layer => ({
    kind: 'text',
    text: t,
    x: x + w / 2,
    y: cy + cap / 2,
    align: 'center',
    font,
    fill: { kind: 'solid', color: white },
    shadow: null,
  });
  return [
    box(x, a.y, w, bh),
    text(parts.res, a.y + lineH / 2 + 1),
    {
      kind: 'fill',
      shape: {
        kind: 'rect',
        x: x + pad * 0.6,
        y: a.y + lineH + 0.5,
        w: w - 1.2 * pad,
        h: 2,
        radii: [1, 1, 1, 1],
      },
      paint: { kind: 'solid', color: sepColor },
      blur: 0,
      shadow: null,
      stroke: null,
    },
    text(parts.visual, a.y + lineH + 2.5 + lineH / 2),
  ];
}

function bookmark(ctx: LayoutContext, color: Rgb): Layer[] {
  const s = Math.round(ctx.style.badgeHeight * 3.4);
  const right = ctx.style.badgePos === 'top_right';
  const pts: [number, number][] = right
    ? [
        [ctx.W, 0],
        [ctx.W, s],
        [ctx.W - s, 0],
      ]
    : [
        [0, 0],
        [s, 0],
        [0, s],
      ];
  return [
    {
      kind: 'fill',
      shape: { kind: 'polygon', points: pts, cornerRadius: s * 0.08 },
      paint: {
        kind: 'linear',
        x0: right ? ctx.W : 0,
        y0: 0,
        x1: right ? ctx.W - s / 2 : s / 2,
        y1: s / 2,
        stops: [
          { offset: 0, color: solid(mix(color, [255, 255, 255], 0.35)) },
          { offset: 0.7, color: solid(color) },
          { offset: 1, color: solid(scale(color, 0.7)) },
        ],
      },
      blur: 0,
      shadow: { color: [0, 0, 0, 0.5], blur: 10, offsetX: right ? -2 : 2, offsetY: 2 },
      stroke: null,
    },
  ];
}

export function badgeLayers(ctx: LayoutContext): Layer[] {
  const { style, facts } = ctx;
  const mode = style.badgeDisplayMode;
  if (mode === 0) return [];
  if (mode === 3) return ageNumeral(ctx, TIER_COLORS.silver);
  const tokens = effectiveTokens(facts, style.badgeMinScore);
  const tier = TIER_COLORS[facts.qualityTier];
  switch (mode) {
    case 1:
      return ageNumeral(ctx, tokens.length > 0 ? tier : TIER_COLORS.silver);
    case 2:
      return tokens.length > 0 ? badgeRow(ctx, tokens, tier) : [];
    case 4:
      // Nothing known (no quality source, nothing cached, no `quality=`) draws nothing: a grey pill on
      // every poster of an instance without a quality source says nothing and looks like a defect.
      return tokens.length > 0 ? accentBar(ctx, tier) : [];
    case 5:
      return tokens.length > 0 ? combined(ctx, tokens, tier) : [];
    case 6:
      return tokens.length > 0 ? bookmark(ctx, tier) : [];
  }
}
