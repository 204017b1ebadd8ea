import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isComplete, jpegComplete, pngComplete, webpComplete } from '../../src/render/analysis/integrity.ts';
import { truncate } from './fixtures/hostile.ts';

const rgb = { width: 64, height: 96, channels: 3 as const, background: '#336699' };

describe('structural completeness', () => {
  it('accepts whole JPEG, PNG and WebP files', async () => {
    const jpeg = await sharp({ create: rgb }).jpeg().toBuffer();
    const png = await sharp({ create: rgb }).png().toBuffer();
    const webp = await sharp({ create: rgb }).webp().toBuffer();
    expect(jpegComplete(jpeg)).toBe(true);
    expect(pngComplete(png)).toBe(true);
    expect(webpComplete(webp)).toBe(true);
  });

  it.each([0.3, 0.6, 0.95])('rejects files cut at %s of their length', async (fraction) => {
    const noisy = await sharp({
      create: { ...rgb, width: 200, height: 300, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
    });
    const jpeg = await noisy.clone().jpeg().toBuffer();
    const png = await noisy.clone().png().toBuffer();
    const webp = await noisy.clone().webp().toBuffer();
    expect(jpegComplete(truncate(jpeg, fraction))).toBe(false);
    expect(pngComplete(truncate(png, fraction))).toBe(false);
    expect(webpComplete(truncate(webp, fraction))).toBe(false);
  });

  it('does not take an EXIF thumbnail end marker for the end of the image', async () => {
    const jpeg = await sharp({
      create: { ...rgb, width: 300, height: 300, noise: { type: 'gaussian', mean: 128, sigma: 30 } },
    })
      .jpeg()
      .toBuffer();
    // An APP1 segment holding a complete tiny JPEG (with its own FF D9), inserted after SOI.
    const thumb = await sharp({ create: rgb }).jpeg().toBuffer();
    const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), thumb]);
    const app1 = Buffer.concat([
      Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
      payload,
    ]);
    const withThumb = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
    expect(jpegComplete(withThumb)).toBe(true);
    expect(jpegComplete(truncate(withThumb, 0.7))).toBe(false);
  });

  it('knows nothing about other formats', () => {
    expect(isComplete(Buffer.from('GIF89a'), 'gif')).toBe(false);
  });
});
