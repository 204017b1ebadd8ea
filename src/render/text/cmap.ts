/**
 * Minimal TrueType/OpenType `cmap` reader: which code points a shipped font has glyphs for.
 *
 * Why: Skia silently substitutes an installed system font for any character our font lacks, so a
 * missing glyph never shows up as an error — only as a different-looking (or tofu) glyph on some hosts.
 * Reading the font's own character map lets us choose a font that covers a title and lets tests prove
 * every label we draw is covered. Pure: bytes in, a Set out.
 */

/** Code points covered by the font (Unicode subtables: format 4 BMP and format 12 full range). */
export function readCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  let cmapOffset = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(rec),
      view.getUint8(rec + 1),
      view.getUint8(rec + 2),
      view.getUint8(rec + 3),
    );
    if (tag === 'cmap') cmapOffset = view.getUint32(rec + 8);
  }
  if (cmapOffset < 0) throw new Error('font has no cmap table');

  const out = new Set<number>();
  const numSubtables = view.getUint16(cmapOffset + 2);
  for (let i = 0; i < numSubtables; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const sub = cmapOffset + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    if (format === 4) readFormat4(view, sub, out);
    else if (format === 12) readFormat12(view, sub, out);
  }
  return out;
}

function readFormat4(view: DataView, sub: number, out: Set<number>): void {
  const segCount = view.getUint16(sub + 6) / 2;
  const endCodes = sub + 14;
  const startCodes = endCodes + segCount * 2 + 2;
  const idDeltas = startCodes + segCount * 2;
  const idRangeOffsets = idDeltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = view.getUint16(endCodes + s * 2);
    const start = view.getUint16(startCodes + s * 2);
    const delta = view.getUint16(idDeltas + s * 2);
    const rangeOffsetPos = idRangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetPos);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const glyphPos = rangeOffsetPos + rangeOffset + (c - start) * 2;
        glyph = view.getUint16(glyphPos);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(view: DataView, sub: number, out: Set<number>): void {
  const groups = view.getUint32(sub + 12);
  for (let g = 0; g < groups; g++) {
    const rec = sub + 16 + g * 12;
    const start = view.getUint32(rec);
    const end = view.getUint32(rec + 4);
    const startGlyph = view.getUint32(rec + 8);
    for (let c = start; c <= end; c++) if (startGlyph + (c - start) !== 0) out.add(c);
  }
}
