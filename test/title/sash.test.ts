import { describe, expect, it } from 'vitest';
import { DEFAULT_CURATED_LISTS } from '../../src/title/curated.ts';
import { movieReleaseStatus, releaseDatesFromTmdb, tvLifecycle } from '../../src/title/releaseStatus.ts';
import { chooseSash, type SashCandidate, type SashInput, sashCandidates } from '../../src/title/sash.ts';
import { DEFAULT_SASH_PRIORITY, parsePriority } from '../../src/title/sashPriority.ts';
import type { SashSlot } from '../../src/title/sashSlots.ts';
import { fixture } from '../helpers/fixtures.ts';

const NOW = new Date('2026-09-14T12:00:00Z');
const DAY = 86_400_000;
const iso = (n: number): string => new Date(NOW.getTime() + n * DAY).toISOString().slice(0, 10);

const movie = (extra: Partial<SashInput> = {}): SashInput => ({
  mediaType: 'movie',
  tmdbId: 1,
  lists: DEFAULT_CURATED_LISTS,
  now: NOW,
  ...extra,
});
const show = (extra: Partial<SashInput> = {}): SashInput => movie({ mediaType: 'tv', ...extra });
const tvFlags = { isPremiere: false, isNewSeason: false, isReturning: false, isSeasonFinale: false };

/** The label the single slot yields (English), or null if the title does not qualify. */
const only = (input: SashInput, slot: SashSlot, lang = 'en') =>
  chooseSash(sashCandidates(input), [slot], { lang });

