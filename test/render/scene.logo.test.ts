import { describe, expect, it } from 'vitest';
import type { ImageLayer } from '../../src/domain/scene.ts';
import { defaultStyle } from '../../src/domain/style.ts';
import { solidThumbnail } from '../../src/render/analysis/thumbnail.ts';
import { canvasMetrics } from '../../src/render/draw/measure.ts';
import {
  fitTitle,
  LOGO_MAX_H_PX,
  logoEnvelope,
  logoSize,
  TITLE_MIN_SIZE,
  titleFamily,
} from '../../src/render/layout/logo.ts';
import { fakeMetrics, flat, scene, texts } from './fixtures/layout.ts';

const W = 500;
const H = 750;
const env = logoEnvelope({ W, H, style: defaultStyle() });
const quiet = { sashMode: 'hidden' as const, badgeDisplayMode: 0 as const, ratingDisplayMode: 0 as const };
const logoInfo = (w: number, h: number, darkAchromatic = false) => ({
  bounds: { x: 10, y: 5, w, h },
  darkAchromatic,
});
const imageOf = (s: ReturnType<typeof scene>) =>
  flat(s.layers).find((l): l is ImageLayer => l.kind === 'image');

describe('logo envelope and size', () => {
  it('caps: 0.75·W wide, min(0.25·H, 170 px) tall, centred 0.28·H above the bottom', () => {
    expect(env.maxW).toBe(375);
    expect(env.maxH).toBe(LOGO_MAX_H_PX);
    expect(env.bottomY).toBe(540);
    expect(env.centreY).toBe(455);
  });

  it.each([
    [1000, 250], // wide wordmark: width-capped
    [300, 300], // square: height-capped
    [200, 600], // tall: height-capped
    [600, 300], // 2:1
  ])('%i×%i keeps its aspect inside the caps at the envelope area', (w, h) => {
    const s = logoSize(w, h, env);
    expect(s.w / s.h).toBeCloseTo(w / h);
    expect(s.w).toBeLessThanOrEqual(env.maxW + 1e-9);
    expect(s.h).toBeLessThanOrEqual(env.maxH + 1e-9);
    // At least one cap is reached or the area equals the caps' product (geometric mean squared).
    const atCap = Math.abs(s.w - env.maxW) < 1e-6 || Math.abs(s.h - env.maxH) < 1e-6;
    expect(atCap || Math.abs(s.w * s.h - env.maxW * env.maxH) < 1e-6).toBe(true);
  });

  it('is drawn centred, from its opaque crop, on the shared centre line or the bottom anchor', () => {
    const centred = imageOf(scene({ logo: logoInfo(600, 200), style: quiet }));
    expect(centred?.crop).toEqual({ x: 10, y: 5, w: 600, h: 200 });
    expect(centred!.x + centred!.w / 2).toBeCloseTo(250);
    expect(centred!.y + centred!.h / 2).toBeCloseTo(455);
    const anchored = imageOf(
      scene({ logo: logoInfo(600, 200), style: { ...quiet, logoBottomAnchor: true } }),
    );
    expect(anchored!.y + anchored!.h).toBeCloseTo(540);
  });

  it('whitens a dark achromatic logo over dark art only', () => {
    const dark = solidThumbnail([20, 20, 24]);
    const light = solidThumbnail([230, 230, 225]);
    const off = { ...quiet, bottomGradient: 'off' as const, topGradient: 'off' as const };
    expect(imageOf(scene({ logo: logoInfo(600, 200, true), thumb: dark, style: off }))?.recolor).toEqual([
      255, 255, 255,
    ]);
    expect(imageOf(scene({ logo: logoInfo(600, 200, true), thumb: light, style: off }))?.recolor).toBeNull();
    expect(imageOf(scene({ logo: logoInfo(600, 200, false), thumb: dark, style: off }))?.recolor).toBeNull();
    // Mid-grey art (luma 0.47) is light enough alone, but dark once the bottom gradient covers it.
    const grey = solidThumbnail([120, 120, 120]);
    expect(imageOf(scene({ logo: logoInfo(600, 200, true), thumb: grey, style: off }))?.recolor).toBeNull();
    const darkened = scene({
      logo: logoInfo(600, 200, true),
      thumb: grey,
      style: { ...quiet, bottomGradient: 'high' },
    });
    expect(imageOf(darkened)?.recolor).toEqual([255, 255, 255]);
  });

  it('textless=true, or art with a baked-in title, draws neither logo nor title', () => {
    expect(scene({ logo: logoInfo(600, 200), style: { ...quiet, textless: true } }).summary.title).toBe(
      'none',
    );
    expect(scene({ logo: logoInfo(600, 200), textless: false, style: quiet }).summary.title).toBe('none');
    expect(scene({ logo: logoInfo(600, 200), style: quiet }).summary.title).toBe('logo');
    expect(scene({ logo: null, style: quiet }).summary.title).toBe('text');
  });
});

