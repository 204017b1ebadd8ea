/**
 * Which texts the shipped fonts can draw. Skia silently falls back to system fonts for missing glyphs,
 * which would make the art depend on the host; texts in other scripts (CJK, Hangul …) are replaced by
 * the English title instead.
 */

/** Latin (incl. accents), digits, punctuation and spaces. */
const LATIN = /^[\p{Script=Latin}\p{Script=Common}\p{M}]*$/u;
/** Latin, Cyrillic or Greek: covered by Inter, Noto Serif, Oswald and Playfair Display. */
const LATIN_CYRILLIC_GREEK =
  /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{M}]*$/u;

export function isLatin(text: string): boolean {
  return LATIN.test(text);
}

export function isDrawable(text: string): boolean {
  return LATIN_CYRILLIC_GREEK.test(text);
}

/** The text to draw: `text` when the shipped fonts cover it, else `fallback` (the English title). */
export function drawableText(text: string, fallback: string): string {
  return isDrawable(text) ? text : fallback;
}
