import { describe, expect, it } from 'vitest';
import type { Rgb } from '../../src/domain/style.ts';
import { fromHsl, luma, toHsl } from '../../src/render/analysis/color.ts';
import { dominantColors, isSkin } from '../../src/render/analysis/dominant.ts';
import { alphaBounds, isDarkAchromatic } from '../../src/render/analysis/logo.ts';
import {
  meanColor,
  solidThumbnail,
  type Thumbnail,
  thumbnailOfRgba,
} from '../../src/render/analysis/thumbnail.ts';
import { chooseCropLeft, faceCentre } from '../../src/render/crop.ts';
import {
  DEFAULT_TINT,
  fallbackPixels,
  GENRE_TINTS,
  profile,
  tintFor,
} from '../../src/render/fallbackCanvas.ts';
import { frostTint, inkFor, vignetteColors } from '../../src/render/layout/tints.ts';

function thumb(w: number, h: number, paint: (x: number, y: number) => Rgb): Thumbnail {
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const c = paint(x, y);
      rgb.set(c, (y * w + x) * 3);
    }
  return { width: w, height: h, rgb };
}

describe('colour helpers', () => {
  it('HSL round-trips', () => {
    for (const c of [
      [255, 0, 0],
      [10, 200, 90],
      [128, 128, 128],
      [250, 240, 10],
    ] as Rgb[]) {
      const back = fromHsl(toHsl(c));
      for (const [i, v] of back.entries()) expect(Math.abs(v - c[i]!)).toBeLessThanOrEqual(1);
    }
  });
});

describe('dominant colours', () => {
  it('a red poster is red, confidently', () => {
    const d = dominantColors(solidThumbnail([200, 30, 40]));
    const h = toHsl(d.primary).h;
    expect(Math.min(h, 360 - h)).toBeLessThan(10);
    expect(d.confidence).toBeGreaterThan(0.9);
  });

  it('grey art has no hue (confidence 0) and near-black is ignored', () => {
    expect(dominantColors(solidThumbnail([120, 120, 120])).confidence).toBe(0);
    const mostlyBlack = thumb(20, 30, (x) => (x < 18 ? [5, 5, 5] : [30, 60, 200]));
    expect(toHsl(dominantColors(mostlyBlack).primary).h).toBeGreaterThan(200);
  });

  it('two hues: primary is the larger, secondary the rival', () => {
    const t = thumb(30, 30, (x) => (x < 20 ? [20, 160, 60] : [200, 40, 160]));
    const d = dominantColors(t);
    expect(toHsl(d.primary).h).toBeGreaterThan(100);
    expect(toHsl(d.primary).h).toBeLessThan(160);
    expect(toHsl(d.secondary).h).toBeGreaterThan(280);
  });

  it('skin counts half: a face does not outvote a smaller blue sky', () => {
    const skin: Rgb = [224, 172, 140];
    expect(isSkin(...skin)).toBe(true);
    const t = thumb(30, 30, (x) => (x < 17 ? skin : [40, 90, 220]));
    expect(toHsl(dominantColors(t).primary).h).toBeGreaterThan(200);
  });

  it('region means map canvas pixels onto the thumbnail', () => {
    const t = thumb(10, 15, (_x, y) => (y < 5 ? [255, 0, 0] : [0, 0, 255]));
    expect(meanColor(t, { x: 0, y: 0, w: 500, h: 250 }, 500, 750)).toEqual([255, 0, 0]);
    expect(meanColor(t, { x: 0, y: 500, w: 500, h: 250 }, 500, 750)).toEqual([0, 0, 255]);
  });
});

