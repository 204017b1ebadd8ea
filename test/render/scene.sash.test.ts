import { describe, expect, it } from 'vitest';
import type { FillLayer, GroupLayer } from '../../src/domain/scene.ts';
import { canvasMetrics } from '../../src/render/draw/measure.ts';
import { NOTCH_BASE_H_RATIO, NOTCH_BASE_W_RATIO } from '../../src/render/layout/notch.ts';
import { MUTED_OPACITY, SASH_COLORS, sashFontSize, sashGeometry } from '../../src/render/layout/sash.ts';
import { flat, scene, textOf, texts } from './fixtures/layout.ts';

const quiet = { badgeDisplayMode: 0 as const, textless: true, ratingDisplayMode: 0 as const };
const groupOf = (s: ReturnType<typeof scene>) => s.layers.find((l): l is GroupLayer => l.kind === 'group');

describe('diagonal sash', () => {
  it('geometry: L = ratio·W long, T = ratio·W thick, centre line 0.3·L from the top-right corner', () => {
    const g = sashGeometry(500, 1.15, 0.12);
    expect(g.length).toBeCloseTo(575);
    expect(g.thickness).toBeCloseTo(60);
    expect(g.reach).toBeCloseTo(172.5);
    expect(500 - g.cx).toBeCloseTo(g.cy);
    // Both band ends stay off-canvas: the outer edge's chord is shorter than the band.
    expect(2 * (g.reach + g.thickness / 2)).toBeLessThan(g.length);
  });

  it('is a group rotated 45° across the corner, coloured by sash type', () => {
    for (const [type, color] of Object.entries(SASH_COLORS)) {
      const s = scene({
        facts: { sash: { label: 'Label', type: type as keyof typeof SASH_COLORS, slot: 'x' } },
        style: quiet,
      });
      const g = groupOf(s);
      expect(g?.rotate).toBeCloseTo(Math.PI / 4);
      expect(g?.opacity).toBe(1);
      const band = g?.layers[0] as FillLayer;
      expect(band.paint.kind).toBe('linear');
      const stops = band.paint.kind === 'linear' ? band.paint.stops : [];
      // The edge colour itself appears in the band's gradient.
      expect(
        stops.some((st) => st.color[0] === color[0] && st.color[1] === color[1] && st.color[2] === color[2]),
      ).toBe(true);
      expect(s.summary.sash).toBe('sash');
    }
  });

  it('muted = 80 % alpha; winner star only on win sashes; hidden mode draws nothing', () => {
    expect(groupOf(scene({ style: { ...quiet, muted: true } }))?.opacity).toBe(MUTED_OPACITY);
    expect(textOf(scene({ style: { ...quiet, sashWinnerStar: true } }))).toEqual(['★ Oscar Winner']);
    expect(
      textOf(
        scene({
          facts: { sash: { label: 'New Season', type: 'alert', slot: 'new_season' } },
          style: { ...quiet, sashWinnerStar: true },
        }),
      ),
    ).toEqual(['New Season']);
    const hidden = scene({ style: { ...quiet, sashMode: 'hidden' } });
    expect(hidden.layers).toEqual([
      expect.objectContaining({ kind: 'band' }),
      expect.objectContaining({ kind: 'band' }),
    ]);
    expect(hidden.summary.sash).toBe('none');
  });

  it('poster-tinted edges take the art colour instead of the type colour', () => {
    const s = scene({ style: { ...quiet, sashPosterColor: true }, thumb: undefined });
    const band = groupOf(s)?.layers[0] as FillLayer;
    const stops = band.paint.kind === 'linear' ? band.paint.stops : [];
    expect(stops.some((st) => st.color[0] === 212 && st.color[1] === 175 && st.color[2] === 55)).toBe(false);
  });

  it('label size follows min(0.4·T, 0.85·T/len^0.35); long labels shrink to the visible chord', () => {
    expect(sashFontSize(60, 'Oscar Winner')).toBeCloseTo((0.85 * 60) / 12 ** 0.35);
    expect(sashFontSize(60, 'Hi')).toBeCloseTo(24);
    const long = 'Sundance Grand Jury Prize Winner — U.S. Dramatic Competition';
    const s = scene({
      facts: { sash: { label: long, type: 'win', slot: 'festival' } },
      style: quiet,
      metrics: canvasMetrics,
    });
    const [t] = texts(s);
    const g = sashGeometry(500, 1.15, 0.12);
    expect(t?.font.size).toBeLessThan(sashFontSize(60, long));
    expect(canvasMetrics.width(long, t!.font)).toBeLessThanOrEqual(2 * (g.reach - 0.2 * 60) - 16 + 0.5);
  });
});

