/**
 * Which characters each shipped family can draw, read once from the font files' cmap tables.
 * File I/O only (no image library), so the layout can ask it through the TextMetrics port.
 */
import { readFileSync } from 'node:fs';
import type { FontFamily } from '../../domain/scene.ts';
import { FONT_FILES, FONTS_DIR } from './catalog.ts';
import { readCodePoints } from './cmap.ts';

const cache = new Map<FontFamily, Set<number>>();

export function codePointsOf(family: FontFamily): Set<number> {
  let set = cache.get(family);
  if (!set) {
    set = new Set<number>();
    // Union over the family's files: every Inter weight covers the same set, but be exact anyway.
    for (const f of FONT_FILES) {
      if (f.family !== family) continue;
      for (const cp of readCodePoints(readFileSync(new URL(f.file, FONTS_DIR)))) set.add(cp);
    }
    cache.set(family, set);
  }
  return set;
}

/** Characters with no visible glyph need none (spaces, joiners, variation selectors). */
function needsGlyph(cp: number): boolean {
  return !(cp <= 0x20 || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xa0);
}

export function missingGlyphs(text: string, family: FontFamily): string[] {
  const set = codePointsOf(family);
  const missing: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (needsGlyph(cp) && !set.has(cp)) missing.push(ch);
  }
  return missing;
}

export function covers(text: string, family: FontFamily): boolean {
  return missingGlyphs(text, family).length === 0;
}