describe('thumbnail of RGBA pixels', () => {
  function rgba(w: number, h: number, paint: (x: number, y: number) => Rgb): Uint8Array {
    const px = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        px.set([...paint(x, y), 255], (y * w + x) * 4);
      }
    return px;
  }

  it('each thumbnail pixel is the mean of its own block', () => {
    // 40×60 → 4×6: 10×10 blocks; left half red, right half blue, bottom third green.
    const px = rgba(40, 60, (x, y) => (y >= 40 ? [0, 200, 0] : x < 20 ? [220, 0, 0] : [0, 0, 220]));
    const t = thumbnailOfRgba(px, 40, 60, 4, 6);
    const at = (x: number, y: number) => Array.from(t.rgb.subarray((y * 4 + x) * 3, (y * 4 + x) * 3 + 3));
    expect([t.width, t.height]).toEqual([4, 6]);
    expect(at(0, 0)).toEqual([220, 0, 0]);
    expect(at(3, 3)).toEqual([0, 0, 220]);
    expect(at(2, 5)).toEqual([0, 200, 0]);
  });

  it('averages fine texture instead of aliasing onto one of its colours', () => {
    // Stripes three pixels wide: a point sample per block would see pure black or pure white. The
    // step-2 lattice is biased on such a regular pattern, but never collapses onto one colour.
    const px = rgba(60, 60, (x) => (Math.floor(x / 3) % 2 === 0 ? [255, 255, 255] : [0, 0, 0]));
    const t = thumbnailOfRgba(px, 60, 60, 6, 6);
    for (let i = 0; i < t.rgb.length; i++) {
      expect(t.rgb[i]).toBeGreaterThan(30);
      expect(t.rgb[i]).toBeLessThan(225);
    }
  });

  it('a block smaller than the step still reads one pixel', () => {
    const px = rgba(3, 3, () => [10, 20, 30]);
    expect(Array.from(thumbnailOfRgba(px, 3, 3, 3, 3).rgb.subarray(0, 3))).toEqual([10, 20, 30]);
  });
});

describe('tints', () => {
  const dom = { primary: [40, 120, 200] as Rgb, secondary: [200, 80, 40] as Rgb, confidence: 0.8 };
  it('pastel frost is light and keeps the hue; reference frost keeps the colour, out of extremes', () => {
    const pastel = frostTint(dom, false);
    expect(toHsl(pastel).l).toBeCloseTo(0.8, 1);
    expect(Math.abs(toHsl(pastel).h - toHsl(dom.primary).h)).toBeLessThan(4);
    const ref = frostTint(dom, true);
    expect(toHsl(ref).l).toBeLessThanOrEqual(0.42 + 0.01);
    expect(inkFor(pastel)).toEqual([28, 28, 32]);
    expect(inkFor(ref)).toEqual([245, 245, 245]);
  });

  it('vignette colours stay dark; ramp gives two hues, no ramp one', () => {
    const style = {
      vignetteColorSaturation: 2.5,
      vignetteColorLightness: 1.3,
      vignetteColorRamp: true,
      vignetteColorLocal: false,
    };
    const ramp = vignetteColors(dom, dom, style);
    expect(luma(ramp.left)).toBeLessThan(0.35);
    expect(ramp.left).not.toEqual(ramp.right);
    const flatOne = vignetteColors(dom, dom, { ...style, vignetteColorRamp: false });
    expect(flatOne.left).toEqual(flatOne.right);
  });
});

describe('logo pixels', () => {
  function logo(w: number, h: number, px: (x: number, y: number) => [number, number, number, number]) {
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgba.set(px(x, y), (y * w + x) * 4);
    return rgba;
  }
  const glyphs =
    (c: [number, number, number]) =>
    (x: number, y: number): [number, number, number, number] =>
      x >= 10 && x < 90 && y >= 20 && y < 40 && x % 4 < 2 ? [...c, 255] : [0, 0, 0, 0];

  it('bounds of alpha > 32, null when blank', () => {
    expect(alphaBounds(logo(100, 60, glyphs([255, 255, 255])), 100, 60)).toEqual({
      x: 12,
      y: 20,
      w: 78,
      h: 20,
    });
    expect(
      alphaBounds(
        logo(10, 10, () => [255, 255, 255, 20]),
        10,
        10,
      ),
    ).toBeNull();
  });

  it.each([
    ['dark grey wordmark', glyphs([25, 25, 28]), true],
    ['white wordmark', glyphs([245, 245, 245]), false],
    ['dark red wordmark (has colour)', glyphs([110, 10, 10]), false],
  ] as const)('%s → darkAchromatic %s', (_n, px, expected) => {
    const rgba = logo(100, 60, px);
    expect(isDarkAchromatic(rgba, 100, 60, alphaBounds(rgba, 100, 60)!)).toBe(expected);
  });

  it('keeps dark logos with light detail, and filled cards, as they are', () => {
    const outlined = logo(100, 60, (x, y) => {
      const base = glyphs([20, 20, 20])(x, y);
      return base[3] && y < 23 ? [250, 250, 250, 255] : base;
    });
    expect(isDarkAchromatic(outlined, 100, 60, alphaBounds(outlined, 100, 60)!)).toBe(false);
    const card = logo(100, 60, (x, y) =>
      x >= 10 && x < 90 && y >= 10 && y < 50 ? [20, 20, 20, 255] : [0, 0, 0, 0],
    );
    expect(isDarkAchromatic(card, 100, 60, alphaBounds(card, 100, 60)!)).toBe(false);
  });
});

