/**
 * Translations of the labels the renderer itself prints: genre names and a few UI words. Sash labels
 * arrive already translated in Facts (the facts layer owns that vocabulary).
 *
 * Every string here is drawn in Inter (or a fallback-title font); test/render/i18n.test.ts proves each
 * has glyphs in the shipped fonts.
 */

import { GENRE_LABELS, type GenreLabel } from '../domain/genres.ts';
import type { Language } from '../domain/languages.ts';

/** The untranslated genre keys the facts layer emits (one vocabulary: src/domain/genres.ts). */
export const GENRE_KEYS = GENRE_LABELS;
export type GenreKey = GenreLabel;

export const UI_KEYS = ['N/A'] as const;
export type UiKey = (typeof UI_KEYS)[number];

type Table = Record<GenreKey | UiKey, string>;

// English prints "Documentary" as "Doc": the full word crowds the label.
const en: Table = {
  Horror: 'Horror',
  Thriller: 'Thriller',
  Mystery: 'Mystery',
  'Sci-Fi': 'Sci-Fi',
  Crime: 'Crime',
  Comedy: 'Comedy',
  Romance: 'Romance',
  Fantasy: 'Fantasy',
  Animation: 'Animation',
  Family: 'Family',
  Action: 'Action',
  History: 'History',
  Music: 'Music',
  War: 'War',
  Western: 'Western',
  Documentary: 'Doc',
  Drama: 'Drama',
  Adventure: 'Adventure',
  Reality: 'Reality',
  Kids: 'Kids',
  News: 'News',
  Soap: 'Soap',
  Talk: 'Talk',
  'N/A': 'N/A',
};

const es: Table = {
  Horror: 'Terror',
  Thriller: 'Suspense',
  Mystery: 'Misterio',
  'Sci-Fi': 'Ciencia ficción',
  Crime: 'Crimen',
  Comedy: 'Comedia',
  Romance: 'Romance',
  Fantasy: 'Fantasía',
  Animation: 'Animación',
  Family: 'Familia',
  Action: 'Acción',
  History: 'Historia',
  Music: 'Música',
  War: 'Bélica',
  Western: 'Western',
  Documentary: 'Documental',
  Drama: 'Drama',
  Adventure: 'Aventura',
  Reality: 'Reality',
  Kids: 'Infantil',
  News: 'Noticias',
  Soap: 'Telenovela',
  Talk: 'Entrevistas',
  'N/A': 'N/D',
};

const fr: Table = {
  Horror: 'Horreur',
  Thriller: 'Thriller',
  Mystery: 'Mystère',
  'Sci-Fi': 'Science-fiction',
  Crime: 'Policier',
  Comedy: 'Comédie',
  Romance: 'Romance',
  Fantasy: 'Fantastique',
  Animation: 'Animation',
  Family: 'Familial',
  Action: 'Action',
  History: 'Histoire',
  Music: 'Musique',
  War: 'Guerre',
  Western: 'Western',
  Documentary: 'Documentaire',
  Drama: 'Drame',
  Adventure: 'Aventure',
  Reality: 'Téléréalité',
  Kids: 'Jeunesse',
  News: 'Actualités',
  Soap: 'Feuilleton',
  Talk: 'Talk-show',
  'N/A': 'N/D',
};

const it: Table = {
  Horror: 'Horror',
  Thriller: 'Thriller',
  Mystery: 'Mistero',
  'Sci-Fi': 'Fantascienza',
  Crime: 'Crimine',
  Comedy: 'Commedia',
  Romance: 'Romantico',
  Fantasy: 'Fantasy',
  Animation: 'Animazione',
  Family: 'Famiglia',
  Action: 'Azione',
  History: 'Storico',
  Music: 'Musica',
  War: 'Guerra',
  Western: 'Western',
  Documentary: 'Documentario',
  Drama: 'Dramma',
  Adventure: 'Avventura',
  Reality: 'Reality',
  Kids: 'Bambini',
  News: 'Notizie',
  Soap: 'Soap opera',
  Talk: 'Talk show',
  'N/A': 'N/D',
};

const pt: Table = {
  Horror: 'Terror',
  Thriller: 'Thriller',
  Mystery: 'Mistério',
  'Sci-Fi': 'Ficção científica',
  Crime: 'Crime',
  Comedy: 'Comédia',
  Romance: 'Romance',
  Fantasy: 'Fantasia',
  Animation: 'Animação',
  Family: 'Família',
  Action: 'Ação',
  History: 'História',
  Music: 'Música',
  War: 'Guerra',
  Western: 'Faroeste',
  Documentary: 'Documentário',
  Drama: 'Drama',
  Adventure: 'Aventura',
  Reality: 'Reality',
  Kids: 'Infantil',
  News: 'Notícias',
  Soap: 'Novela',
  Talk: 'Talk show',
  'N/A': 'N/D',
};

const ptBr: Table = { ...pt, Thriller: 'Suspense', Western: 'Faroeste' };

const de: Table = {
  Horror: 'Horror',
  Thriller: 'Thriller',
  Mystery: 'Mystery',
  'Sci-Fi': 'Sci-Fi',
  Crime: 'Krimi',
  Comedy: 'Komödie',
  Romance: 'Liebesfilm',
  Fantasy: 'Fantasy',
  Animation: 'Animation',
  Family: 'Familie',
  Action: 'Action',
  History: 'Historie',
  Music: 'Musik',
  War: 'Kriegsfilm',
  Western: 'Western',
  Documentary: 'Doku',
  Drama: 'Drama',
  Adventure: 'Abenteuer',
  Reality: 'Reality',
  Kids: 'Kinder',
  News: 'Nachrichten',
  Soap: 'Seifenoper',
  Talk: 'Talkshow',
  'N/A': 'k. A.',
};

export const LABELS: Readonly<Record<Language, Readonly<Table>>> = { en, es, fr, it, pt, 'pt-br': ptBr, de };

export function isGenreKey(value: string): value is GenreKey {
  return (GENRE_KEYS as readonly string[]).includes(value);
}

/** Translated genre label; an unknown key is printed as given (never dropped). */
export function genreLabel(genre: string, language: Language): string {
  return isGenreKey(genre) ? LABELS[language][genre] : genre;
}

export function uiLabel(key: UiKey, language: Language): string {
  return LABELS[language][key];
}
