import { describe, expect, it } from 'vitest';
import type { FillLayer, FrostLayer } from '../../src/domain/scene.ts';
import type { PosterStyle } from '../../src/domain/style.ts';
import { flat, scene, textOf, texts } from './fixtures/layout.ts';

const fills = (s: ReturnType<typeof scene>) =>
  flat(s.layers).filter((l): l is FillLayer => l.kind === 'fill');
// No sash, badge or title: only the rating layers remain to inspect.
const off = { sashMode: 'hidden' as const, badgeDisplayMode: 0 as const, textless: true };

describe('rating mode 0', () => {
  it('draws no rating at all', () => {
    const s = scene({ style: { ratingDisplayMode: 0, ...off } });
    expect(textOf(s)).toEqual([]);
    expect(fills(s)).toEqual([]);
    expect(s.summary.scoreShown).toBe(false);
  });
});

describe('rating mode 1: score bar', () => {
  it('track from x=70 to W−70, 9 px tall, 30 px above the bottom; fill = score %', () => {
    const s = scene({ facts: { score: 50 }, style: { ratingDisplayMode: 1, ...off } });
    const [track, fill] = fills(s);
    expect(track?.shape).toMatchObject({ kind: 'rect', x: 70, y: 711, w: 360, h: 9 });
    expect(track?.paint).toEqual({ kind: 'solid', color: [255, 255, 255, 45 / 255] });
    expect(fill?.shape).toMatchObject({ x: 70, y: 711, w: 180, h: 9 });
    expect(fill?.paint.kind).toBe('linear');
  });

  it('label "Genre · Year" in Inter Bold 0.08·W, grey, caps centred on 0.90·H', () => {
    const s = scene({ style: { ratingDisplayMode: 1, ...off } });
    const [label] = texts(s);
    expect(label?.text).toBe('Drama · 2024');
    expect(label?.font).toMatchObject({ family: 'Inter', weight: 700, size: 40 });
    expect(label?.fill).toEqual({ kind: 'solid', color: [200, 200, 200, 1] });
    expect(label?.y).toBeCloseTo(675 + 0.7 * 40 * 0.5);
  });

  it.each([
    [0, 'Drama · 2024'],
    [1, 'Drama · Oscar Winner'],
    [2, 'Drama · 2024 · Oscar Winner'],
  ] as const)('append mode %i → "%s" (sash text shown even when the sash is hidden)', (mode, text) => {
    const s = scene({ style: { ratingDisplayMode: 1, accentBarAppendMode: mode, ...off } });
    expect(textOf(s)).toEqual([text]);
  });

  it('N/A hides the bar but keeps the label; score 0 draws an empty track', () => {
    expect(fills(scene({ facts: { score: null }, style: { ratingDisplayMode: 1, ...off } }))).toEqual([]);
    const zero = fills(scene({ facts: { score: 0 }, style: { ratingDisplayMode: 1, ...off } }));
    expect(zero).toHaveLength(1);
    expect(zero[0]?.shape).toMatchObject({ w: 360 });
  });

  it('glows only at or above the threshold, in the asked colour', () => {
    const glowOf = (score: number, color: 'white' | 'match') =>
      fills(scene({ facts: { score }, style: { ratingDisplayMode: 1, scoreGlowColor: color, ...off } })).find(
        (f) => f.blur > 0,
      );
    expect(glowOf(84, 'white')).toBeUndefined();
    expect(glowOf(85, 'white')?.paint).toEqual({ kind: 'solid', color: [255, 255, 255, 40 / 255] });
    expect(glowOf(90, 'match')?.paint).toEqual({ kind: 'solid', color: [255, 220, 110, 40 / 255] });
  });

  it('a label too wide for the poster shrinks to fit', () => {
    const s = scene({
      facts: { genre: 'Talk' },
      style: { ratingDisplayMode: 1, language: 'es', accentBarAppendMode: 2, ...off },
    });
    const [label] = texts(s);
    // 'Entrevistas · 2024 · Oscar Winner' is 33 glyphs: 33 × 0.5 × 40 = 660 px at full size.
    expect(label?.font.size).toBeLessThan(40);
    expect(33 * 0.5 * (label?.font.size ?? 0)).toBeLessThanOrEqual(500 * 0.88 + 0.5);
  });
});

describe('rating mode 2: clean numeric', () => {
  it('"Genre ★ 87" at 0.10·W, star in the score colour', () => {
    const s = scene({ style: { ratingDisplayMode: 2, ...off } });
    expect(textOf(s)).toEqual(['Drama', '★', '87']);
    const [, star] = texts(s);
    expect(star?.font.size).toBe(50);
    expect(star?.fill).toEqual({ kind: 'solid', color: [255, 220, 110, 1] });
  });

  it('out of 10, hidden genre, translated N/A', () => {
    expect(
      textOf(scene({ facts: { score: 87 }, style: { ratingDisplayMode: 2, scoreOutOf10: true, ...off } })),
    ).toEqual(['Drama', '★', '8.7']);
    expect(
      textOf(
        scene({
          facts: { score: 100 },
          style: { ratingDisplayMode: 2, scoreOutOf10: true, hideGenre: true, ...off },
        }),
      ),
    ).toEqual(['★', '10']);
    expect(
      textOf(scene({ facts: { score: null }, style: { ratingDisplayMode: 2, language: 'fr', ...off } })),
    ).toEqual(['Drame', '★', 'N/D']);
  });
});

