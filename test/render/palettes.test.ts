import { describe, expect, it } from 'vitest';
import { darker, scoreColors } from '../../src/render/palettes.ts';

describe('score palettes', () => {
  it.each([
    [0, 0, [255, 80, 80]],
    [49, 0, [255, 80, 80]],
    [50, 0, [255, 210, 90]],
    [69, 0, [255, 210, 90]],
    [70, 0, [120, 255, 160]],
    [84, 0, [120, 255, 160]],
    [85, 0, [190, 140, 255]],
    [100, 0, [190, 140, 255]],
  ] as const)('four-band: %i → %j', (score, mode, left) => {
    expect(scoreColors(score, mode).left).toEqual(left);
  });

  it('four-band right-hand colours match the reference', () => {
    expect(scoreColors(10, 0).right).toEqual([160, 40, 40]);
    expect(scoreColors(60, 0).right).toEqual([200, 150, 40]);
    expect(scoreColors(80, 0).right).toEqual([40, 170, 90]);
    expect(scoreColors(95, 0).right).toEqual([186, 85, 211]);
  });

  it('six-band changes colour exactly at 17/34/50/67/84', () => {
    const at = (s: number) => JSON.stringify(scoreColors(s, 1).left);
    for (const edge of [17, 34, 50, 67, 84]) expect(at(edge - 1)).not.toBe(at(edge));
    for (const inside of [
      [0, 16],
      [17, 33],
      [34, 49],
      [50, 66],
      [67, 83],
      [84, 100],
    ]) {
      expect(at(inside[0]!)).toBe(at(inside[1]!));
    }
  });

  it('metal: grey, bronze, silver, gold at 50/70/85', () => {
    const names = [40, 60, 80, 90].map((s) => scoreColors(s, 2).left);
    expect(new Set(names.map((c) => c.join())).size).toBe(4);
    expect(scoreColors(49, 2)).toEqual(scoreColors(0, 2));
    expect(scoreColors(85, 2)).toEqual(scoreColors(100, 2));
  });

  it('custom: highest threshold ≤ score, darker end ×0.72, below every threshold → lowest', () => {
    const palette = [
      { threshold: 80, color: [0, 200, 100] as const },
      { threshold: 40, color: [250, 100, 0] as const },
    ];
    expect(scoreColors(85, 3, palette)).toEqual({ left: [0, 200, 100], right: [0, 144, 72] });
    expect(scoreColors(79, 3, palette).left).toEqual([250, 100, 0]);
    expect(scoreColors(10, 3, palette).left).toEqual([250, 100, 0]);
    expect(darker([100, 50, 200])).toEqual([72, 36, 144]);
  });

  it('custom mode without a palette falls back to metal', () => {
    expect(scoreColors(90, 3, null)).toEqual(scoreColors(90, 2));
    expect(scoreColors(90, 3, [])).toEqual(scoreColors(90, 2));
  });
});
