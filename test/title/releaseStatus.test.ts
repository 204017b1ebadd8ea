import { describe, expect, it } from 'vitest';
import {
  datedRelease,
  type MovieStatusInput,
  movieReleaseStatus,
  type ReleaseDateSet,
  readEpisode,
  releaseDateLabel,
  releaseDatesFromTmdb,
  tvLifecycle,
  tvReleaseStatus,
} from '../../src/title/releaseStatus.ts';
import { fixture } from '../helpers/fixtures.ts';

const NOW = new Date('2026-09-14T15:30:00Z');
const DAY = 86_400_000;
/** ISO day `n` days from NOW. */
const iso = (n: number): string => new Date(NOW.getTime() + n * DAY).toISOString().slice(0, 10);
const dates = (partial: Partial<ReleaseDateSet>): ReleaseDateSet => ({
  premiere: [],
  theatrical: [],
  digital: [],
  physical: [],
  ...partial,
});

describe('releaseDatesFromTmdb', () => {
  it('reads the Fight Club fixture, preferring US dates per window', () => {
    const set = releaseDatesFromTmdb(fixture('tmdb/movie_550_release_dates.json'));
    expect(set.premiere).toEqual(['1999-09-21', '1999-10-06']);
    expect(set.theatrical).toEqual(['1999-10-15']);
    expect(set.physical).toEqual(['2000-04-25']);
    // US lists no digital release: every country's digital dates are used instead.
    expect(set.digital).toEqual([
      '1999-10-15',
      '2011-09-08',
      '2019-07-18',
      '2021-10-01',
      '2021-11-05',
      '2021-12-31',
    ]);
  });

  it.each([
    [['FR'], { theatrical: ['1999-11-10', '2019-05-15'], physical: ['2000-11-15', '2009-11-25'] }],
    [['DE'], { theatrical: ['1999-11-11'] }],
    [['XX', 'GB'], { theatrical: ['1999-11-12'] }],
    [['us'], { theatrical: ['1999-10-15'] }],
  ])('preferred %j', (countries, expected) => {
    expect(releaseDatesFromTmdb(fixture('tmdb/movie_550_release_dates.json'), countries)).toMatchObject(
      expected,
    );
  });

  it.each([
    ['null', null],
    ['results not an array', { results: 'x' }],
    ['garbage entries', { results: [null, 5, { iso_3166_1: 'US' }, { iso_3166_1: 3, release_dates: [] }] }],
    [
      'bad dates and types',
      {
        results: [
          {
            iso_3166_1: 'US',
            release_dates: [
              { type: 3, release_date: '' },
              { type: 9, release_date: '2020-01-01' },
              { type: 'x', release_date: '2020-01-01' },
              { type: 4, release_date: '2020-02-30' },
              null,
            ],
          },
        ],
      },
    ],
  ])('%s → empty', (_name, body) => {
    expect(releaseDatesFromTmdb(body)).toEqual(dates({}));
  });

  it('maps all six types', () => {
    const body = {
      results: [
        {
          iso_3166_1: 'US',
          release_dates: [1, 2, 3, 4, 5, 6].map((type) => ({
            type,
            release_date: `2020-01-0${type}T00:00:00.000Z`,
          })),
        },
      ],
    };
    expect(releaseDatesFromTmdb(body)).toEqual({
      premiere: ['2020-01-01'],
      theatrical: ['2020-01-02', '2020-01-03'],
      digital: ['2020-01-04', '2020-01-06'],
      physical: ['2020-01-05'],
    });
  });
});

