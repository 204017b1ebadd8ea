/**
 * Cheap structural completeness checks. Why: Skia (our fast decoder) silently paints a truncated file's
 * missing rows grey, where sharp's `failOn: 'truncated'` would refuse it. A download cut short must take
 * the fallback path, so the fast path first proves the file ends where its format says it ends. Pure.
 */

const SOS = 0xda;
const EOI = 0xd9;

/** JPEG: an end-of-image marker after the first start-of-scan (entropy data never contains FF D9). */
export function jpegComplete(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return false;
  // Walk the header segments to the first SOS so an EXIF thumbnail's own EOI is not mistaken for ours.
  let i = 2;
  let sos = -1;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return false;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === SOS) {
      sos = i;
      break;
    }
    if (marker === EOI) return false;
    const len = ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    if (len < 2) return false;
    i += 2 + len;
  }
  if (sos < 0) return false;
  for (let j = b.length - 2; j > sos; j--) if (b[j] === 0xff && b[j + 1] === EOI) return true;
  return false;
}

const IEND = [0x49, 0x45, 0x4e, 0x44];

/** PNG: an IEND chunk near the end (a little trailing junk after it is tolerated). */
export function pngComplete(b: Uint8Array): boolean {
  const start = Math.max(8, b.length - 1024);
  for (let i = b.length - 4; i >= start; i--) {
    if (b[i] === IEND[0] && b[i + 1] === IEND[1] && b[i + 2] === IEND[2] && b[i + 3] === IEND[3]) return true;
  }
  return false;
}

/** WebP: the RIFF container is as long as its header says. */
export function webpComplete(b: Uint8Array): boolean {
  if (b.length < 12) return false;
  const size = ((b[4] ?? 0) | ((b[5] ?? 0) << 8) | ((b[6] ?? 0) << 16) | ((b[7] ?? 0) << 24)) >>> 0;
  return size + 8 <= b.length;
}

export function isComplete(bytes: Uint8Array, format: string): boolean {
  switch (format) {
    case 'jpeg':
      return jpegComplete(bytes);
    case 'png':
      return pngComplete(bytes);
    case 'webp':
      return webpComplete(bytes);
    default:
      return false;
  }
}
