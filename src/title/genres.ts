/**
 * The one genre a poster names: the title's genre that ranks highest in
 * GENRE_PRIORITY. The order is deliberate — the most *distinctive* genre wins, so a horror drama reads
 * "Horror" and Drama only shows when nothing sharper applies. The label is an untranslated English
 * key ("Sci-Fi"); translation happens at draw time (src/render/i18n.ts, which owns every word the renderer prints).
 */

import { GENRE_LABELS, type GenreLabel } from '../domain/genres.ts';

export { GENRE_LABELS, type GenreLabel };

/**
 * TMDB genre ids → label, in priority order. TV's merged genres map to their first half
 * (10765 "Sci-Fi & Fantasy" → Sci-Fi, 10759 "Action & Adventure" → Action, 10768 "War & Politics" → War).
 */
export const GENRE_PRIORITY: readonly { readonly ids: readonly number[]; readonly label: GenreLabel }[] = [
  { ids: [27], label: 'Horror' },
  { ids: [53], label: 'Thriller' },
  { ids: [9648], label: 'Mystery' },
  { ids: [878, 10765], label: 'Sci-Fi' },
  { ids: [80], label: 'Crime' },
  { ids: [35], label: 'Comedy' },
  { ids: [10749], label: 'Romance' },
  { ids: [14], label: 'Fantasy' },
  { ids: [16], label: 'Animation' },
  { ids: [10751], label: 'Family' },
  { ids: [28, 10759], label: 'Action' },
  { ids: [36], label: 'History' },
  { ids: [10402], label: 'Music' },
  { ids: [10752, 10768], label: 'War' },
  { ids: [37], label: 'Western' },
  { ids: [99], label: 'Documentary' },
  { ids: [18], label: 'Drama' },
  { ids: [12], label: 'Adventure' },
  { ids: [10764], label: 'Reality' },
  { ids: [10762], label: 'Kids' },
  { ids: [10763], label: 'News' },
  { ids: [10766], label: 'Soap' },
  { ids: [10767], label: 'Talk' },
];

/**
 * Anime ranks differently: nearly every anime is tagged Animation (and most Action/Fantasy), so the
 * rarer genres come first and Animation is the last resort.
 */
export const ANIME_GENRE_PRIORITY: readonly GenreLabel[] = [
  'Romance',
  'Horror',
  'Western',
  'Documentary',
  'Sci-Fi',
  'Thriller',
  'Adventure',
  'Action',
  'Mystery',
  'Fantasy',
  'Comedy',
  'Crime',
  'War',
  'History',
  'Music',
  'Drama',
  'Kids',
  'Family',
  'Animation',
];

const LABEL_BY_TMDB_ID: ReadonlyMap<number, GenreLabel> = new Map(
  GENRE_PRIORITY.flatMap((entry) => entry.ids.map((id) => [id, entry.label] as const)),
);

/** MDBList genre spellings (lower-cased, separators folded to single spaces) → label. */
const LABEL_BY_NAME: ReadonlyMap<string, GenreLabel> = new Map<string, GenreLabel>([
  ...GENRE_LABELS.map((label) => [label.toLowerCase().replace(/-/g, ' '), label] as const),
  ['science fiction', 'Sci-Fi'],
  ['scifi', 'Sci-Fi'],
  ['sci fi and fantasy', 'Sci-Fi'],
  ['sci fi & fantasy', 'Sci-Fi'],
  ['action and adventure', 'Action'],
  ['action & adventure', 'Action'],
  ['war and politics', 'War'],
  ['war & politics', 'War'],
  ['musical', 'Music'],
  ['reality tv', 'Reality'],
  ['children', 'Kids'],
  ['talk show', 'Talk'],
  ['soap opera', 'Soap'],
]);

/** Label for one MDBList genre name ("science-fiction", "Horror", …), or null if it is not one we rank. */
export function genreLabelFromName(name: string): GenreLabel | null {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  return LABEL_BY_NAME.get(key) ?? null;
}

function rank(label: GenreLabel, anime: boolean): number {
  if (anime) {
    const index = ANIME_GENRE_PRIORITY.indexOf(label);
    // Genres the anime order does not list (Reality, News …) rank after every listed one.
    return index === -1 ? ANIME_GENRE_PRIORITY.length + GENRE_LABELS.indexOf(label) : index;
  }
  return GENRE_LABELS.indexOf(label);
}

function best(labels: Iterable<GenreLabel>, anime: boolean): GenreLabel | null {
  let winner: GenreLabel | null = null;
  for (const label of labels) {
    if (winner === null || rank(label, anime) < rank(winner, anime)) winner = label;
  }
  return winner;
}

export interface GenreInput {
  /** TMDB genre ids in TMDB's order (unknown ids such as 10770 "TV Movie" are ignored). */
  tmdbGenreIds?: readonly unknown[] | null;
  /** MDBList genre names, used only when no TMDB genre ranks (e.g. MDBList-only titles). */
  mdbListGenres?: readonly unknown[] | null;
  anime?: boolean;
}

/** The winning genre label, or null when neither source names a ranked genre. */
export function genreLabel(input: GenreInput): GenreLabel | null {
  const anime = input.anime === true;
  const fromTmdb: GenreLabel[] = [];
  for (const id of input.tmdbGenreIds ?? []) {
    const label = typeof id === 'number' ? LABEL_BY_TMDB_ID.get(id) : undefined;
    if (label !== undefined) fromTmdb.push(label);
  }
  const tmdbWinner = best(fromTmdb, anime);
  if (tmdbWinner !== null) return tmdbWinner;

  const fromMdbList: GenreLabel[] = [];
  for (const name of input.mdbListGenres ?? []) {
    const label = typeof name === 'string' ? genreLabelFromName(name) : null;
    if (label !== null) fromMdbList.push(label);
  }
  return best(fromMdbList, anime);
}
