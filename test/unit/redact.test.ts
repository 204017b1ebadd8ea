import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED, redactText } from '../../src/observability/redact.ts';

describe('redactText', () => {
  it.each([
    ['/poster?tmdb_id=1&tmdb_key=abc123&x=1', '/poster?tmdb_id=1&tmdb_key=[REDACTED]&x=1'],
    ['GET /search?q=x&MDBLIST_KEY=zz9', 'GET /search?q=x&MDBLIST_KEY=[REDACTED]'],
    ['https://api/3/movie/1?api_key=k3y#frag', 'https://api/3/movie/1?api_key=[REDACTED]#frag'],
    ['mdblist.com/api/?apikey=777&i=tt1', 'mdblist.com/api/?apikey=[REDACTED]&i=tt1'],
    ['"url":"/p?access_key=s3cr3t"', '"url":"/p?access_key=[REDACTED]"'],
    ['access_key%3Dsecret', 'access_key%3D[REDACTED]'],
    ['Authorization: Bearer eyJhbGciOi.x.y', 'Authorization: Bearer [REDACTED]'],
    ['"authorization":"Basic dXNlcjpwYXNz"', '"authorization":"Basic [REDACTED]"'],
    ['no secrets here tmdb_id=5', 'no secrets here tmdb_id=5'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('removes literal secret values anywhere, longest first', () => {
    const redact = createRedactor(['supersecretkey', 'supersecret']);
    const out = redact('failed: connect https://u:supersecretkey@db/x (supersecret)');
    expect(out).not.toContain('supersecret');
    expect(out.split(REDACTED)).toHaveLength(3);
  });

  it('ignores secrets too short to redact safely', () => {
    expect(createRedactor(['ab'])('a b ab abc')).toBe('a b ab abc');
  });
});