describe('fallback title', () => {
  it.each([
    ['Horror', 'Creepster'],
    ['Thriller', 'Creepster'],
    ['Sci-Fi', 'Bebas Neue'],
    ['Western', 'Bebas Neue'],
    ['Comedy', 'Pacifico'],
    ['Family', 'Pacifico'],
    ['Drama', 'Playfair Display'],
    ['Music', 'Playfair Display'],
    ['Crime', 'Oswald'],
    ['Documentary', 'Oswald'],
    ['Reality', 'Noto Serif'],
    [null, 'Noto Serif'],
  ] as const)('%s → %s', (genre, family) => {
    expect(titleFamily(fakeMetrics, 'Plain Title', genre)).toBe(family);
  });

  it('falls back to a face that has the glyphs', () => {
    expect(titleFamily(fakeMetrics, 'Ночной дозор', 'Horror')).toBe('Noto Serif');
    expect(titleFamily(fakeMetrics, 'Ποτέ', 'Comedy')).toBe('Noto Serif');
    expect(titleFamily(fakeMetrics, '千と千尋の神隠し', 'Animation')).toBeNull();
  });

  it('never draws glyphs no shipped font has: original title instead, else no title', () => {
    const quiet2 = { ...quiet };
    const cjk = scene({
      logo: null,
      facts: { title: '千と千尋の神隠し', originalTitle: 'Spirited Away' },
      style: quiet2,
    });
    expect(
      texts(cjk)
        .map((t) => t.text)
        .join(' '),
    ).toBe('Spirited Away');
    const none = scene({
      logo: null,
      facts: { title: '千と千尋の神隠し', originalTitle: '千と千尋の神隠し' },
      style: quiet2,
    });
    expect(texts(none)).toEqual([]);
    expect(none.summary.title).toBe('none');
  });

  it('largest size that fits ≤ 2 lines inside the envelope', () => {
    const short = fitTitle(canvasMetrics, 'Heat', 'Bebas Neue', env, H);
    expect(short.lines).toEqual(['Heat']);
    expect(short.font.size).toBeLessThanOrEqual(0.26 * H);
    const long = fitTitle(
      canvasMetrics,
      'The Assassination of Jesse James by the Coward Robert Ford',
      'Playfair Display',
      env,
      H,
    );
    expect(long.lines).toHaveLength(2);
    for (const line of long.lines) expect(canvasMetrics.width(line, long.font)).toBeLessThanOrEqual(env.maxW);
    expect(long.font.size).toBeGreaterThanOrEqual(TITLE_MIN_SIZE);
    // One size up no longer fits: it really is the largest.
    const bigger = { ...long.font, size: long.font.size + 1 };
    const fitsBigger =
      long.lines.every((l) => canvasMetrics.width(l, bigger) <= env.maxW) &&
      2 * (long.font.size + 1) * 1.08 <= env.maxH;
    const oneLineBigger = canvasMetrics.width(long.lines.join(' '), bigger) <= env.maxW;
    expect(fitsBigger || oneLineBigger).toBe(false);
  });

  it('draws white text with a dark drop shadow, centred on the logo line', () => {
    const s = scene({
      logo: null,
      facts: { title: 'Nightfall', genre: 'Drama' },
      style: quiet,
      metrics: canvasMetrics,
    });
    const [t] = texts(s);
    expect(t?.text).toBe('Nightfall');
    expect(t?.align).toBe('center');
    expect(t?.x).toBe(250);
    expect(t?.fill).toEqual({ kind: 'solid', color: [255, 255, 255, 1] });
    expect(t?.shadow?.color).toEqual([0, 0, 0, 180 / 255]);
  });
});
