/**
 * Registers the shipped fonts with the canvas, explicitly, once per thread. Every family is registered
 * under a "PP " alias so a host font with the same name can never be picked instead of ours.
 */
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';
import type { FontFamily, FontSpec } from '../domain/scene.ts';
import { FONT_FILES, FONTS_DIR } from './text/catalog.ts';

let registered = false;

export function canvasFamily(family: FontFamily): string {
  return `PP ${family}`;
}

/** CSS font shorthand for the canvas. */
export function cssFont(font: FontSpec): string {
  return `${font.weight} ${font.size}px "${canvasFamily(font.family)}"`;
}

export function registerFonts(): void {
  if (registered) return;
  for (const f of FONT_FILES) {
    const path = fileURLToPath(new URL(f.file, FONTS_DIR));
    const key = GlobalFonts.registerFromPath(path, canvasFamily(f.family));
    if (!key) throw new Error(`font registration failed: ${f.file}`);
  }
  registered = true;
}
