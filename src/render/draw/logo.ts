/** Decodes the logo and measures what the layout needs: opaque bounds and darkness. */
import { createCanvas } from '@napi-rs/canvas';
import { alphaBounds, isDarkAchromatic } from '../analysis/logo.ts';
import type { LogoInfo } from '../layout/context.ts';
import { type Decoded, decodeImage, ImageRejected } from './decode.ts';
import type { ImageScope } from './surfaces.ts';

/** Analysis resolution: bounds are found on a copy at most this wide, then scaled back. */
const ANALYSIS_MAX = 256;
const LOGO_MAX_SIDE = 1200;

export interface PreparedLogo {
  decoded: Decoded;
  info: LogoInfo;
}

export async function prepareLogo(
  bytes: Uint8Array | null,
  warnings: string[],
  images: ImageScope,
): Promise<PreparedLogo | null> {
  if (!bytes) return null;
  let decoded: Decoded;
  try {
    decoded = await decodeImage(bytes, { maxSide: LOGO_MAX_SIDE, images });
  } catch (err) {
    warnings.push(`logo_rejected:${err instanceof ImageRejected ? err.reason : 'error'}`);
    return null;
  }
  const k = Math.min(1, ANALYSIS_MAX / Math.max(decoded.width, decoded.height));
  const w = Math.max(1, Math.round(decoded.width * k));
  const h = Math.max(1, Math.round(decoded.height * k));
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.drawImage(decoded.image, 0, 0, w, h);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const b = alphaBounds(rgba, w, h);
  if (!b) {
    warnings.push('logo_empty');
    return null;
  }
  const dark = isDarkAchromatic(rgba, w, h, b);
  // Back to source pixels, one analysis pixel of slack so anti-aliased edges are never clipped.
  const x = Math.max(0, Math.floor((b.x - 1) / k));
  const y = Math.max(0, Math.floor((b.y - 1) / k));
  const x1 = Math.min(decoded.width, Math.ceil((b.x + b.w + 1) / k));
  const y1 = Math.min(decoded.height, Math.ceil((b.y + b.h + 1) / k));
  return { decoded, info: { bounds: { x, y, w: x1 - x, h: y1 - y }, darkAchromatic: dark } };
}
