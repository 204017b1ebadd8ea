import { describe, expect, it } from 'vitest';
import { GENRE_LABELS, GENRE_PRIORITY, genreLabel, genreLabelFromName } from '../../src/title/genres.ts';
import { fixture } from '../helpers/fixtures.ts';

const genreIds = (body: unknown): number[] =>
  ((body as { genres?: { id: number }[] }).genres ?? []).map((genre) => genre.id);

describe('GENRE_PRIORITY', () => {
  it('lists every label once, in the reference order', () => {
    expect(GENRE_PRIORITY.map((entry) => entry.label)).toEqual([...GENRE_LABELS]);
    const ids = GENRE_PRIORITY.flatMap((entry) => entry.ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('genreLabel from TMDB ids', () => {
  it.each([
    [[18], 'Drama'],
    [[18, 27], 'Horror'],
    [[28, 12, 878], 'Sci-Fi'],
    [[12, 28], 'Action'],
    [[10765, 18, 10759], 'Sci-Fi'],
    [[10759, 18], 'Action'],
    [[10768, 18], 'War'],
    [[80, 18, 9648], 'Mystery'],
    [[35, 10749], 'Comedy'],
    [[10749, 18], 'Romance'],
    [[16, 35, 10751], 'Comedy'],
    [[16, 10751], 'Animation'],
    [[99], 'Documentary'],
    [[99, 10402], 'Music'],
    [[10764], 'Reality'],
    [[10762, 16], 'Animation'],
    [[10763], 'News'],
    [[10766], 'Soap'],
    [[10767], 'Talk'],
    [[37, 18], 'Western'],
    [[36, 10752], 'History'],
    [[10770], null],
    [[], null],
    [['27', null, {}], null],
  ])('%j → %s', (ids, label) => {
    expect(genreLabel({ tmdbGenreIds: ids })).toBe(label);
  });

  it.each([
    ['tmdb/movie_550_details_fight_club.json', 'Drama'],
    ['tmdb/tv_1399_details_game_of_thrones.json', 'Sci-Fi'],
    ['tmdb/tv_96677_details_lupin_fr.json', 'Mystery'],
    ['tmdb/tv_details_clerks_animated.json', 'Comedy'],
  ])('%s → %s', (file, label) => {
    expect(genreLabel({ tmdbGenreIds: genreIds(fixture(file)) })).toBe(label);
  });
});

describe('anime order', () => {
  it.each([
    [[16, 28, 14], 'Action', 'Fantasy'],
    [[16, 10749, 35], 'Romance', 'Comedy'],
    [[16, 10759, 10765], 'Sci-Fi', 'Sci-Fi'],
    [[16], 'Animation', 'Animation'],
    [[16, 10764], 'Animation', 'Animation'],
  ])('%j → %s (anime) vs %s (default)', (ids, anime, normal) => {
    expect(genreLabel({ tmdbGenreIds: ids, anime: true })).toBe(anime);
    expect(genreLabel({ tmdbGenreIds: ids })).toBe(normal);
  });
});

describe('MDBList genre names as fallback', () => {
  it.each([
    ['horror', 'Horror'],
    ['Science-Fiction', 'Sci-Fi'],
    ['science fiction', 'Sci-Fi'],
    ['sci-fi', 'Sci-Fi'],
    ['Sci-Fi & Fantasy', 'Sci-Fi'],
    ['action_&_adventure', 'Action'],
    ['reality-tv', 'Reality'],
    ['talk-show', 'Talk'],
    ['documentary', 'Documentary'],
    ['anime', null],
    ['', null],
  ])('%s → %s', (name, label) => {
    expect(genreLabelFromName(name)).toBe(label);
  });

  it.each([
    [{ tmdbGenreIds: [], mdbListGenres: ['drama', 'horror'] }, 'Horror'],
    [{ tmdbGenreIds: [18], mdbListGenres: ['horror'] }, 'Drama'],
    [{ tmdbGenreIds: [10770], mdbListGenres: ['thriller'] }, 'Thriller'],
    [{ tmdbGenreIds: null, mdbListGenres: [5, null, 'crime'] }, 'Crime'],
    [{ mdbListGenres: ['nope'] }, null],
  ])('%j → %s', (input, label) => {
    expect(genreLabel(input)).toBe(label);
  });
});