describe('rating mode 3: minimalist strip', () => {
  const strip = (style: Partial<PosterStyle>, facts = {}) =>
    scene({ facts, style: { ratingDisplayMode: 3, ...off, ...style } });

  it('append 0: genre and year joined by a score-coloured pip, right-aligned at W − 0.05·W', () => {
    const s = strip({});
    expect(textOf(s)).toEqual(['Drama', '2024']);
    const pip = fills(s)[0];
    expect(pip?.paint).toEqual({ kind: 'solid', color: [255, 220, 110, 1] });
    const last = texts(s).at(-1)!;
    expect(last.x + 4 * 0.5 * last.font.size).toBeCloseTo(475);
    expect(last.font.size).toBeCloseTo(27.5);
  });

  it.each([
    [1, 'star', ['Drama', '★', '87']],
    [2, 'star', ['Drama', '2024', '★', '87']],
    [2, 'bullet', ['Drama', '2024', '•', '87']],
  ] as const)('append %i with %s separator → %j', (mode, sep, expected) => {
    expect(textOf(strip({ minimalistAppendMode: mode, minimalistRatingSeparator: sep }))).toEqual(expected);
  });

  it('bullet field separator is a glyph, pip separator a shape', () => {
    expect(textOf(strip({ minimalistAppendMode: 2, minimalistSeparator: 'bullet' }))).toEqual([
      'Drama',
      '•',
      '2024',
      '★',
      '87',
    ]);
    expect(fills(strip({ minimalistAppendMode: 2, minimalistSeparator: 'pip' }))).toHaveLength(1);
  });

  it('split puts the score at the left margin and the fields at the right', () => {
    const s = strip({ minimalistAppendMode: 3 });
    const [star, score, genre] = texts(s);
    expect(star?.x).toBeCloseTo(25);
    expect([star?.text, score?.text, genre?.text]).toEqual(['★', '87', 'Drama']);
    expect(genre?.x).toBeGreaterThan(250);
  });

  it('centred strip is symmetric about W/2', () => {
    const s = strip({ minimalistCenter: true, minimalistAppendMode: 1 });
    const t = texts(s);
    const left = t[0]!.x;
    const last = t.at(-1)!;
    const right = last.x + [...last.text].length * 0.5 * last.font.size;
    expect((left + right) / 2).toBeCloseTo(250);
  });

  it('no score in append 0: plain field separator, no score pip', () => {
    const s = strip({ minimalistSeparator: 'bullet' }, { score: null });
    expect(textOf(s)).toEqual(['Drama', '•', '2024']);
    expect(fills(s)).toEqual([]);
  });
});

describe('rating mode 4: frosted bar', () => {
  const bar = (style: Partial<PosterStyle>, facts = {}) =>
    scene({ facts, style: { ratingDisplayMode: 4, ...off, ...style } });

  it('full-width strip max(24, 0.08·H) tall at the bottom, minus the inset', () => {
    const frost = flat(bar({}).layers).find((l): l is FrostLayer => l.kind === 'frost');
    expect(frost?.shape).toMatchObject({ x: 0, y: 690, w: 500, h: 60 });
    expect(frost?.saturation).toBe(1.2);
    expect(frost?.tint[3]).toBe(0.85);
    const inset = flat(bar({ barBottomInset: 0.01, barHeightRatio: 0.04 }).layers).find(
      (l) => l.kind === 'frost',
    );
    expect(inset).toMatchObject({ shape: { y: 750 - 30 - 7.5, h: 30 } });
  });

  it.each([
    ['rating_year', '2024 · Drama · ★ 87'],
    ['rating', 'Drama  ·  ★ 87'],
    ['year', '2024  ·  Drama'],
    ['sash', 'Drama · Oscar Winner · ★ 87'],
  ] as const)('append %s → "%s"', (append, text) => {
    expect(textOf(bar({ barAppend: append }))).toEqual([text]);
  });

  it('dark styles are filled, frosted styles frosted', () => {
    for (const style of ['pure_black', 'silver', 'gold', 'rating_black'] as const) {
      expect(flat(bar({ barStyle: style }).layers).some((l) => l.kind === 'frost')).toBe(false);
    }
    expect(flat(bar({ barStyle: 'rating_frosted' }).layers).some((l) => l.kind === 'frost')).toBe(true);
  });

  it('rating styles fill the stripe to the score; N/A shows no stripe', () => {
    const stripe = fills(bar({ barStyle: 'rating_black', barAccent: 'gold' }, { score: 40 })).at(-1);
    expect(stripe?.shape).toMatchObject({ x: 0, w: 200 });
    const na = fills(bar({ barStyle: 'rating_black' }, { score: null }));
    expect(na).toHaveLength(1); // the body only
    expect(textOf(bar({ barStyle: 'rating_black' }, { score: null }))).toEqual(['2024 · Drama · N/A']);
  });

  it('pastel frost gets dark ink, a dark body light ink', () => {
    const ink = (style: Partial<PosterStyle>) => texts(bar(style))[0]?.fill;
    expect(ink({ barStyle: 'frosted' })).toEqual({ kind: 'solid', color: [28, 28, 32, 1] });
    expect(ink({ barStyle: 'pure_black' })).toEqual({ kind: 'solid', color: [240, 240, 240, 1] });
  });
});