describe('each slot, on its own', () => {
  it.each([
    ['wins: Oscar by keyword', movie({ keywords: ['best-picture-winner'] }), 'wins', 'Oscar Winner', 'win'],
    ['wins: Emmy by TV id (Succession)', show({ tmdbId: 76331 }), 'wins', 'Emmy Winner', 'win'],
    ['gg_wins: film (Oppenheimer)', movie({ tmdbId: 872585 }), 'gg_wins', 'Globe Winner', 'win'],
    ['gg_wins: TV (Shōgun)', show({ tmdbId: '126308' }), 'gg_wins', 'Globe Winner', 'win'],
    [
      'festival tier 1: Palme by id (Parasite), no MDBList',
      movie({ tmdbId: 496243 }),
      'festival',
      "Palme d'Or",
      'win',
    ],
    ['festival tier 1: Golden Lion (Joker)', movie({ tmdbId: 475557 }), 'festival', 'Golden Lion', 'win'],
    [
      'festival tier 1: Golden Bear (A Separation)',
      movie({ tmdbId: 60243 }),
      'festival',
      'Golden Bear',
      'win',
    ],
    [
      'festival tier 1: Golden Leopard (Stranger Than Paradise)',
      movie({ tmdbId: 469 }),
      'festival',
      'Golden Leopard',
      'win',
    ],
    ['festival tier 1: Sundance GJ (Whiplash)', movie({ tmdbId: 244786 }), 'festival', 'Sundance GJ', 'win'],
    [
      'festival tier 2: keyword only',
      movie({ keywords: ['festival-cannes-winner'] }),
      'festival',
      'Cannes Winner',
      'win',
    ],
    [
      'festival tier 2: Berlin',
      movie({ keywords: ['festival-berlin-winner'] }),
      'festival',
      'Berlin Winner',
      'win',
    ],
    [
      'festival tier 2: prestige order decides between keywords',
      movie({ keywords: ['festival-sundance-winner', 'festival-venice-winner'] }),
      'festival',
      'Venice Winner',
      'win',
    ],
    [
      'festival: top prize beats a keyword from another festival',
      movie({ tmdbId: 496243, keywords: ['festival-sundance-winner'] }),
      'festival',
      "Palme d'Or",
      'win',
    ],
    [
      'pic_noms: Oscar nominee keyword',
      movie({ keywords: ['best-picture-nominated'] }),
      'pic_noms',
      'Oscar Nominee',
      'nom',
    ],
    [
      'pic_noms: Emmy nominee by TV id (Severance)',
      show({ tmdbId: 95396 }),
      'pic_noms',
      'Emmy Nominee',
      'nom',
    ],
    ['metacritic', movie({ keywords: ['metacritic-must-see'] }), 'metacritic', 'Must-See', 'nom'],
    ['gg_noms: film (Inception)', movie({ tmdbId: 27205 }), 'gg_noms', 'Globe Nominee', 'nom'],
    ['gg_noms: TV (Lupin)', show({ tmdbId: 96677 }), 'gg_noms', 'Globe Nominee', 'nom'],
    ['trending: rank 1', movie({ trendingRank: 1 }), 'trending', '#1 Today', 'trending'],
    ['trending: rank 40', movie({ trendingRank: 40 }), 'trending', '#40 Today', 'trending'],
    ['trending_broad: rank 41', movie({ trendingRank: 41 }), 'trending_broad', '#41 Today', 'trending'],
    ['trending_broad: rank 100', movie({ trendingRank: 100 }), 'trending_broad', '#100 Today', 'trending'],
    ['premiere', show({ tv: { ...tvFlags, isPremiere: true } }), 'premiere', 'Premiere', 'alert'],
    [
      'new_release: TV premiere',
      show({ tv: { ...tvFlags, isPremiere: true } }),
      'new_release',
      'New',
      'alert',
    ],
    [
      'new_release: just added',
      movie({ movie: { isJustAdded: true, isDigitalRelease: false } }),
      'new_release',
      'New',
      'alert',
    ],
    [
      'new_release: r/movieleaks hit',
      movie({ movie: { isJustAdded: false, isDigitalRelease: true } }),
      'new_release',
      'New',
      'alert',
    ],
    [
      'new_release: MDBList release 3 days ago',
      movie({ mdbListReleased: iso(-3) }),
      'new_release',
      'New',
      'alert',
    ],
    [
      'just_added',
      movie({ movie: { isJustAdded: true, isDigitalRelease: false } }),
      'just_added',
      'Just Added',
      'alert',
    ],
    ['new_season', show({ tv: { ...tvFlags, isNewSeason: true } }), 'new_season', 'New Season', 'alert'],
    [
      'season_finale',
      show({ tv: { ...tvFlags, isSeasonFinale: true } }),
      'season_finale',
      'Season Finale',
      'alert',
    ],
    ['returning', show({ tv: { ...tvFlags, isReturning: true } }), 'returning', 'Returning', 'alert'],
    ['studio: A24', movie({ companies: ['Some Co', 'A24'] }), 'studio', 'A24 Films', 'prestige'],
    [
      'studio: case-insensitive',
      movie({ companies: ['studio ghibli'] }),
      'studio',
      'Studio Ghibli',
      'prestige',
    ],
    ['studio: TV network', show({ networks: ['HBO'] }), 'studio', 'HBO Original', 'prestige'],
    [
      'studio: first of the title order',
      movie({ companies: ['Pixar', 'A24'] }),
      'studio',
      'Pixar Studio',
      'prestige',
    ],
    ['director', movie({ directors: ['Christopher Nolan'] }), 'director', 'C. Nolan', 'prestige'],
    [
      'director: hyphen/accent-insensitive',
      movie({ directors: ['Bong Joon-ho'] }),
      'director',
      'Bong Joon Ho',
      'prestige',
    ],
    [
      'director: accents folded',
      movie({ directors: ['Alfonso Cuaron'] }),
      'director',
      'A. Cuarón',
      'prestige',
    ],
    ['cast: top-billed', movie({ cast: ['Nobody', 'Meryl Streep'] }), 'cast', 'Meryl Streep', 'cast'],
    ['cult: cult-classic', movie({ keywords: ['cult-classic'] }), 'cult', 'Cult Classic', 'trending'],
    ['cult: cult-film', movie({ keywords: ['Cult-Film'] }), 'cult', 'Cult Classic', 'trending'],
    ['foreign: Korean', movie({ originalLanguage: 'ko' }), 'foreign', 'Korean', 'info'],
    ['foreign: an unlisted language', movie({ originalLanguage: 'qu' }), 'foreign', 'Foreign', 'info'],
    ['true_story', movie({ keywords: ['based-on-true-story'] }), 'true_story', 'True Story', 'info'],
    ['short_film: 12 min', movie({ runtimeMinutes: 12 }), 'short_film', 'Short Film', 'info'],
    ['short_film: 39 min', movie({ runtimeMinutes: 39 }), 'short_film', 'Short Film', 'info'],
    [
      'mini_series: 1 season, 6 episodes',
      show({ numberOfSeasons: 1, numberOfEpisodes: 6 }),
      'mini_series',
      'Mini Series',
      'info',
    ],
    [
      'binge_ready: 3 seasons × 10',
      show({ numberOfSeasons: 3, numberOfEpisodes: 30 }),
      'binge_ready',
      'Binge Ready',
      'info',
    ],
    [
      'binge_ready: 5 seasons × 20',
      show({ numberOfSeasons: 5, numberOfEpisodes: 100 }),
      'binge_ready',
      'Binge Ready',
      'info',
    ],
    ['airing', show({ releaseStatus: 'airing' }), 'airing', 'Airing', 'alert'],
    ['ended', show({ releaseStatus: 'ended' }), 'ended', 'Ended', 'alert'],
    ['cancelled', show({ releaseStatus: 'cancelled' }), 'cancelled', 'Cancelled', 'alert'],
    ['production (undated)', movie({ releaseStatus: 'production' }), 'production', 'Production', 'alert'],
    ['cinema (undated)', movie({ releaseStatus: 'cinema' }), 'cinema', 'Cinema', 'alert'],
    ['streaming', movie({ releaseStatus: 'streaming' }), 'streaming', 'Streaming', 'alert'],
    ['physical', movie({ releaseStatus: 'physical' }), 'physical', 'Physical', 'alert'],
    [
      'cinema dated with its home release',
      movie({ releaseStatus: 'cinema', upcomingRelease: { date: '2026-10-16', window: 'streaming' } }),
      'cinema',
      'Oct 16 Streaming',
      'alert',
    ],
    [
      'production dated a year out',
      movie({ releaseStatus: 'production', upcomingRelease: { date: '2027-12-15', window: 'cinema' } }),
      'production',
      'Dec 2027 Cinema',
      'alert',
    ],
    [
      'a date on a released title is never shown',
      movie({ releaseStatus: 'streaming', upcomingRelease: { date: '2026-10-16', window: 'physical' } }),
      'streaming',
      'Streaming',
      'alert',
    ],
    [
      'a lapsed date falls back to the bare status',
      movie({ releaseStatus: 'production', upcomingRelease: { date: iso(-1), window: 'cinema' } }),
      'production',
      'Production',
      'alert',
    ],
    [
      'noms (legacy): one nomination',
      movie({ keywords: ['best-picture-nominated'] }),
      'noms',
      'Oscar Nominee',
      'nom',
    ],
    [
      'noms (legacy): all nominations joined',
      movie({ tmdbId: 27205, keywords: ['best-picture-nominated'] }),
      'noms',
      'Oscar Nominee • Globe Nominee',
      'nom',
    ],
  ] as const)('%s', (_name, input, slot, label, type) => {
    expect(only(input, slot)).toEqual({ label, type, slot });
  });

  it.each([
    ['wins: a TV id is not an Oscar keyword', show({ keywords: ['best-picture-winner'] }), 'wins'],
    ['wins: a movie id in the Emmy set (namespaces are separate)', movie({ tmdbId: 76331 }), 'wins'],
    ['gg_wins: movie id 126308 is not Shōgun', movie({ tmdbId: 126308 }), 'gg_wins'],
    ['gg_wins: TV id 872585 is not Oppenheimer', show({ tmdbId: 872585 }), 'gg_wins'],
    ['festival: TV id 496243 is not Parasite', show({ tmdbId: 496243 }), 'festival'],
    [
      'festival: other festivals are not sashes',
      movie({ keywords: ['festival-toronto-winner'] }),
      'festival',
    ],
    ['trending: rank 41 is not top', movie({ trendingRank: 41 }), 'trending'],
    ['trending_broad: rank 40 is not broad', movie({ trendingRank: 40 }), 'trending_broad'],
    ['trending_broad: rank 101', movie({ trendingRank: 101 }), 'trending_broad'],
    ['trending: rank 0', movie({ trendingRank: 0 }), 'trending'],
    ['premiere: movies never', movie({ tv: { ...tvFlags, isPremiere: true } }), 'premiere'],
    [
      'just_added: series never',
      show({ movie: { isJustAdded: true, isDigitalRelease: false } }),
      'just_added',
    ],
    ['new_release: MDBList release 15 days ago', movie({ mdbListReleased: iso(-15) }), 'new_release'],
    ['new_release: MDBList release in the future', movie({ mdbListReleased: iso(3) }), 'new_release'],
    ['studio: unknown company', movie({ companies: ['Fox 2000 Pictures'] }), 'studio'],
    [
      'cast: 11th billed does not count',
      movie({ cast: [...Array.from({ length: 10 }, (_, i) => `Actor ${i}`), 'Meryl Streep'] }),
      'cast',
    ],
    ['foreign: English', movie({ originalLanguage: 'en' }), 'foreign'],
    ['foreign: no language (xx)', movie({ originalLanguage: 'xx' }), 'foreign'],
    ['foreign: unknown', movie({ originalLanguage: null }), 'foreign'],
    ['short_film: 40 min', movie({ runtimeMinutes: 40 }), 'short_film'],
    ['short_film: runtime 0 (unknown)', movie({ runtimeMinutes: 0 }), 'short_film'],
    ['short_film: series never', show({ runtimeMinutes: 20 }), 'short_film'],
    ['mini_series: 9 episodes', show({ numberOfSeasons: 1, numberOfEpisodes: 9 }), 'mini_series'],
    ['mini_series: 2 seasons', show({ numberOfSeasons: 2, numberOfEpisodes: 8 }), 'mini_series'],
    ['binge_ready: 2 seasons', show({ numberOfSeasons: 2, numberOfEpisodes: 20 }), 'binge_ready'],
    ['binge_ready: 22 per season', show({ numberOfSeasons: 3, numberOfEpisodes: 66 }), 'binge_ready'],
    ['binge_ready: 5 per season', show({ numberOfSeasons: 4, numberOfEpisodes: 20 }), 'binge_ready'],
    ['cinema slot needs cinema status', movie({ releaseStatus: 'production' }), 'cinema'],
  ] as const)('%s → no sash', (_name, input, slot) => {
    expect(only(input, slot)).toBeNull();
  });
});