describe('movieReleaseStatus', () => {
  const run = (input: Omit<MovieStatusInput, 'now'>) => movieReleaseStatus({ now: NOW, ...input });

  it.each([
    ['In Production, no dates needed', { tmdbStatus: 'In Production' }, 'production'],
    [
      'Post Production',
      { tmdbStatus: 'Post Production', releaseDates: dates({ theatrical: [iso(-5)] }) },
      'production',
    ],
    ['Planned', { tmdbStatus: 'Planned' }, 'production'],
    ['Rumored', { tmdbStatus: 'Rumored' }, 'production'],
    ['Canceled', { tmdbStatus: 'Canceled' }, 'cancelled'],
    [
      'past physical wins',
      {
        tmdbStatus: 'Released',
        releaseDates: dates({ theatrical: [iso(-300)], digital: [iso(-200)], physical: [iso(-100)] }),
      },
      'physical',
    ],
    [
      'past digital',
      {
        tmdbStatus: 'Released',
        releaseDates: dates({ theatrical: [iso(-90)], digital: [iso(-10)], physical: [iso(20)] }),
      },
      'streaming',
    ],
    ['TV premiere (type 6) counts as digital', { releaseDates: dates({ digital: [iso(-1)] }) }, 'streaming'],
    [
      'past theatrical',
      { tmdbStatus: 'Released', releaseDates: dates({ theatrical: [iso(-3)], digital: [iso(60)] }) },
      'cinema',
    ],
    [
      'theatrical today is cinema',
      { tmdbStatus: 'Released', releaseDates: dates({ theatrical: [iso(0)] }) },
      'cinema',
    ],
    ['cinema under 3 years stays cinema', { releaseDates: dates({ theatrical: [iso(-1000)] }) }, 'cinema'],
    [
      'cinema over 3 years ages to streaming',
      { releaseDates: dates({ theatrical: [iso(-1100)] }) },
      'streaming',
    ],
    [
      'Released with only future dates is still production',
      { tmdbStatus: 'Released', releaseDates: dates({ theatrical: [iso(2)] }) },
      'production',
    ],
    [
      'future digital only',
      { tmdbStatus: 'Released', releaseDates: dates({ digital: [iso(30)] }) },
      'production',
    ],
    [
      'a future festival premiere proves it is not out',
      { tmdbStatus: 'Released', releaseDates: dates({ premiere: [iso(10)] }) },
      'production',
    ],
    [
      'a past premiere alone is not a cinema release',
      { tmdbStatus: 'Released', releaseDates: dates({ premiere: [iso(-10)] }) },
      'streaming',
    ],
    ['Released with no dates at all', { tmdbStatus: 'Released', releaseDates: dates({}) }, 'streaming'],
    ['Released, release_dates not fetched', { tmdbStatus: 'Released' }, 'streaming'],
    ['unknown status, future primary date', { primaryReleaseDate: iso(40) }, 'production'],
    ['unknown status, nothing known', {}, null],
    ['unknown status, past primary date only', { primaryReleaseDate: iso(-40) }, null],
  ] as const)('%s → %s', (_name, input, status) => {
    expect(run(input).status).toBe(status);
  });

  it('Fight Club (real release dates) is physical', () => {
    const info = run({
      tmdbStatus: 'Released',
      releaseDates: releaseDatesFromTmdb(fixture('tmdb/movie_550_release_dates.json')),
    });
    expect(info).toMatchObject({
      status: 'physical',
      theatricalDate: '1999-10-15',
      physicalDate: '2000-04-25',
      premiereDate: '1999-09-21',
    });
  });

  it('a custom CINEMA_MAX_AGE_YEARS', () => {
    expect(run({ releaseDates: dates({ theatrical: [iso(-400)] }), cinemaMaxAgeYears: 1 }).status).toBe(
      'streaming',
    );
    expect(run({ releaseDates: dates({ theatrical: [iso(-300)] }), cinemaMaxAgeYears: 1 }).status).toBe(
      'cinema',
    );
  });

  it.each([
    ['cinema → streaming', { releaseDates: dates({ theatrical: [iso(-3)] }) }, 'streaming', true],
    ['production → streaming', { tmdbStatus: 'Post Production' }, 'streaming', true],
    ['physical untouched', { releaseDates: dates({ physical: [iso(-3)] }) }, 'physical', true],
    ['cancelled untouched', { tmdbStatus: 'Canceled' }, 'cancelled', true],
  ] as const)('digital-release override: %s', (_name, input, status, flag) => {
    const info = run({ ...input, imdbId: 'tt1234567', digitalReleaseIds: new Set(['tt1234567']) });
    expect(info.status).toBe(status);
    expect(info.isDigitalRelease).toBe(flag);
  });

  it('the override needs the exact IMDb id', () => {
    const info = run({
      releaseDates: dates({ theatrical: [iso(-3)] }),
      imdbId: 'tt7654321',
      digitalReleaseIds: new Set(['tt1234567']),
    });
    expect(info).toMatchObject({ status: 'cinema', isDigitalRelease: false });
    expect(
      run({
        releaseDates: dates({ theatrical: [iso(-3)] }),
        imdbId: null,
        digitalReleaseIds: new Set(['tt1']),
      }).status,
    ).toBe('cinema');
  });

  it.each([
    [
      'cinema: next home release (digital first)',
      { releaseDates: dates({ theatrical: [iso(-10)], digital: [iso(45)], physical: [iso(60)] }) },
      { date: iso(45), window: 'streaming' },
    ],
    [
      'cinema: next home release (physical first)',
      { releaseDates: dates({ theatrical: [iso(-10)], digital: [iso(45)], physical: [iso(40)] }) },
      { date: iso(40), window: 'physical' },
    ],
    [
      'cinema: nothing published → no date',
      { releaseDates: dates({ theatrical: [iso(-10)] }), primaryReleaseDate: iso(20) },
      null,
    ],
    [
      'production: soonest of any window',
      { tmdbStatus: 'Released', releaseDates: dates({ theatrical: [iso(60)], digital: [iso(30)] }) },
      { date: iso(30), window: 'streaming' },
    ],
    [
      'production: theatrical first',
      { tmdbStatus: 'Released', releaseDates: dates({ theatrical: [iso(20)], digital: [iso(30)] }) },
      { date: iso(20), window: 'cinema' },
    ],
    [
      'production: primary release date as cinema',
      { tmdbStatus: 'Planned', primaryReleaseDate: iso(200) },
      { date: iso(200), window: 'cinema' },
    ],
    [
      'production: a past primary date is no date',
      { tmdbStatus: 'Planned', primaryReleaseDate: iso(-5) },
      null,
    ],
    ['streaming never looks', { releaseDates: dates({ digital: [iso(-2)], physical: [iso(9)] }) }, null],
    ['physical never looks', { releaseDates: dates({ physical: [iso(-2)], digital: [iso(9)] }) }, null],
  ] as const)('upcoming, %s', (_name, input, upcoming) => {
    expect(run(input).upcoming).toEqual(upcoming);
  });

  it.each([
    ['latest past digital date within 14 days', [iso(-100), iso(-3)], iso(-3), true],
    ['exactly 14 days ago', [iso(-14)], iso(-14), true],
    ['15 days ago', [iso(-15)], iso(-15), false],
    ['future digital dates are not added yet', [iso(-40), iso(5)], iso(-40), false],
    ['none', [], null, false],
  ] as const)('just added: %s', (_name, digital, latest, justAdded) => {
    const info = run({ releaseDates: dates({ digital: [...digital] }) });
    expect(info.latestDigitalDate).toBe(latest);
    expect(info.isJustAdded).toBe(justAdded);
  });
});

