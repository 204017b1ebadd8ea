/**
 * The art one poster downloads — its image, the backdrop that rescues a texted poster, the logo drawn
 * over a textless one — read through the art cache (one download per URL, shared by every request).
 */
import type { PosterStyle } from '../domain/style.ts';
import type { ArtImages } from '../title/assemble.ts';
import type { ArtCache } from './artCache.ts';

export interface PosterArt {
  art: Buffer | null;
  backdrop: Buffer | null;
  logo: Buffer | null;
  /** Some art could not be had (download failed, or not in time): the poster is provisional. */
  incomplete: boolean;
}

type ArtUrls = [poster: string | undefined, backdrop: string | undefined, logo: string | undefined];

function artUrls(images: ArtImages, style: Pick<PosterStyle, 'textless'>): ArtUrls {
  // The base art is textless unless it is a texted poster without a backdrop to crop: a backdrop crop
  // and the genre canvas (no art at all) both carry our logo.
  const wantLogo = !style.textless && (images.posterIsTextless || !images.poster || !!images.backdrop);
  return [
    images.poster?.url,
    images.posterIsTextless ? undefined : images.backdrop?.url,
    wantLogo ? images.logo?.url : undefined,
  ];
}

/**
 * Starts the downloads as soon as the art is known (from TMDB's details alone), while ratings, quality
 * and trending are still being fetched: the later read joins them, so a cold poster waits for one
 * upstream round trip less.
 */
export function startArtDownloads(artCache: ArtCache, images: ArtImages, style: PosterStyle): void {
  for (const url of artUrls(images, style)) {
    if (url) artCache.get(url).catch(() => undefined);
  }
}

/** Downloads (or reads cached) art, waiting at most `waitMs`; what is missing then is left out. */
export async function fetchPosterArt(
  artCache: ArtCache,
  images: ArtImages,
  style: PosterStyle,
  waitMs: number,
): Promise<PosterArt> {
  const fetchBytes = async (url: string | undefined) => {
    if (!url) return { bytes: null, failed: false };
    const result = await artCache.get(url);
    return 'bytes' in result
      ? { bytes: result.bytes, failed: false }
      : { bytes: null, failed: 'failed' in result };
  };
  const [posterUrl, backdropUrl, logoUrl] = artUrls(images, style);
  const all = Promise.all([fetchBytes(posterUrl), fetchBytes(backdropUrl), fetchBytes(logoUrl)]);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const result = await Promise.race([all, late]).finally(() => clearTimeout(timer));
  if (!result) return { art: null, backdrop: null, logo: null, incomplete: true };
  const [art, backdrop, logo] = result;
  return {
    art: art.bytes,
    backdrop: backdrop.bytes,
    logo: logo.bytes,
    incomplete: art.failed || backdrop.failed || logo.failed,
  };
}
