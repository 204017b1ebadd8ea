/**
 * Hostile-input properties: every reader of upstream JSON in src/title must return a well-formed
 * result for *any* JSON value, never throw. A failure here is a 500 waiting to happen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CURATED_LISTS } from '../../src/title/curated.ts';
import {
  QUALITY_TOKENS,
  qualityFromAioStreams,
  qualityFromStreams,
  tokensFromParsedFile,
} from '../../src/title/quality.ts';
import { aggregateRatings } from '../../src/title/ratings.ts';
import { movieReleaseStatus, releaseDatesFromTmdb, tvLifecycle } from '../../src/title/releaseStatus.ts';
import { chooseSash, sashCandidates } from '../../src/title/sash.ts';
import { DEFAULT_SASH_PRIORITY } from '../../src/title/sashPriority.ts';
import { normaliseMdbRating, parseMdbList } from '../../src/upstream/mdblistSchemas.ts';

const NOW = new Date('2026-09-14T00:00:00Z');
const json = fc.jsonValue({ maxDepth: 4 });
/** JSON shaped roughly like the real thing, so the generator reaches the interesting branches. */
const mdbLike = fc.record(
  {
    ids: json,
    imdbid: json,
    tmdbid: json,
    type: fc.constantFrom('movie', 'show', 'x', 5),
    released: fc.oneof(fc.constant('2024-01-01'), json),
    keywords: fc.array(fc.oneof(fc.record({ name: json }), json), { maxLength: 5 }),
    ratings: fc.array(
      fc.record(
        {
          source: fc.oneof(
            fc.constantFrom('imdb', 'letterboxd', 'tomatoesaudience', 'rogerebert', '__proto__'),
            json,
          ),
          value: json,
          score: json,
          votes: json,
          url: json,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 8 },
    ),
  },
  { requiredKeys: [] },
);

describe('never throws on any JSON', () => {
  it('parseMdbList / normaliseMdbRating / aggregateRatings', () => {
    fc.assert(
      fc.property(fc.oneof(json, mdbLike), (body) => {
        const parsed = parseMdbList(body);
        for (const rating of parsed.ratings) {
          expect(rating.score).toBeGreaterThanOrEqual(0);
          expect(rating.score).toBeLessThanOrEqual(100);
        }
        normaliseMdbRating(body);
        const result = aggregateRatings({
          mediaType: 'movie',
          mdblist: parsed.ratings,
          fallbackToImdb: true,
        });
        if (result.score !== null) expect(Number.isInteger(result.score)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('stream and AIOStreams readers', () => {
    const streamLike = fc.record(
      {
        name: json,
        title: json,
        description: json,
        behaviorHints: fc.oneof(fc.record({ filename: json, bingeGroup: json }), json),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(json, fc.record({ streams: fc.array(fc.oneof(streamLike, json), { maxLength: 6 }) })),
        (body) => {
          for (const token of qualityFromStreams(body)) expect(QUALITY_TOKENS).toContain(token);
          tokensFromParsedFile(body);
          expect(qualityFromAioStreams(body)).toHaveProperty('ok');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('release dates, movie status and TV lifecycle', () => {
    fc.assert(
      fc.property(json, json, json, json, (a, b, c, d) => {
        const set = releaseDatesFromTmdb({ results: [a, { iso_3166_1: 'US', release_dates: [b] }] });
        movieReleaseStatus({
          now: NOW,
          tmdbStatus: a as string,
          primaryReleaseDate: b as string,
          releaseDates: set,
        });
        tvLifecycle({
          now: NOW,
          status: a as string,
          firstAirDate: b as string,
          lastEpisode: c,
          nextEpisode: d,
          seasons: a,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sash candidates from garbage fields', () => {
    fc.assert(
      fc.property(json, json, json, json, (a, b, c, lang) => {
        const candidates = sashCandidates({
          mediaType: 'tv',
          tmdbId: a as number,
          keywords: b as string[],
          trendingRank: c as number,
          originalLanguage: a as string,
          numberOfSeasons: b as number,
          numberOfEpisodes: c as number,
          companies: a as string[],
          cast: c as string[],
          mdbListReleased: b as string,
          lists: DEFAULT_CURATED_LISTS,
          now: NOW,
        });
        chooseSash(candidates, DEFAULT_SASH_PRIORITY, { lang: lang as string });
        // Always-present candidates prove the label path runs with the garbage language too.
        const fixed = sashCandidates({
          mediaType: 'movie',
          tmdbId: 496243,
          originalLanguage: 'ko',
          lists: DEFAULT_CURATED_LISTS,
          now: NOW,
        });
        expect(chooseSash(fixed, ['foreign'], { lang: lang as string })?.label).toBeTypeOf('string');
      }),
      { numRuns: 300 },
    );
  });
});
