/**
 * Image header facts for the fast decode path — format, dimensions, EXIF orientation, CMYK, animation —
 * read from the first bytes without a library. Why: asking sharp costs a thread-pool round trip
 * (~0.5 ms of a ~4 ms overlay budget) for facts that sit in the first few hundred bytes. Anything this
 * parser does not recognise returns null and goes to sharp, which applies the same limits. Pure.
 */

export interface HeaderInfo {
  format: 'jpeg' | 'png' | 'webp';
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 = as stored). */
  orientation: number;
  /** Four-component (CMYK/YCCK) JPEG: Skia and sharp disagree on those, so sharp decodes them. */
  cmyk: boolean;
  animated: boolean;
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) =>
  (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** Orientation tag (0x0112) of an EXIF APP1 payload starting at `start` ("Exif\0\0" + TIFF). */
export function exifOrientation(b: Uint8Array, start: number, end: number): number {
  if (ascii(b, start, 4) !== 'Exif') return 1;
  const tiff = start + 6;
  const le = ascii(b, tiff, 2) === 'II';
  const r16 = (i: number) => (le ? u16le(b, i) : u16be(b, i));
  const r32 = (i: number) =>
    le
      ? ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0
      : u32be(b, i);
  const ifd = tiff + r32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const count = r16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) break;
    if (r16(entry) === 0x0112) {
      const v = r16(entry + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

function jpeg(b: Uint8Array): HeaderInfo | null {
  let i = 2;
  let orientation = 1;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = u16be(b, i + 2);
    if (len < 2) return null;
    if (marker === 0xe1) orientation = exifOrientation(b, i + 4, Math.min(b.length, i + 2 + len));
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 10 > b.length) return null;
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      const components = b[i + 9] ?? 0;
      return { format: 'jpeg', width, height, orientation, cmyk: components === 4, animated: false };
    }
    if (marker === 0xda || marker === 0xd9) return null;
    i += 2 + len;
  }
  return null;
}

function png(b: Uint8Array): HeaderInfo | null {
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return null;
  // An acTL chunk before the first IDAT marks an animated PNG: walk the chunk list to IDAT.
  let animated = false;
  for (let i = 8; i + 8 <= b.length; ) {
    const type = ascii(b, i + 4, 4);
    if (type === 'acTL') animated = true;
    if (type === 'IDAT' || type === 'IEND') break;
    i += 12 + u32be(b, i);
  }
  return { format: 'png', width: u32be(b, 16), height: u32be(b, 20), orientation: 1, cmyk: false, animated };
}

function webp(b: Uint8Array): HeaderInfo | null {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return null;
  const chunk = ascii(b, 12, 4);
  const base = { format: 'webp' as const, orientation: 1, cmyk: false };
  if (chunk === 'VP8 ') {
    return { ...base, width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, animated: false };
  }
  if (chunk === 'VP8L') {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { ...base, width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, animated: false };
  }
  if (chunk === 'VP8X') {
    const flags = b[20] ?? 0;
    return { ...base, width: u24le(b, 24) + 1, height: u24le(b, 27) + 1, animated: (flags & 0x02) !== 0 };
  }
  return null;
}

export function readHeader(b: Uint8Array): HeaderInfo | null {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpeg(b);
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return png(b);
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF') return webp(b);
  return null;
}
