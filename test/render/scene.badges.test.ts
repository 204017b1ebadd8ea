import { describe, expect, it } from 'vitest';
import type { QualityToken } from '../../src/domain/facts.ts';
import type { FillLayer } from '../../src/domain/scene.ts';
import { combinedParts, rowLabels, TIER_COLORS, tierOf, tierScore } from '../../src/render/layout/badges.ts';
import { flat, scene, textOf, texts } from './fixtures/layout.ts';

const quiet = {
  sashMode: 'hidden' as const,
  textless: true,
  ratingDisplayMode: 0 as const,
  topGradient: 'off' as const,
  bottomGradient: 'off' as const,
};
const badge = (mode: 0 | 1 | 2 | 3 | 4 | 5 | 6, facts = {}, style = {}) =>
  scene({ facts, style: { ...quiet, badgeDisplayMode: mode, ...style } });
const fills = (s: ReturnType<typeof scene>) =>
  flat(s.layers).filter((l): l is FillLayer => l.kind === 'fill');

describe('tier score', () => {
  it.each([
    [[], 0, 'grey'],
    [['1080P'], 1, 'grey'],
    [['1080P', 'WEBDL'], 2, 'bronze'],
    [['4K', 'WEBDL', 'HDR10'], 4, 'silver'],
    [['4K', 'WEBDL', 'HDR10+'], 5, 'silver'],
    [['4K', 'REMUX', 'DV', 'HDR10+', 'ATMOS'], 6, 'gold'],
    [['4K', '1080P', 'REMUX', 'WEBDL', 'DV', 'HDR10'], 6, 'gold'],
  ] as const)('%j → %i (%s)', (tokens, score, tier) => {
    expect(tierScore(tokens as readonly QualityToken[])).toBe(score);
    expect(tierOf(score)).toBe(tier);
  });

  it('row labels and combined parts', () => {
    expect(rowLabels(['DV', '4K', 'REMUX', 'ATMOS'])).toEqual(['4K', 'Remux', 'DV']);
    expect(combinedParts(['4K', 'REMUX', 'HDR10'])).toEqual({ res: '4K', visual: 'HDR', source: 'REMUX' });
    expect(combinedParts(['1080P', 'WEBDL'])).toEqual({ res: 'HD', visual: 'SDR', source: 'WEBDL' });
    expect(combinedParts(['4K', 'DV'])).toBeNull();
    expect(combinedParts(['REMUX'])).toBeNull();
  });
});

describe('badge modes', () => {
  const gold = {
    qualityTokens: ['4K', 'REMUX', 'DV'] as QualityToken[],
    qualityScore: 6,
    qualityTier: 'gold' as const,
  };
  const low = { qualityTokens: ['1080P'] as QualityToken[], qualityScore: 1, qualityTier: 'grey' as const };
  const none = { qualityTokens: [] as QualityToken[], qualityScore: 0, qualityTier: 'grey' as const };

  it('0 draws nothing', () => {
    expect(badge(0, gold).layers).toEqual([]);
  });

  it('1: the age rating, tier-coloured when quality is known, silver below the minimum', () => {
    const glow = (facts: object) => texts(badge(1, facts))[0]?.shadow?.color.slice(0, 3);
    expect(textOf(badge(1, gold))).toEqual(['PG-13']);
    expect(glow(gold)).toEqual([...TIER_COLORS.gold]);
    expect(glow(low)).toEqual([...TIER_COLORS.silver]);
    expect(badge(1, { ...gold, ageRating: null }).layers).toEqual([]);
  });

  it('1/3: the numeral sits at the anchor (0.05·W, 0.05·H)', () => {
    const [t] = texts(badge(3, gold));
    expect(t?.x).toBeCloseTo(25);
    expect(t?.y).toBeCloseTo(37.5 + 0.7 * t!.font.size);
  });

  it('2: one pill per token left to right with the gap, only at or above the minimum', () => {
    const s = badge(2, gold, { badgeHeight: 20, badgeGap: 8 });
    expect(textOf(s)).toEqual(['4K', 'Remux', 'DV']);
    const pills = fills(s);
    expect(pills.map((p) => p.shape.kind === 'rect' && p.shape.h)).toEqual([20, 20, 20]);
    const [a, b] = pills.map((p) => (p.shape.kind === 'rect' ? p.shape : null));
    expect(b!.x - (a!.x + a!.w)).toBeCloseTo(8);
    expect(a!.x).toBeCloseTo(25);
    expect(badge(2, low).layers).toEqual([]);
    expect(badge(2, gold, { badgeMinScore: 6 }).layers).not.toEqual([]);
  });

  it('3: silver numeral, whatever the quality', () => {
    expect(texts(badge(3, none))[0]?.shadow?.color.slice(0, 3)).toEqual([...TIER_COLORS.silver]);
  });

  it('4: tier pill; nothing without tokens (no quality source) or for known low quality', () => {
    const pill = (facts: object) => fills(badge(4, facts))[0];
    expect(pill(gold)?.shadow?.color.slice(0, 3)).toEqual([...TIER_COLORS.gold]);
    expect(badge(4, none).layers).toEqual([]);
    expect(badge(4, low).layers).toEqual([]);
    expect(textOf(badge(4, gold))).toEqual([]);
  });

  it('5: "4K │ DV" with a gold separator for Remux, silver for Web; stacked on request', () => {
    const s = badge(5, gold);
    expect(textOf(s)).toEqual(['4K', 'DV']);
    const sep = fills(s)[1];
    expect(sep?.paint).toEqual({ kind: 'solid', color: [222, 185, 70, 1] });
    const web = badge(5, { qualityTokens: ['1080P', 'WEBDL'], qualityScore: 2, qualityTier: 'bronze' });
    expect(textOf(web)).toEqual(['HD', 'SDR']);
    expect(fills(web)[1]?.paint).toEqual({ kind: 'solid', color: [200, 205, 215, 1] });
    const stacked = texts(badge(5, gold, { combinedBadgeStacked: true }));
    expect(stacked[1]!.y).toBeGreaterThan(stacked[0]!.y);
    expect(stacked[1]!.x).toBeCloseTo(stacked[0]!.x);
    expect(badge(5, { qualityTokens: ['4K', 'DV'], qualityScore: 4, qualityTier: 'silver' }).layers).toEqual(
      [],
    );
  });

  it('6: a tier-coloured triangle in the top-left corner', () => {
    const [tri] = fills(badge(6, gold));
    expect(tri?.shape.kind).toBe('polygon');
    if (tri?.shape.kind !== 'polygon') return;
    expect(tri.shape.points[0]).toEqual([0, 0]);
    expect(tri.shape.cornerRadius).toBeGreaterThan(0);
    expect(badge(6, low).layers).toEqual([]);
  });

  it('top_right mirrors the anchor', () => {
    const [t] = texts(badge(3, gold, { badgePos: 'top_right' }));
    expect(t!.x + 5 * 0.5 * t!.font.size).toBeCloseTo(475);
  });
});
