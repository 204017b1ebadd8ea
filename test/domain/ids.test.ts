import { describe, expect, it } from 'vitest';
import { IMDB_ID_SOURCE, imdbIdsIn, isImdbId } from '../../src/domain/ids.ts';

describe('isImdbId', () => {
  it.each([
    ['tt0111161', true],
    ['tt1', true],
    ['tt1234567890', true],
    ['tt12345678901', false],
    ['tt', false],
    ['TT0111161', false],
    [' tt0111161', false],
    ['tt0111161.jpg', false],
    ['tt0903747:1:1', false],
    ['0111161', false],
    [null, false],
    [111161, false],
  ])('%j → %s', (value, expected) => {
    expect(isImdbId(value)).toBe(expected);
  });
});

describe('imdbIdsIn', () => {
  it('finds every id standing as a word, in order, and gives the same answer on every call', () => {
    const text = 'tt0111161 leaked (https://imdb.com/title/tt0068646/) xtt123 tt0111161 tt12345678901';
    expect(imdbIdsIn(text)).toEqual(['tt0111161', 'tt0068646', 'tt0111161']);
    expect(imdbIdsIn(text)).toEqual(['tt0111161', 'tt0068646', 'tt0111161']);
    expect(imdbIdsIn('no id here')).toEqual([]);
  });

  it('embeds in larger patterns', () => {
    expect(new RegExp(`^(${IMDB_ID_SOURCE}):\\d+$`).exec('tt0903747:3')?.[1]).toBe('tt0903747');
  });
});
