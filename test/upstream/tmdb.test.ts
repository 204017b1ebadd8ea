import { describe, expect, it } from 'vitest';
import { normaliseTitle, pickFindResult } from '../../src/upstream/tmdb.ts';
import { imagesSchema, releaseDatesSchema } from '../../src/upstream/tmdbSchemas.ts';
import { fixture, fixtureNames } from '../helpers/fixtures.ts';

describe('TMDB normalisation of recorded responses', () => {
  it.each(fixtureNames('tmdb').filter((n) => n.includes('_details_')))('%s parses', (name) => {
    const title = normaliseTitle(name.startsWith('tv') ? 'tv' : 'movie', fixture(`tmdb/${name}`));
    expect(title).not.toBeNull();
    expect(title?.title.length).toBeGreaterThan(0);
  });

  it('movie details: ids, dates, genres, companies', () => {
    const title = normaliseTitle('movie', fixture('tmdb/movie_550_details_fight_club.json'))!;
    expect(title).toMatchObject({
      tmdbId: '550',
      imdbId: 'tt0137523',
      title: 'Fight Club',
      releaseDate: '1999-10-15',
      originalLanguage: 'en',
      status: 'Released',
      runtime: 139,
    });
    expect(title.genreIds).toContain(18);
    expect(title.companies.length).toBeGreaterThan(0);
  });

  it('keeps non-Latin original titles intact (quirk 7)', () => {
    const title = normaliseTitle('movie', fixture('tmdb/movie_496243_details_parasite_ko.json'))!;
    expect(title.originalTitle).toBe('기생충');
    expect(title.originalLanguage).toBe('ko');
  });

  it('tv details: name, first air date, episodes, the finale as last episode, null next episode', () => {
    const title = normaliseTitle('tv', fixture('tmdb/tv_1399_details_game_of_thrones.json'))!;
    expect(title.title).toBe('Game of Thrones');
    expect(title.releaseDate).toBe('2011-04-17');
    expect(title.seasons).toBe(8);
    expect(title.nextEpisode).toBeNull();
    expect(title.lastEpisode).toMatchObject({ seasonNumber: 8, episodeNumber: 6, episodeType: 'finale' });
    expect(title.networks.map((n) => n.name)).toContain('HBO');
  });

  it('reads appended credits, external ids and content ratings (Lupin, fr)', () => {
    const title = normaliseTitle('tv', fixture('tmdb/tv_96677_details_lupin_fr.json'))!;
    expect(title.imdbId).toBe('tt2531336');
    expect(title.tvdbId).toBe(375921);
    expect(title.cast).toContain('Omar Sy');
    expect(title.originalLanguage).toBe('fr');
    expect(title.contentRatings.length).toBeGreaterThan(0);
  });

  it('treats "" as absent for homepage-style strings and dates (quirk 4)', () => {
    const title = normaliseTitle('tv', fixture('tmdb/tv_details_clerks_animated.json'))!;
    expect(title.title.length).toBeGreaterThan(0);
    const sparse = normaliseTitle('movie', {
      id: 1,
      title: 'X',
      release_date: '',
      poster_path: null,
      backdrop_path: '',
    })!;
    expect(sparse.releaseDate).toBeNull();
    expect(sparse.posterPath).toBeNull();
    expect(sparse.backdropPath).toBeNull();
  });

  it('survives hostile shapes field by field instead of failing the title', () => {
    const title = normaliseTitle('movie', {
      id: 7,
      title: 'Odd',
      genres: 'not a list',
      vote_average: 'NaN',
      images: { posters: [{ file_path: '/a.jpg' }, 42, null, { nope: true }], logos: 'x' },
      credits: null,
      release_dates: {
        results: [
          {
            iso_3166_1: 'US',
            release_dates: [{ type: 3, release_date: '2020-01-01T00:00:00.000Z', certification: '' }],
          },
        ],
      },
    })!;
    expect(title.genreIds).toEqual([]);
    expect(title.voteAverage).toBe(0);
    expect(title.posters.map((p) => p.filePath)).toEqual(['/a.jpg']);
    expect(title.logos).toEqual([]);
    expect(title.cast).toEqual([]);
    expect(title.releaseDates).toEqual([
      { country: 'US', type: 3, date: '2020-01-01T00:00:00.000Z', certification: null },
    ]);
    expect(normaliseTitle('movie', { title: 'no id' })).toBeNull();
    expect(normaliseTitle('movie', 'garbage')).toBeNull();
  });
});

describe('TMDB images (quirks 1 and 3)', () => {
  it('keeps vote_average 0 images and reads null language as textless', () => {
    const images = imagesSchema.parse(fixture('tmdb/movie_550_images_fight_club.json'));
    expect(images.logos.length).toBe(45);
    expect(images.posters.some((p) => p.vote_average === 0)).toBe(true);
    expect(images.backdrops.filter((b) => b.iso_639_1 === null).length).toBe(38);
  });

  it('an empty logos list and a missing logos key both give no logos', () => {
    expect(imagesSchema.parse(fixture('tmdb/movie_10140_images_empty_logos.json')).logos).toEqual([]);
    const noKey = imagesSchema.parse(fixture('tmdb/movie_8681_images_taken_2017_no_logos_key.json'));
    expect(noKey.logos).toEqual([]);
    expect(noKey.posters.length).toBeGreaterThan(0);
  });
});

describe('TMDB release dates (quirk 6)', () => {
  it('reads several entries per country, with "" certifications as absent', () => {
    const parsed = releaseDatesSchema.parse(fixture('tmdb/movie_550_release_dates.json'));
    expect(parsed.results.length).toBe(50);
    const us = parsed.results.find((r) => r.iso_3166_1 === 'US')!;
    expect(us.release_dates.length).toBeGreaterThan(0);
    const all = parsed.results.flatMap((r) => r.release_dates);
    expect(all.filter((r) => r.certification === null).length).toBe(19);
    expect(new Set(all.map((r) => r.type))).toEqual(new Set([1, 3, 4, 5, 6]));
  });
});

describe('TMDB /find (quirk 5)', () => {
  it.each([
    ['find_imdb_movie_avatar.json', { mediaType: 'movie', tmdbId: '19995' }],
    ['find_imdb_tv_breaking_bad.json', { mediaType: 'tv', tmdbId: '1396' }],
    ['find_imdb_movie_tt10919380_freaky_no_media_type.json', { mediaType: 'movie' }],
    ['find_imdb_movie_tt31193180_sinners.json', { mediaType: 'movie' }],
    ['find_imdb_tt0936501_taken_2017.json', { mediaType: 'movie', tmdbId: '8681' }],
  ])('%s', (name, expected) => {
    expect(pickFindResult(fixture(`tmdb/${name}`))).toMatchObject(expected);
  });

  it('prefers the show over an episode that shares the TVDB id', () => {
    expect(
      pickFindResult(fixture('tmdb/find_tvdb_72023_deadwood_plus_episode_collision.json'), 'tv'),
    ).toEqual({
      mediaType: 'tv',
      tmdbId: '1406',
    });
  });

  it('gives null for empty or hostile answers', () => {
    expect(pickFindResult({ movie_results: [], tv_results: [] })).toBeNull();
    expect(pickFindResult('<html>')).toBeNull();
    expect(pickFindResult({ movie_results: [{ id: 'x' }] })).toBeNull();
  });
});