describe('chooseSash', () => {
  const rich = movie({
    tmdbId: 496243,
    keywords: ['best-picture-winner', 'cult-classic'],
    trendingRank: 3,
    originalLanguage: 'ko',
    releaseStatus: 'streaming',
  });
  const candidates = sashCandidates(rich);

  it.each([
    ['default priority: Oscar first', DEFAULT_SASH_PRIORITY, {}, 'Oscar Winner', 'wins'],
    ['diff form promotes the festival', parsePriority('default,festival@0'), {}, "Palme d'Or", 'festival'],
    [
      'removing wins falls through to the festival',
      parsePriority('default,-wins'),
      {},
      "Palme d'Or",
      'festival',
    ],
    ['an explicit list is authoritative', parsePriority('trending,wins'), {}, '#3 Today', 'trending'],
    ['translated', DEFAULT_SASH_PRIORITY, { lang: 'fr' }, 'Oscarisé', 'wins'],
    ['translated trending', ['trending'], { lang: 'de' }, '#3 Heute', 'trending'],
    ['translated language name', ['foreign'], { lang: 'es' }, 'Coreano', 'foreign'],
    ['winner star on win types', DEFAULT_SASH_PRIORITY, { winnerStar: true }, '★ Oscar Winner', 'wins'],
    ['no star on other types', ['cult'], { winnerStar: true }, 'Cult Classic', 'cult'],
    ['anime demotes foreign to last', ['foreign', 'cult'], { anime: true }, 'Cult Classic', 'cult'],
    ['anime keeps foreign if nothing else', ['foreign', 'returning'], { anime: true }, 'Korean', 'foreign'],
    [
      'promoted release-status slot goes first',
      DEFAULT_SASH_PRIORITY,
      { promoteSlot: 'streaming' },
      'Streaming',
      'streaming',
    ],
    [
      'a promotion respects an exclusion',
      parsePriority('default,-streaming'),
      { promoteSlot: 'streaming' },
      'Oscar Winner',
      'wins',
    ],
  ] as const)('%s', (_name, priority, options, label, slot) => {
    expect(chooseSash(candidates, priority, options)).toMatchObject({ label, slot });
  });

  it.each([
    ['an empty priority shows nothing', []],
    ['all-exclusions shows nothing', parsePriority('-wins,-festival')],
    ['slots the title does not fill', ['returning', 'premiere'] as SashSlot[]],
  ])('%s', (_name, priority) => {
    expect(chooseSash(candidates, priority)).toBeNull();
  });

  it.each([
    ['airing dropped', 'airing', null],
    ['ended dropped', 'ended', null],
    ['cancelled dropped', 'cancelled', null],
    ['streaming dropped', 'streaming', null],
    ['physical dropped', 'physical', null],
    ['cinema kept', 'cinema', 'Cinema'],
    ['production kept', 'production', 'Production'],
  ] as const)('release_status_cinema_only: %s', (_name, status, label) => {
    const sash = chooseSash(sashCandidates(movie({ releaseStatus: status })), DEFAULT_SASH_PRIORITY, {
      releaseStatusCinemaOnly: true,
    });
    expect(sash?.label ?? null).toBe(label);
  });

  it('release_status_dates=false prints the bare status', () => {
    const dated = sashCandidates(
      movie({ releaseStatus: 'cinema', upcomingRelease: { date: '2026-10-16', window: 'physical' } }),
    );
    expect(chooseSash(dated, ['cinema'])?.label).toBe('Oct 16 Physical');
    expect(chooseSash(dated, ['cinema'], { lang: 'it' })?.label).toBe('Home video 16 Ott');
    expect(chooseSash(dated, ['cinema'], { releaseStatusDates: false })?.label).toBe('Cinema');
    expect(chooseSash(dated, ['cinema'], { releaseStatusDates: false, lang: 'pt-BR' })?.label).toBe(
      'Nos cinemas',
    );
  });

  it('the first candidate for a slot wins and curated text is never translated', () => {
    const list: SashCandidate[] = [
      { slot: 'studio', type: 'prestige', label: { kind: 'text', text: 'A24 Films' } },
      { slot: 'studio', type: 'prestige', label: { kind: 'text', text: 'Other' } },
    ];
    expect(chooseSash(list, ['studio'], { lang: 'de' })).toEqual({
      label: 'A24 Films',
      type: 'prestige',
      slot: 'studio',
    });
  });
});

