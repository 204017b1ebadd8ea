/**
 * The one thing the pure layout needs from the font engine: how big a text run is. Injected, so the
 * scene builder imports no image library (the pixel layer supplies a canvas-backed implementation;
 * tests may use it or a fake).
 */
import type { FontFamily, FontSpec } from '../../domain/scene.ts';

export interface TextMetrics {
  /** Advance width of `text` in px. */
  width(text: string, font: FontSpec): number;
  /** Height of capital letters above the baseline in px (for optical vertical centring). */
  capHeight(font: FontSpec): number;
  /** True when every visible character of `text` has a glyph in `family`. */
  covers(text: string, family: FontFamily): boolean;
}

export function inter(weight: FontSpec['weight'], size: number, letterSpacing = 0): FontSpec {
  return { family: 'Inter', weight, size, letterSpacing };
}

/** Shrink `font` (never grow) until `text` fits in `maxWidth`; never below `minSize`. */
export function fitToWidth(
  metrics: TextMetrics,
  text: string,
  font: FontSpec,
  maxWidth: number,
  minSize: number,
): FontSpec {
  const w = metrics.width(text, font);
  if (w <= maxWidth || w === 0) return font;
  const size = Math.max(minSize, Math.floor(((font.size * maxWidth) / w) * 10) / 10);
  return { ...font, size, letterSpacing: (font.letterSpacing * size) / font.size };
}
