/** TextMetrics backed by the canvas and the shipped fonts (the layout's port, pixel side). */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { FontFamily, FontSpec } from '../../domain/scene.ts';
import { cssFont, registerFonts } from '../fonts.ts';
import type { TextMetrics } from '../layout/metrics.ts';
import { covers } from '../text/coverage.ts';

let scratch: SKRSContext2D | null = null;
const capRatio = new Map<string, number>();

function context(): SKRSContext2D {
  if (!scratch) {
    registerFonts();
    scratch = createCanvas(4, 4).getContext('2d');
    scratch.lang = 'en';
  }
  return scratch;
}

export const canvasMetrics: TextMetrics = {
  width(text: string, font: FontSpec): number {
    const ctx = context();
    ctx.font = cssFont(font);
    ctx.letterSpacing = `${font.letterSpacing}px`;
    return ctx.measureText(text).width;
  },
  capHeight(font: FontSpec): number {
    const key = `${font.family}|${font.weight}`;
    let ratio = capRatio.get(key);
    if (ratio === undefined) {
      const ctx = context();
      ctx.font = cssFont({ ...font, size: 100 });
      ctx.letterSpacing = '0px';
      ratio = ctx.measureText('H').actualBoundingBoxAscent / 100;
      capRatio.set(key, ratio);
    }
    return ratio * font.size;
  },
  covers(text: string, family: FontFamily): boolean {
    return covers(text, family);
  },
};
