import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeCanvas } from '../../src/render/draw/encode.ts';

async function firstPixel(bytes: Buffer): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return [data[0] ?? -1, data[1] ?? -1, data[2] ?? -1];
}

describe('encodeCanvas', () => {
  it('writes opaque JPEG and WebP of the canvas size, colours kept', async () => {
    const c = createCanvas(500, 750);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#1e6eb4';
    ctx.fillRect(0, 0, 500, 750);
    for (const format of ['jpeg', 'webp'] as const) {
      const bytes = await encodeCanvas(c, format, 90);
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual([format, 500, 750, false]);
      const [r, g, b] = await firstPixel(bytes);
      expect(Math.abs(r! - 0x1e) + Math.abs(g! - 0x6e) + Math.abs(b! - 0xb4)).toBeLessThan(12);
    }
  });

  it('shows transparent art over black in both formats, alike', async () => {
    const c = createCanvas(500, 750);
    const ctx = c.getContext('2d');
    ctx.fillStyle = 'rgba(255, 0, 0, 0.5)';
    ctx.fillRect(0, 0, 500, 750);
    const [jr, jg, jb] = await firstPixel(await encodeCanvas(c, 'jpeg', 90));
    const [wr, wg, wb] = await firstPixel(await encodeCanvas(c, 'webp', 90));
    expect(jr).toBeGreaterThan(110);
    expect(jr).toBeLessThan(150);
    expect(Math.abs(wr! - jr!) + Math.abs(wg! - jg!) + Math.abs(wb! - jb!)).toBeLessThan(12);
  });
});
