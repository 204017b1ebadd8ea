import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultStyle } from '../../src/domain/style.ts';
import { renderLocal } from '../../src/render/renderLocal.ts';
import { backdropJpeg, posterJpeg } from './fixtures/art.ts';
import { baseFacts } from './fixtures/facts.ts';
import { pngBombHeader, TEXT_FILE, truncate, ZERO_BYTES } from './fixtures/hostile.ts';

const output = { format: 'jpeg' as const, quality: 85 };

async function dims(bytes: Buffer) {
  const m = await sharp(bytes).metadata();
  return { format: m.format, width: m.width, height: m.height };
}

describe('renderLocal with hostile artwork', () => {
  const cases: [string, () => Promise<Uint8Array | null>, string | null][] = [
    ['pixel bomb header', async () => pngBombHeader(), 'art_rejected:too_many_pixels'],
    ['truncated JPEG', async () => truncate(await posterJpeg()), 'art_rejected:truncated'],
    ['zero bytes', async () => ZERO_BYTES, 'art_rejected:empty'],
    ['a text file', async () => TEXT_FILE, 'art_rejected:not_an_image'],
    ['no art at all', async () => null, null],
  ];

  it.each(cases)('%s → the genre fallback canvas, a full 500×750 poster', async (_name, make, warning) => {
    const r = await renderLocal({
      art: await make(),
      logo: TEXT_FILE,
      facts: baseFacts(),
      style: defaultStyle(),
      output,
    });
    expect(r.artSource).toBe('fallback_canvas');
    expect(await dims(r.bytes)).toEqual({ format: 'jpeg', width: 500, height: 750 });
    if (warning) expect(r.warnings).toContain(warning);
    // The broken logo is skipped, the title is drawn as text instead.
    expect(r.warnings).toContain('logo_rejected:not_an_image');
    expect(r.summary.title).toBe('text');
  });

  it('uses the backdrop crop when the poster is broken', async () => {
    const r = await renderLocal({
      art: truncate(await posterJpeg()),
      backdrop: await backdropJpeg(),
      logo: null,
      facts: baseFacts(),
      style: defaultStyle(),
      output,
    });
    expect(r.artSource).toBe('backdrop_crop');
  });

  it('output size is fixed by the layout, never by the input', async () => {
    const tiny = await sharp({ create: { width: 3, height: 2, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const wide = await sharp({ create: { width: 3000, height: 400, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    for (const art of [tiny, wide]) {
      const r = await renderLocal({
        art,
        logo: null,
        facts: baseFacts(),
        style: defaultStyle(),
        output: { format: 'webp', quality: 80 },
      });
      expect(r.artSource).toBe('poster');
      expect(await dims(r.bytes)).toEqual({ format: 'webp', width: 500, height: 750 });
    }
  });
});
