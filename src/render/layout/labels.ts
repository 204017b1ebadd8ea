/** Label text and shared text styling of the rating modes. Pure. */
import type { Rgba, Shadow } from '../../domain/scene.ts';
import type { Rgb } from '../../domain/style.ts';

/** "87", or out of ten "8.7" (100 → "10", 0 → "0"). */
export function formatScore(score: number, outOf10: boolean): string {
  const s = Math.round(Math.max(0, Math.min(100, score)));
  if (!outOf10) return String(s);
  if (s === 100) return '10';
  if (s === 0) return '0';
  return (s / 10).toFixed(1);
}

/** Non-empty parts joined by a middle dot; two or fewer parts get a roomier separator. */
export function joinParts(parts: readonly (string | null | undefined)[], roomyWhenShort = false): string {
  const kept = parts.filter((p): p is string => !!p && p.trim() !== '');
  const sep = roomyWhenShort && kept.length <= 2 ? '  ·  ' : ' · ';
  return kept.join(sep);
}

export const STAR = '★';

/** A soft shadow under light label text, so it reads on bright art even above a gradient. */
export const LABEL_SHADOW: Shadow = { color: [0, 0, 0, 0.55], blur: 6, offsetX: 0, offsetY: 1 };

export function solid(c: Rgb, a = 1): Rgba {
  return [c[0], c[1], c[2], a];
}
