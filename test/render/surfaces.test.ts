import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultStyle, type PosterStyle } from '../../src/domain/style.ts';
import { decodeImage, ImageRejected } from '../../src/render/draw/decode.ts';
import { giveBackSurface, ImageScope, takeSurface } from '../../src/render/draw/surfaces.ts';
import { renderLocal } from '../../src/render/index.ts';
import { ART_PRESETS, logoPng, posterJpeg } from './fixtures/art.ts';
import { baseFacts } from './fixtures/facts.ts';
import { TEXT_FILE } from './fixtures/hostile.ts';

const solid = (background: string) =>
  sharp({ create: { width: 780, height: 1170, channels: 3, background } })
    .jpeg()
    .toBuffer();

async function render(art: Buffer, style: Partial<PosterStyle> = {}, logo: Buffer | null = null) {
  return renderLocal({
    art,
    logo,
    facts: baseFacts(),
    style: { ...defaultStyle(), ...style },
    output: { format: 'jpeg', quality: 85 },
  });
}

async function centre(jpeg: Buffer): Promise<[number, number, number]> {
  const { data } = await sharp(jpeg).extract({ left: 250, top: 300, width: 1, height: 1 }).raw().toBuffer({
    resolveWithObject: true,
  });
  return [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
}

describe('reused image holders', () => {
  it('hands back an emptied holder: a failed decode can never show the previous art', async () => {
    const first = new ImageScope();
    const d = await decodeImage(await solid('#ff0000'), { maxSide: 1600, images: first });
    expect(d).toMatchObject({ width: 780, height: 1170, decoder: 'skia' });
    first.close();

    const second = new ImageScope();
    const holder = second.take();
    // The same object came back (that is the point), but with nothing in it.
    expect(holder).toBe(d.image);
    expect([holder.width, holder.height]).toEqual([0, 0]);
    second.close();

    const third = new ImageScope();
    await expect(decodeImage(TEXT_FILE, { maxSide: 1600, images: third })).rejects.toBeInstanceOf(
      ImageRejected,
    );
    third.close();
  });

  it('a poster rendered after another shows its own art', async () => {
    await render(await solid('#ff0000'));
    const [r, g, b] = await centre((await render(await solid('#0000ff'))).bytes);
    expect(b).toBeGreaterThan(200);
    expect(r).toBeLessThan(40);
    expect(g).toBeLessThan(40);
  });
});

describe('reused poster canvas', () => {
  it('renders the same bytes whatever the previous render or a leftover drawing state', async () => {
    const art = await posterJpeg(ART_PRESETS.forest);
    const logo = await logoPng();
    const before = (await render(art, {}, logo)).bytes;

    // A heavy poster in between (frosted layers, notch, vignettes, badge row)…
    await render(await posterJpeg(ART_PRESETS.neon), {
      ratingDisplayMode: 4,
      sashMode: 'notch',
      vignettePosterColorTop: true,
      vignettePosterColorBottom: true,
      badgeDisplayMode: 2,
    });
    // …and a canvas given back mid-state, as a paint that threw would leave it.
    const { canvas, ctx } = takeSurface(500, 750);
    ctx.translate(120, 40);
    ctx.rotate(0.3);
    ctx.globalAlpha = 0.25;
    ctx.filter = 'blur(4px)';
    ctx.fillStyle = '#ff00ff';
    ctx.fillRect(0, 0, 400, 400);
    giveBackSurface(canvas);

    const after = (await render(art, {}, logo)).bytes;
    expect(Buffer.compare(after, before)).toBe(0);
  });
});
