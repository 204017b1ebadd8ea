/**
 * Stremio says 'series' where TMDB says 'tv'; both name the same title, so every storage adapter
 * stores and queries the one spelling.
 */
export function normaliseMediaType(mediaType: string): string {
  return mediaType === 'series' ? 'tv' : mediaType;
}
