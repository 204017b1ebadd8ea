import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/render/analysis/header.ts';
import { pngBombHeader, TEXT_FILE, withChunkAfterIhdr } from './fixtures/hostile.ts';

const base = () => sharp({ create: { width: 123, height: 77, channels: 3, background: '#3366aa' } });

describe('readHeader', () => {
  it.each([
    ['baseline JPEG', () => base().jpeg().toBuffer(), 'jpeg'],
    ['progressive JPEG', () => base().jpeg({ progressive: true }).toBuffer(), 'jpeg'],
    ['PNG', () => base().png().toBuffer(), 'png'],
    ['lossy WebP', () => base().webp().toBuffer(), 'webp'],
    ['lossless WebP', () => base().webp({ lossless: true }).toBuffer(), 'webp'],
    ['WebP with alpha (VP8X)', () => base().ensureAlpha(0.5).webp().toBuffer(), 'webp'],
  ] as const)('%s: format and size agree with sharp', async (_name, make, format) => {
    const bytes = await make();
    const meta = await sharp(bytes).metadata();
    expect(readHeader(bytes)).toMatchObject({
      format,
      width: meta.width,
      height: meta.height,
      orientation: 1,
      cmyk: false,
    });
  });

  it('reads EXIF orientation and flags CMYK', async () => {
    const rotated = await base().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(readHeader(rotated)).toMatchObject({ orientation: 6 });
    const cmyk = await base().toColourspace('cmyk').jpeg().toBuffer();
    expect(readHeader(cmyk)).toMatchObject({ cmyk: true });
  });

  it('reports a bomb header as it is (the caller applies the limit)', () => {
    expect(readHeader(pngBombHeader(30000, 20000))).toMatchObject({
      format: 'png',
      width: 30000,
      height: 20000,
    });
  });

  it('returns null for anything else', async () => {
    expect(readHeader(TEXT_FILE)).toBeNull();
    expect(readHeader(new Uint8Array(0))).toBeNull();
    expect(readHeader(await base().gif().toBuffer())).toBeNull();
    expect(readHeader(Buffer.from([0xff, 0xd8, 0x00, 0x01, 0x02]))).toBeNull();
  });
});

describe('readHeader: animation', () => {
  it('flags an animated PNG (acTL before IDAT), not a still one', async () => {
    const still = await base().png().toBuffer();
    expect(readHeader(still)?.animated).toBe(false);
    const apng = withChunkAfterIhdr(still, 'acTL', new Uint8Array([0, 0, 0, 2, 0, 0, 0, 0]));
    expect(readHeader(apng)).toMatchObject({ format: 'png', animated: true, width: 123, height: 77 });
  });
});
