/**
 * Any image file (TMDB logos are PNG or SVG) decoded and written again as PNG, with a bound on the
 * decoded size. Null when the file cannot be decoded: a truncated or corrupt file is refused here
 * instead of being served and cached downstream.
 */
const MAX_PNG_INPUT_PIXELS = 40_000_000;

export async function transcodeToPng(bytes: Buffer): Promise<Buffer | null> {
  try {
    // Loaded on first use: the serving process needs libvips only for this operator endpoint.
    const { default: sharp } = await import('../sharp.ts');
    return await sharp(bytes, { limitInputPixels: MAX_PNG_INPUT_PIXELS }).png().toBuffer();
  } catch {
    return null;
  }
}