describe('backdrop crop window', () => {
  const dull: Rgb = [40, 60, 50];
  it('centres a face', () => {
    const t = thumb(160, 90, (x, y) => (Math.abs(x - 120) < 5 && y > 20 && y < 36 ? [224, 170, 140] : dull));
    const cw = 60;
    expect(faceCentre(t, cw / 3)).toBeCloseTo(120.5, 0);
    const left = chooseCropLeft(t) * 160;
    expect(left + cw / 2).toBeCloseTo(120.5, 0);
  });

  it('without a face, follows detail and colour', () => {
    const t = thumb(160, 90, (x, y) => (x < 50 && (x + y) % 3 === 0 ? [250, 40, 200] : dull));
    expect(chooseCropLeft(t) * 160).toBeLessThan(20);
  });

  it('prefers the centre when nothing stands out, and handles narrow sources', () => {
    expect(chooseCropLeft(solidThumbnail(dull, 160, 90)) * 160).toBeCloseTo(50, 0);
    expect(chooseCropLeft(solidThumbnail(dull, 50, 90))).toBe(0);
  });
});

describe('fallback canvas', () => {
  it('tint table (reference §4.2)', () => {
    expect(GENRE_TINTS.Horror).toEqual([3.2, 0.3, 0.3]);
    expect(GENRE_TINTS['Sci-Fi']).toEqual([0.3, 1.2, 3.2]);
    expect(GENRE_TINTS.News).toEqual([0.3, 0.5, 2.6]);
    expect(Object.keys(GENRE_TINTS)).toHaveLength(23);
    expect(tintFor(null)).toEqual(DEFAULT_TINT);
    expect(tintFor('Unknown')).toEqual(DEFAULT_TINT);
  });

  it('profile 10 + 8·sin(π·y/H)', () => {
    expect(profile(0, 750)).toBeCloseTo(10);
    expect(profile(375, 750)).toBeCloseTo(18);
  });

  it('pixels: deterministic, genre-tinted, dark enough for white text', () => {
    const a = fallbackPixels('Horror', 50, 75);
    expect(fallbackPixels('Horror', 50, 75)).toEqual(a);
    expect(a.length).toBe(50 * 75 * 4);
    // Middle column, middle row: red dominates for Horror, blue for Drama.
    const px = (p: Uint8ClampedArray) => {
      const i = (37 * 50 + 25) * 4;
      return [p[i]!, p[i + 1]!, p[i + 2]!];
    };
    const [r = 0, g = 0, b = 0] = px(a);
    expect(r).toBeGreaterThan(3 * g);
    expect(r).toBeGreaterThan(3 * b);
    const drama = px(fallbackPixels('Drama', 50, 75));
    expect(drama[2]).toBeGreaterThan(3 * drama[0]!);
    for (let i = 0; i < a.length; i += 4) expect(Math.max(a[i]!, a[i + 1]!, a[i + 2]!)).toBeLessThan(120);
  });

  it('photoreal: deterministic, genre-hued, and drawn unlike minimal (a lit horizon, dark top and ground)', () => {
    const W = 100;
    const H = 150;
    const photo = fallbackPixels('Sci-Fi', W, H, 'photoreal');
    expect(fallbackPixels('Sci-Fi', W, H, 'photoreal')).toEqual(photo);
    const minimal = fallbackPixels('Sci-Fi', W, H, 'minimal');
    expect(fallbackPixels('Sci-Fi', W, H)).toEqual(minimal);
    const luma = (p: Uint8ClampedArray, x: number, y: number) => {
      const i = (y * W + x) * 4;
      return 0.3 * p[i]! + 0.59 * p[i + 1]! + 0.11 * p[i + 2]!;
    };
    let differing = 0;
    for (let i = 0; i < photo.length; i += 4)
      if (Math.abs(photo[i + 2]! - minimal[i + 2]!) > 12) differing += 1;
    expect(differing).toBeGreaterThan(W * H * 0.3);
    // The horizon (58 % down) is the brightest band: far brighter than the top and the ground.
    const horizon = luma(photo, W / 2, Math.round(H * 0.58));
    expect(horizon).toBeGreaterThan(3 * luma(photo, W / 2, 2));
    expect(horizon).toBeGreaterThan(3 * luma(photo, W / 2, H - 3));
    const i = (Math.round(H * 0.58) * W + W / 2) * 4;
    expect(photo[i + 2]!).toBeGreaterThan(photo[i]!); // Sci-Fi blue
  });
});
