/**
 * The genre vocabulary shared by the facts layer (which picks one: src/title/genres.ts) and the renderer
 * (which translates it: src/render/i18n.ts). Untranslated English keys; data only, imports nothing.
 */
export const GENRE_LABELS = [
  'Horror',
  'Thriller',
  'Mystery',
  'Sci-Fi',
  'Crime',
  'Comedy',
  'Romance',
  'Fantasy',
  'Animation',
  'Family',
  'Action',
  'History',
  'Music',
  'War',
  'Western',
  'Documentary',
  'Drama',
  'Adventure',
  'Reality',
  'Kids',
  'News',
  'Soap',
  'Talk',
] as const;
export type GenreLabel = (typeof GENRE_LABELS)[number];