describe('tvReleaseStatus', () => {
  it.each([
    ['Returning Series', 'airing'],
    ['In Production', 'production'],
    ['Planned', 'production'],
    ['Pilot', 'production'],
    ['Ended', 'ended'],
    ['Canceled', 'cancelled'],
    ['Cancelled', 'cancelled'],
    [' ended ', 'ended'],
    ['Rumored', null],
    ['', null],
    [null, null],
  ] as const)('%j → %s', (status, expected) => {
    expect(tvReleaseStatus(status)).toBe(expected);
  });
});

describe('tvLifecycle', () => {
  const ep = (season: number, episode: number, days: number, extra: object = {}) => ({
    season_number: season,
    episode_number: episode,
    air_date: iso(days),
    ...extra,
  });

  it.each([
    [
      'S2E1 due in 5 days → new season',
      { nextEpisode: ep(2, 1, 5) },
      { isNewSeason: true, isReturning: false },
    ],
    [
      'S3E4 due in 3 days → returning',
      { nextEpisode: ep(3, 4, 3) },
      { isNewSeason: false, isReturning: true },
    ],
    [
      'S2E1 aired 4 days ago, nothing next → new season',
      { lastEpisode: ep(2, 1, -4) },
      { isNewSeason: true },
    ],
    [
      'S3E2 next, but S3 premiered 6 days ago → still new season',
      {
        lastEpisode: ep(3, 1, -6),
        nextEpisode: ep(3, 2, 1),
        seasons: [{ season_number: 3, air_date: iso(-6), episode_count: 8 }],
      },
      { isNewSeason: true, isReturning: false },
    ],
    [
      'S3E5 next, S3 premiered a month ago → returning',
      { nextEpisode: ep(3, 5, 2), seasons: [{ season_number: 3, air_date: iso(-30), episode_count: 8 }] },
      { isNewSeason: false, isReturning: true },
    ],
    [
      'S1E2 next → neither (season 1)',
      { nextEpisode: ep(1, 2, 2) },
      { isNewSeason: false, isReturning: false },
    ],
    [
      'S2E1 due in 20 days → neither (outside the window)',
      { nextEpisode: ep(2, 1, 20) },
      { isNewSeason: false, isReturning: false },
    ],
    [
      'last episode 20 days ago → neither',
      { lastEpisode: ep(4, 6, -20) },
      { isNewSeason: false, isReturning: false },
    ],
    [
      'next in window wins over a recent last episode',
      { lastEpisode: ep(2, 10, -3), nextEpisode: ep(3, 1, 4) },
      { isNewSeason: true, activeEpisode: { season: 3, episode: 1 } },
    ],
  ] as const)('%s', (_name, input, expected) => {
    expect(tvLifecycle({ now: NOW, ...input })).toMatchObject(expected);
  });

  it.each([
    ['first aired 2 days ago', iso(-2), true],
    ['first aired today', iso(0), true],
    ['first aired 14 days ago', iso(-14), true],
    ['first aired 15 days ago', iso(-15), false],
    ['first airs tomorrow', iso(1), false],
    ['no date', '', false],
  ])('premiere: %s', (_name, firstAirDate, expected) => {
    expect(tvLifecycle({ now: NOW, firstAirDate }).isPremiere).toBe(expected);
  });

  it.each([
    [
      'ended show, final episode of its season aired yesterday',
      { status: 'Ended', lastEpisode: ep(4, 10, -1), seasons: [{ season_number: 4, episode_count: 10 }] },
      true,
    ],
    [
      'episode_type finale counts as the season last',
      { status: 'Canceled', lastEpisode: ep(2, 6, -3, { episode_type: 'finale' }) },
      true,
    ],
    [
      'not the last episode of the season',
      { status: 'Ended', lastEpisode: ep(4, 9, -1), seasons: [{ season_number: 4, episode_count: 10 }] },
      false,
    ],
    [
      'aired 15 days ago',
      { status: 'Ended', lastEpisode: ep(4, 10, -15), seasons: [{ season_number: 4, episode_count: 10 }] },
      false,
    ],
    [
      'returning series stays conservative',
      {
        status: 'Returning Series',
        lastEpisode: ep(4, 10, -1, { episode_type: 'finale' }),
        seasons: [{ season_number: 4, episode_count: 10 }],
      },
      false,
    ],
    ['season length unknown, no finale marker', { status: 'Ended', lastEpisode: ep(4, 10, -1) }, false],
  ] as const)('season finale: %s', (_name, input, expected) => {
    expect(tvLifecycle({ now: NOW, ...input }).isSeasonFinale).toBe(expected);
  });

  it('Game of Thrones (ended 2019) has no fresh lifecycle flag', () => {
    const got = fixture('tmdb/tv_1399_details_game_of_thrones.json') as Record<string, unknown>;
    const life = tvLifecycle({
      now: NOW,
      status: got.status as string,
      firstAirDate: got.first_air_date as string,
      lastEpisode: got.last_episode_to_air,
      nextEpisode: got.next_episode_to_air,
      seasons: got.seasons,
    });
    expect(life).toEqual({
      status: 'ended',
      isPremiere: false,
      isNewSeason: false,
      isReturning: false,
      isSeasonFinale: false,
      activeEpisode: null,
    });
    // …but as of a week after its finale it was exactly that.
    const then = tvLifecycle({
      now: new Date('2019-05-26T12:00:00Z'),
      status: got.status as string,
      lastEpisode: got.last_episode_to_air,
      seasons: got.seasons,
    });
    expect(then).toMatchObject({ isSeasonFinale: true, isReturning: true, isNewSeason: false });
  });

  it.each([
    [null],
    ['x'],
    [{ season_number: 'two', episode_number: 1, air_date: '2026-01-01' }],
    [{ season_number: 2, episode_number: 1, air_date: '' }],
    [{ season_number: 2, episode_number: 1 }],
  ])('readEpisode(%j) → null', (value) => {
    expect(readEpisode(value)).toBeNull();
  });

  it('hostile inputs never throw', () => {
    expect(() =>
      tvLifecycle({
        now: NOW,
        status: 5 as unknown as string,
        lastEpisode: [],
        nextEpisode: 'x',
        seasons: { a: 1 },
      }),
    ).not.toThrow();
  });
});

