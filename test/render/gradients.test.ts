import { describe, expect, it } from 'vitest';
import {
  BOTTOM_LEVELS,
  bandAlphaAt,
  bottomBand,
  gradientSpec,
  TOP_LEVELS,
  topBand,
} from '../../src/render/layout/gradients.ts';

describe('vignette bands', () => {
  it.each([
    ['low', 0.2, 150],
    ['medium', 0.25, 190],
    ['high', 0.4, 220],
  ] as const)('top %s: height %s·H, peak alpha %s', (level, h, a) => {
    expect(gradientSpec(level, TOP_LEVELS, null, null)).toEqual({ height: h, alpha: a / 255 });
  });

  it.each([
    ['low', 0.3, 180],
    ['medium', 0.4, 210],
    ['high', 0.5, 225],
  ] as const)('bottom %s: height %s·H, peak alpha %s', (level, h, a) => {
    expect(gradientSpec(level, BOTTOM_LEVELS, null, null)).toEqual({ height: h, alpha: a / 255 });
  });

  it('off draws nothing; custom uses its values, falling back to high', () => {
    expect(gradientSpec('off', TOP_LEVELS, 1, 1)).toBeNull();
    expect(gradientSpec('custom', TOP_LEVELS, 0.5, 0.3)).toEqual({ height: 0.3, alpha: 0.5 });
    expect(gradientSpec('custom', BOTTOM_LEVELS, null, 0.2)).toEqual({ height: 0.2, alpha: 225 / 255 });
    expect(gradientSpec('custom', TOP_LEVELS, 0, 0.3)).toBeNull();
  });

  it('top band: linear from the peak at row 0 to nothing at its end', () => {
    const band = topBand({ height: 0.4, alpha: 0.8 }, 500, 750, [0, 0, 0], [0, 0, 0]);
    expect(band).toMatchObject({ x: 0, y: 0, w: 500, h: 300 });
    expect(bandAlphaAt(band, 0)).toBeCloseTo(0.8);
    expect(bandAlphaAt(band, 150)).toBeCloseTo(0.4);
    expect(bandAlphaAt(band, 300)).toBeCloseTo(0);
    expect(bandAlphaAt(band, 400)).toBe(0);
  });

  it('bottom band: eased alpha (1 − (1 − t)^1.5)·peak', () => {
    const band = bottomBand({ height: 0.5, alpha: 0.9 }, 500, 750, [0, 0, 0], [0, 0, 0]);
    expect(band).toMatchObject({ y: 375, h: 375 });
    expect(bandAlphaAt(band, 375)).toBeCloseTo(0);
    expect(bandAlphaAt(band, 375 + 187.5)).toBeCloseTo((1 - 0.5 ** 1.5) * 0.9, 3);
    expect(bandAlphaAt(band, 750)).toBeCloseTo(0.9);
  });
});
