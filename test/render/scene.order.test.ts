import { describe, expect, it } from 'vitest';
import type { QualityToken } from '../../src/domain/facts.ts';
import { defaultStyle } from '../../src/domain/style.ts';
import { shouldGreyscale } from '../../src/render/layout/scene.ts';
import { baseFacts } from './fixtures/facts.ts';
import { scene } from './fixtures/layout.ts';

describe('draw order (reference §4.3)', () => {
  it('bands, badge, logo, rating, sash — in that order', () => {
    const s = scene({ logo: { bounds: { x: 0, y: 0, w: 600, h: 200 }, darkAchromatic: false } });
    const kinds = s.layers.map((l) => l.kind);
    expect(kinds[0]).toBe('band');
    expect(kinds[1]).toBe('band');
    const image = kinds.indexOf('image');
    const group = kinds.indexOf('group');
    expect(image).toBeGreaterThan(1);
    expect(group).toBe(kinds.length - 1);
    // Badge (tier accent bar) before the logo, rating (fills/text) between logo and sash.
    expect(kinds.slice(2, image)).toContain('fill');
    expect(kinds.slice(image + 1, group)).toContain('text');
  });

  it('is a pure function of its input', () => {
    expect(JSON.stringify(scene())).toBe(JSON.stringify(scene()));
  });
});

describe('vignette bands', () => {
  it('top band only with a sash when top_vignette_sash_only', () => {
    expect(scene({ style: { topVignetteSashOnly: true, sashMode: 'hidden' } }).summary.topBand).toBe('off');
    expect(scene({ style: { topVignetteSashOnly: true } }).summary.topBand).toBe('black');
    expect(scene({ style: { topVignetteSashOnly: true }, facts: { sash: null } }).summary.topBand).toBe(
      'off',
    );
  });

  it('poster-tinted bands; the top one stays black while a sash or notch shows', () => {
    const tinted = { vignettePosterColorTop: true, vignettePosterColorBottom: true };
    expect(scene({ style: tinted }).summary).toMatchObject({ topBand: 'black', bottomBand: 'tinted' });
    expect(scene({ style: { ...tinted, sashMode: 'hidden' } }).summary).toMatchObject({
      topBand: 'tinted',
      bottomBand: 'tinted',
    });
    expect(scene({ style: { topGradient: 'off', bottomGradient: 'off' } }).summary).toMatchObject({
      topBand: 'off',
      bottomBand: 'off',
    });
  });

  it('a tinted band takes the art colour, a ramp two colours', () => {
    const band = scene({ style: { vignettePosterColorBottom: true } }).layers.find(
      (l) => l.kind === 'band' && l.y > 0,
    );
    expect(band?.kind).toBe('band');
    if (band?.kind !== 'band') return;
    expect(band.colors[0]?.color.slice(0, 3)).not.toEqual([0, 0, 0]);
  });
});

describe('cinema greyscale', () => {
  const facts = (releaseStatus: string | null, qualityTokens: QualityToken[] = []) =>
    baseFacts({ releaseStatus, qualityTokens });
  const style = defaultStyle();
  it.each([
    ['cinema', [], true],
    ['production', [], true],
    ['streaming', [], false],
    [null, [], false],
  ] as const)('status %s → %s', (status, tokens, grey) => {
    expect(shouldGreyscale(facts(status, [...tokens]), style)).toBe(grey);
  });

  it('off by option; skip_if_available keeps colour once WEBDL/REMUX is found', () => {
    expect(shouldGreyscale(facts('cinema'), { ...style, cinemaGreyscale: false })).toBe(false);
    expect(
      shouldGreyscale(facts('cinema', ['WEBDL']), { ...style, cinemaGreyscaleSkipIfAvailable: true }),
    ).toBe(false);
    expect(shouldGreyscale(facts('cinema', ['4K']), { ...style, cinemaGreyscaleSkipIfAvailable: true })).toBe(
      true,
    );
  });

  it('greyscale_no_quality needs wait_for_quality and no tokens', () => {
    const s = { ...style, greyscaleNoQuality: true };
    expect(shouldGreyscale(facts('streaming'), s)).toBe(false);
    expect(shouldGreyscale(facts('streaming'), { ...s, waitForQuality: true })).toBe(true);
    expect(shouldGreyscale(facts('streaming', ['4K']), { ...s, waitForQuality: true })).toBe(false);
  });
});