describe('from real TMDB data', () => {
  const details = (file: string) => fixture(`tmdb/${file}`) as Record<string, unknown>;
  const names = (list: unknown): string[] =>
    Array.isArray(list) ? list.map((entry) => (entry as { name: string }).name) : [];

  it('Parasite: Palme d’Or and Korean from details alone', () => {
    const parasite = details('movie_496243_details_parasite_ko.json');
    const candidates = sashCandidates(
      movie({
        tmdbId: parasite.id as number,
        originalLanguage: parasite.original_language as string,
        runtimeMinutes: parasite.runtime as number,
        companies: names(parasite.production_companies),
      }),
    );
    expect(chooseSash(candidates, DEFAULT_SASH_PRIORITY)).toEqual({
      label: "Palme d'Or",
      type: 'win',
      slot: 'festival',
    });
    expect(chooseSash(candidates, ['foreign'], { lang: 'fr' })?.label).toBe('Coréen');
  });

  it('Game of Thrones: Emmy Winner, else Globe Nominee, else HBO, else Ended', () => {
    const got = details('tv_1399_details_game_of_thrones.json');
    const life = tvLifecycle({
      now: NOW,
      status: got.status as string,
      firstAirDate: got.first_air_date as string,
      lastEpisode: got.last_episode_to_air,
      nextEpisode: got.next_episode_to_air,
      seasons: got.seasons,
    });
    const candidates = sashCandidates(
      show({
        tmdbId: got.id as number,
        originalLanguage: got.original_language as string,
        numberOfSeasons: got.number_of_seasons as number,
        numberOfEpisodes: got.number_of_episodes as number,
        companies: names(got.production_companies),
        networks: names(got.networks),
        tv: life,
        releaseStatus: life.status,
      }),
    );
    expect(candidates.map((candidate) => candidate.slot)).toEqual([
      'wins',
      'gg_noms',
      'noms',
      'studio',
      'binge_ready',
      'ended',
    ]);
    expect(chooseSash(candidates, DEFAULT_SASH_PRIORITY)?.label).toBe('Emmy Winner');
    expect(chooseSash(candidates, parsePriority('default,-wins'))?.label).toBe('Globe Nominee');
    expect(chooseSash(candidates, parsePriority('default,-wins,-gg_noms'))?.label).toBe('HBO Original');
    expect(chooseSash(candidates, parsePriority('ended'))?.label).toBe('Ended');
  });

  it('Lupin: mini series, French, airing', () => {
    const lupin = details('tv_96677_details_lupin_fr.json');
    const status = tvLifecycle({ now: NOW, status: lupin.status as string }).status;
    const candidates = sashCandidates(
      show({
        tmdbId: 999_999_999,
        originalLanguage: lupin.original_language as string,
        numberOfSeasons: lupin.number_of_seasons as number,
        numberOfEpisodes: lupin.number_of_episodes as number,
        releaseStatus: status,
      }),
    );
    expect(chooseSash(candidates, DEFAULT_SASH_PRIORITY)?.label).toBe('French');
    expect(chooseSash(candidates, parsePriority('default,-foreign'))?.label).toBe('Mini Series');
    expect(chooseSash(candidates, parsePriority('default,-foreign,-structural'))?.label).toBe('Airing');
  });

  it('Fight Club: physical release, nothing dated', () => {
    const fightClub = details('movie_550_details_fight_club.json');
    const info = movieReleaseStatus({
      now: NOW,
      tmdbStatus: fightClub.status as string,
      releaseDates: releaseDatesFromTmdb(fixture('tmdb/movie_550_release_dates.json')),
    });
    const candidates = sashCandidates(
      movie({
        tmdbId: 550,
        companies: names(fightClub.production_companies),
        releaseStatus: info.status,
        upcomingRelease: info.upcoming,
      }),
    );
    expect(chooseSash(candidates, DEFAULT_SASH_PRIORITY)).toEqual({
      label: 'Physical',
      type: 'alert',
      slot: 'physical',
    });
  });
});

describe('hostile candidate inputs', () => {
  it('never throws and ignores garbage', () => {
    const input = movie({
      tmdbId: 'abc',
      keywords: [5, null, 'cult-classic'] as unknown as string[],
      trendingRank: Number.NaN,
      runtimeMinutes: -5,
      companies: [null, 7] as unknown as string[],
      cast: 'Meryl Streep' as unknown as string[],
      mdbListReleased: 'yesterday',
    });
    expect(() => sashCandidates(input)).not.toThrow();
    expect(sashCandidates(input).map((candidate) => candidate.slot)).toEqual(['cult']);
  });
});
