/**
 * The `debug=1` contract (reference features-upstream.md §2): every field the reference's diagnostics
 * carry, with the reference's types — a log pipeline or support script written for the Python service
 * reads these names. Extra fields are allowed; missing or re-typed ones are a broken contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';
/** Field → its type; a trailing `?` allows null. */
const CONTRACT: Record<string, `${Kind}` | `${Kind}?`> = {
  imdb_id: 'string?',
  effective_imdb_id: 'string?',
  canonical_id: 'string',
  rating_provider: 'string',
  rating_media_id: 'string',
  imdb_rating_source: 'string',
  tmdb_rating_source: 'string',
  quality_id: 'string?',
  tmdb_id: 'string',
  type: 'string',
  score: 'number?',
  is_anime: 'boolean',
  rating_weights: 'object',
  genre: 'string?',
  release_year: 'number?',
  release_date: 'string?',
  quality_tokens: 'array',
  age_rating: 'number?',
  award_wins: 'number',
  award_noms: 'number',
  festival_keyword: 'string?',
  festival_label: 'string?',
  sash: 'object?',
  is_cult: 'boolean',
  is_true_story: 'boolean',
  is_metacritic: 'boolean',
  is_new_release: 'boolean',
  is_digital_release: 'boolean',
  recent_digital_release_date: 'string?',
  is_premiere: 'boolean',
  is_just_added: 'boolean',
  is_new_season: 'boolean',
  is_returning: 'boolean',
  is_season_finale: 'boolean',
  trending_rank: 'number?',
  original_language: 'string?',
  matched_studios: 'array',
  matched_directors: 'array',
  matched_cast: 'array',
  release_status: 'string?',
  upcoming_release_date: 'string?',
  upcoming_release_window: 'string?',
  sash_priority: 'array',
  badge_display_mode: 'number',
  rating_display_mode: 'number',
};

const kindOf = (value: unknown): Kind | 'null' =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Kind);

function expectContract(body: Record<string, unknown>): void {
  for (const [field, spec] of Object.entries(CONTRACT)) {
    expect(body, field).toHaveProperty(field);
    const kind = kindOf(body[field]);
    const allowed = spec.endsWith('?') ? [spec.slice(0, -1), 'null'] : [spec];
    expect(allowed, `${field} is ${kind}`).toContain(kind);
  }
}

describe('debug=1 carries the reference debug contract', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp();
  });
  afterAll(() => app.close());

  const debug = async (query: string) => {
    const response = await app.get(`/poster?${query}&debug=1`);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  it('Inception: every field with its type; the director match, awards and modes', async () => {
    const body = await debug('imdb_id=tt1375666&type=movie&badge_display_mode=2&rating_display_mode=3');
    expectContract(body);
    expect(body.matched_directors).toEqual(['Christopher Nolan']);
    expect(body).toMatchObject({
      canonical_id: 'tt1375666',
      quality_id: 'tt1375666',
      badge_display_mode: 2,
      rating_display_mode: 3,
      imdb_rating_source: 'mdblist',
      original_language: 'en',
      release_date: '2010-07-15',
    });
    expect((body.sash_priority as string[])[0]).toBe('wins');
    expect(body.sash).toMatchObject({ label: expect.any(String), type: expect.any(String) });
  });

  it('age_rating is MDBList’s number, never a label like "16+"', async () => {
    const body = await debug('imdb_id=tt0111161&type=movie');
    expect(typeof body.age_rating).toBe('number');
    expect(body.age_label).toBe(`${body.age_rating}+`);
  });

  it('The Godfather: an Oscar win counted; a series: lifecycle flags are booleans', async () => {
    const film = await debug('imdb_id=tt0068646&type=movie');
    expect(film.award_wins).toBeGreaterThanOrEqual(1);
    const show = await debug('tmdb_id=1399&type=tv');
    expectContract(show);
    expect(show.type).toBe('tv');
  });

  it('quality= tokens replace the lookup and show in the diagnostics', async () => {
    const body = await debug('imdb_id=tt0111161&type=movie&quality=1080p,web-dl,bogus');
    expect(body.quality_tokens).toEqual(['1080P', 'WEBDL']);
    expect(body.quality_tier).toBe('bronze');
  });
});