describe('dated release labels', () => {
  it.each([
    ['2026-10-16', 'cinema', 'en', 'Oct 16 Cinema'],
    ['2026-12-15', 'streaming', 'en', 'Dec 15 Streaming'],
    ['2026-11-04', 'physical', 'en', 'Nov 4 Physical'],
    ['2027-08-01', 'cinema', 'en', 'Aug 1 Cinema'],
    ['2027-12-15', 'cinema', 'en', 'Dec 2027 Cinema'],
    [iso(365), 'cinema', 'en', 'Sep 2027 Cinema'],
    [iso(364), 'cinema', 'en', 'Sep 13 Cinema'],
    ['2026-10-16', 'cinema', 'fr-FR', 'Au cinéma 16 Oct'],
    ['2027-08-01', 'streaming', 'fr', 'Streaming 1 Août'],
    ['2027-12-15', 'cinema', 'es', 'En cines Dic 2027'],
    ['2027-01-09', 'cinema', 'it', 'Al cinema 9 Gen'],
    ['2026-10-23', 'physical', 'pt-BR', 'Mídia física 23 Out'],
    ['2026-10-23', 'physical', 'pt', 'Formato físico 23 Out'],
    ['2027-03-04', 'cinema', 'de', 'Im Kino 4. März'],
    ['2026-10-16', 'cinema', 'xx', 'Oct 16 Cinema'],
  ] as const)('%s %s (%s) → %s', (date, window, lang, label) => {
    expect(releaseDateLabel(date, window, NOW, lang)).toBe(label);
  });

  it.each([
    ['today', '2026-09-14', 'cinema'],
    ['yesterday', '2026-09-13', 'cinema'],
    ['no date', null, 'cinema'],
    ['garbage', 'soon', 'cinema'],
    ['no window', '2026-10-16', null],
  ] as const)('%s → null', (_name, date, window) => {
    expect(releaseDateLabel(date, window, NOW)).toBeNull();
  });

  it('datedRelease exposes the parts', () => {
    expect(datedRelease({ date: '2027-12-15', window: 'cinema' }, NOW)).toEqual({
      date: '2027-12-15',
      window: 'cinema',
      form: 'month',
      year: 2027,
      month: 12,
      day: 15,
    });
  });
});
