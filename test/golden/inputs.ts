/** Turns a golden case into render input, drawing (and memoising) its procedural art. */
import type { RenderInput } from '../../src/render/index.ts';
import { ART_PRESETS, backdropJpeg, logoPng, posterJpeg } from '../render/fixtures/art.ts';
import { TEXT_FILE } from '../render/fixtures/hostile.ts';
import type { GoldenCase } from './cases.ts';

const memo = new Map<string, Promise<Buffer>>();
function once(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  let p = memo.get(key);
  if (!p) {
    p = make();
    memo.set(key, p);
  }
  return p;
}

export async function inputFor(
  c: GoldenCase,
  format: 'png-like' | 'jpeg' | 'webp' = 'jpeg',
): Promise<RenderInput> {
  const art =
    c.art === 'none'
      ? null
      : c.art === 'broken'
        ? TEXT_FILE
        : await once(`poster:${c.art}`, () =>
            // Flat, lossless art: goldens stay small and JPEG noise stays out of the diff.
            posterJpeg(ART_PRESETS[c.art as keyof typeof ART_PRESETS], { grain: 0, blobs: false, png: true }),
          );
  const backdrop = c.backdrop
    ? await once(`backdrop:${c.backdrop}`, () => backdropJpeg(ART_PRESETS[c.backdrop!], 0.78, 0))
    : null;
  const logo = c.logo ? await once(`logo:${c.logo}`, () => logoPng('NIGHTFALL', c.logo!)) : null;
  return {
    art,
    backdrop,
    logo,
    facts: c.facts,
    style: c.style,
    // Goldens compare decoded pixels: encode near-losslessly so JPEG noise does not eat the tolerance.
    output:
      format === 'webp'
        ? { format: 'webp', quality: 90 }
        : { format: 'jpeg', quality: format === 'png-like' ? 98 : 88 },
  };
}
