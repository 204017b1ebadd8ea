/**
 * The IMDb title id, written once: `tt` and 1–10 digits (tt0111161). Ten digits is wider than any id
 * IMDb has issued (they grew from seven to eight) and keeps a hostile value short. Imports nothing.
 */

/** The id's regex source, for patterns that embed it (Stremio ids `tt…:season:episode`). */
export const IMDB_ID_SOURCE = 'tt\\d{1,10}';

const WHOLE = new RegExp(`^${IMDB_ID_SOURCE}$`);
// Global, for String#match only (which starts from 0 every call, so the shared lastIndex is harmless).
const IN_TEXT = new RegExp(`\\b${IMDB_ID_SOURCE}\\b`, 'g');

/** The whole value is one IMDb id. */
export function isImdbId(value: unknown): value is string {
  return typeof value === 'string' && WHOLE.test(value);
}

/** Every IMDb id written in free text, as a word of its own, in order of appearance (repeats kept). */
export function imdbIdsIn(text: string): string[] {
  return text.match(IN_TEXT) ?? [];
}
