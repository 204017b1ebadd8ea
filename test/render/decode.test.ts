import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  decodeImage,
  ImageRejected,
  MAX_INPUT_BYTES,
  type RejectReason,
} from '../../src/render/draw/decode.ts';
import { posterJpeg } from './fixtures/art.ts';
import { pngBombHeader, TEXT_FILE, truncate, ZERO_BYTES } from './fixtures/hostile.ts';

async function reason(bytes: Uint8Array | null): Promise<RejectReason | 'accepted'> {
  try {
    await decodeImage(bytes, { maxSide: 1600 });
    return 'accepted';
  } catch (err) {
    if (err instanceof ImageRejected) return err.reason;
    throw err;
  }
}

describe('decodeImage limits', () => {
  it('decodes an ordinary poster on the fast (Skia) path', async () => {
    const d = await decodeImage(await posterJpeg(), { maxSide: 1600 });
    expect(d).toMatchObject({ width: 780, height: 1170, decoder: 'skia' });
  });

  it('rejects a pixel-bomb header without decoding it, in bounded memory', async () => {
    const before = process.memoryUsage().rss;
    expect(await reason(pngBombHeader())).toBe('too_many_pixels');
    // 400 MP of RGB would be 1.2 GB; rejecting at the header costs next to nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('rejects a real image just over 50 megapixels', async () => {
    const big = await sharp({ create: { width: 8000, height: 6300, channels: 3, background: '#202020' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(await reason(big)).toBe('too_many_pixels');
  });

  it('rejects a truncated JPEG and a truncated PNG', async () => {
    const jpeg = await posterJpeg();
    expect(await reason(truncate(jpeg))).toBe('truncated');
    const png = await sharp(jpeg).png().toBuffer();
    expect(await reason(truncate(png, 0.8))).toBe('truncated');
  });

  it('rejects zero bytes, null, a text file and oversized input', async () => {
    expect(await reason(ZERO_BYTES)).toBe('empty');
    expect(await reason(null)).toBe('empty');
    expect(await reason(TEXT_FILE)).toBe('not_an_image');
    expect(await reason(Buffer.alloc(MAX_INPUT_BYTES + 1, 0xff))).toBe('too_many_bytes');
  });

  it('sends large, rotated or unusual images through sharp, shrunk to maxSide', async () => {
    const large = await sharp({ create: { width: 2000, height: 3000, channels: 3, background: '#446688' } })
      .jpeg()
      .toBuffer();
    expect(await decodeImage(large, { maxSide: 1200 })).toMatchObject({
      width: 800,
      height: 1200,
      decoder: 'sharp',
    });

    const rotated = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#884422' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    // Orientation 6 = rotate 90°: the decoded image is portrait.
    expect(await decodeImage(rotated, { maxSide: 1200 })).toMatchObject({
      width: 200,
      height: 300,
      decoder: 'sharp',
    });

    const gif = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#00ff00' } })
      .gif()
      .toBuffer();
    expect(await decodeImage(gif, { maxSide: 1200 })).toMatchObject({
      width: 40,
      height: 60,
      decoder: 'sharp',
    });
  });

  it('rasterises an SVG logo near maxSide instead of at 72 dpi', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="100" height="40" fill="red"/></svg>',
    );
    const d = await decodeImage(svg, { maxSide: 1000 });
    expect(d.decoder).toBe('sharp');
    expect(d.width).toBeGreaterThanOrEqual(900);
  });
});
