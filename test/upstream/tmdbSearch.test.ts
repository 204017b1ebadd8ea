import { describe, expect, it } from 'vitest';
import { searchMultiSchema } from '../../src/upstream/tmdbSchemas.ts';
import { fixture } from '../helpers/fixtures.ts';

describe('searchMultiSchema', () => {
  it('keeps the movie and series rows of a recorded body, drops people, reads null and "" dates as absent', () => {
    const { results } = searchMultiSchema.parse(
      fixture('tmdb/search_multi_mixed_person_tv_movie_nulls.json'),
    );
    expect(results).toHaveLength(13);
    expect(results.every((row) => row.media_type === 'movie' || row.media_type === 'tv')).toBe(true);
    // A series from the older API: first_air_date null, poster_path null.
    expect(results[0]).toMatchObject({
      id: 24511,
      media_type: 'tv',
      first_air_date: null,
      poster_path: null,
    });
    expect(results.find((row) => row.id === 179821)).toMatchObject({ release_date: '2013-03-16' });

    const thrones = searchMultiSchema.parse(fixture('tmdb/search_multi_game_of_thrones.json')).results;
    expect(thrones.find((row) => row.media_type === 'tv')).toMatchObject({
      id: 1399,
      name: 'Game of Thrones',
    });
    for (const row of thrones) if (row.media_type === 'movie') expect(row.release_date).not.toBe('');
  });

  it('tolerates odd fields row by row and never throws on a hostile body', () => {
    const { results } = searchMultiSchema.parse({
      results: [
        { id: 1, media_type: 'movie', title: '  ', name: 5, release_date: '', poster_path: null },
        { id: 2, media_type: 'tv' },
        { id: 3.5, media_type: 'tv' },
        { id: -1, media_type: 'movie' },
        { id: Number.MAX_SAFE_INTEGER + 1, media_type: 'movie' },
        { id: 4, media_type: 'collection' },
        'row',
        null,
      ],
    });
    expect(results.map((row) => row.id)).toEqual([1, 2]);
    expect(results[0]).toMatchObject({ title: null, name: null, release_date: null, poster_path: null });
    for (const body of [null, [], 'x', {}, { results: 'x' }, { results: null }]) {
      expect(searchMultiSchema.parse(body)).toEqual({ results: [] });
    }
  });
});
