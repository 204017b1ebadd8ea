/** TMDB genre names (facts) for the ids the catalogue uses, movie and TV lists merged. */
export const GENRE_NAMES: Readonly<Record<number, string>> = {
  12: 'Adventure',
  14: 'Fantasy',
  16: 'Animation',
  18: 'Drama',
  27: 'Horror',
  28: 'Action',
  35: 'Comedy',
  36: 'History',
  37: 'Western',
  53: 'Thriller',
  80: 'Crime',
  99: 'Documentary',
  878: 'Science Fiction',
  9648: 'Mystery',
  10402: 'Music',
  10749: 'Romance',
  10751: 'Family',
  10752: 'War',
  10759: 'Action & Adventure',
  10762: 'Kids',
  10765: 'Sci-Fi & Fantasy',
  10768: 'War & Politics',
  10770: 'TV Movie',
};

export function genreName(id: number): string {
  return GENRE_NAMES[id] ?? 'Unknown';
}

/** Language names for spoken_languages (english_name, native name). */
export const LANGUAGE_NAMES: Readonly<Record<string, [string, string]>> = {
  de: ['German', 'Deutsch'],
  en: ['English', 'English'],
  es: ['Spanish', 'Español'],
  fr: ['French', 'Français'],
  it: ['Italian', 'Italiano'],
  ja: ['Japanese', '日本語'],
  ko: ['Korean', '한국어/조선말'],
  la: ['Latin', 'Latin'],
  sw: ['Swahili', 'Kiswahili'],
  zh: ['Mandarin', '普通话'],
};

export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  DE: 'Germany',
  FR: 'France',
  GB: 'United Kingdom',
  JP: 'Japan',
  KR: 'South Korea',
  US: 'United States of America',
};