describe('top notch', () => {
  const notch = (style = {}, facts = {}) =>
    scene({ facts, style: { ...quiet, sashMode: 'notch', ...style } });

  it('hangs centred from the top edge: square top corners, rounded bottom', () => {
    const s = notch();
    const body = flat(s.layers).find((l) => l.kind === 'frost');
    expect(body?.kind).toBe('frost');
    if (body?.kind !== 'frost' || body.shape.kind !== 'rect') throw new Error('no frosted notch');
    const { x, y, w, h, radii } = body.shape;
    expect(y).toBe(0);
    expect(x + w / 2).toBeCloseTo(250);
    expect(w).toBeGreaterThanOrEqual(NOTCH_BASE_W_RATIO * 500 * 1.05 - 0.01);
    expect(h).toBeCloseTo(NOTCH_BASE_H_RATIO * 750 * 1.05);
    expect(radii[0]).toBe(0);
    expect(radii[1]).toBe(0);
    expect(radii[2]).toBeGreaterThan(0);
    expect(s.summary.sash).toBe('notch');
    expect(s.layers.some((l) => l.kind === 'group')).toBe(false);
  });

  it('size, font, inset and pad knobs', () => {
    const box = (style: object) => {
      const l = flat(notch(style).layers).find((x) => x.kind === 'frost');
      return l?.kind === 'frost' && l.shape.kind === 'rect' ? l.shape : null;
    };
    const base = box({})!;
    expect(box({ notchSizeW: 2 })!.w).toBeGreaterThan(base.w);
    expect(box({ notchSizeH: 2 })!.h).toBeCloseTo(base.h * (2 / 1.05));
    expect(box({ notchInset: 0.02 })!.y).toBeCloseTo(15);
    expect(box({ notchInset: -0.02 })!.y).toBeCloseTo(-15);
    // pad trims vertical padding only: shorter tab, same text size.
    expect(box({ notchPad: 0.5 })!.h).toBeLessThan(base.h);
    expect(texts(notch({ notchPad: 0.5 }))[0]?.font.size).toBeCloseTo(texts(notch({}))[0]!.font.size);
    expect(texts(notch({ notchFontRatio: 0.6 }))[0]!.font.size).toBeGreaterThan(
      texts(notch({}))[0]!.font.size,
    );
  });

  it.each([
    ['frosted', 'frost'],
    ['black', 'fill'],
    ['silver', 'fill'],
    ['gold', 'fill'],
  ] as const)('%s style draws a %s body', (style, kind) => {
    const s = notch({ notchStyle: style });
    expect(s.layers[2]?.kind).toBe(kind);
    expect(textOf(s)).toEqual(['Oscar Winner']);
  });

  it('a long label widens the tab up to 0.9·W, then shrinks', () => {
    const s = scene({
      facts: {
        sash: { label: 'Golden Globe Best Motion Picture Drama Nominee', type: 'nom', slot: 'gg_noms' },
      },
      style: { ...quiet, sashMode: 'notch' },
    });
    const body = flat(s.layers).find((l) => l.kind === 'frost');
    if (body?.kind !== 'frost' || body.shape.kind !== 'rect') throw new Error('no notch');
    expect(body.shape.w).toBeGreaterThan(440);
    expect(body.shape.w).toBeLessThanOrEqual(450);
  });
});
