/**
 * Release status and TV lifecycle: the status a title is in, the slots premiere / new_season /
 * season_finale / returning / just_added, and the dated labels.
 *
 * Inputs are plain TMDB-shaped data plus an injected `now`; nothing here reads the clock. Dates are
 * compared as whole UTC days. Every reader tolerates TMDB's "" / null / missing fields.
 */
import { datedLabel, type ReleaseWindowLabel } from './sashLabels.ts';
import { dayNumber, dayParts, dayToIso, isoDay, isRecord, own, toCount } from './util.ts';

export const RELEASE_STATUSES = [
  'airing',
  'ended',
  'cancelled',
  'production',
  'cinema',
  'streaming',
  'physical',
] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** Where a dated release opens. */
export type ReleaseWindow = 'cinema' | 'streaming' | 'physical';

export interface UpcomingRelease {
  /** ISO day. */
  date: string;
  window: ReleaseWindow;
}

/** Days a premiere / digital release / episode counts as fresh (NEW_RELEASE_DAYS, TV windows). */
export const FRESH_DAYS = 14;
/** A title still "in cinemas" after this long has certainly reached streaming (CINEMA_MAX_AGE_YEARS). */
export const DEFAULT_CINEMA_MAX_AGE_YEARS = 3;

// ---------------------------------------------------------------------------------------------
// Movies
// ---------------------------------------------------------------------------------------------

/** Every release date of a movie per window, ascending ISO days. */
export interface ReleaseDateSet {
  premiere: string[];
  theatrical: string[];
  digital: string[];
  physical: string[];
}

/** TMDB release_dates types: 1 premiere, 2 limited theatrical, 3 theatrical, 4 digital, 5 physical, 6 TV. */
const WINDOW_BY_TYPE: ReadonlyMap<number, keyof ReleaseDateSet> = new Map([
  [1, 'premiere'],
  [2, 'theatrical'],
  [3, 'theatrical'],
  [4, 'digital'],
  [5, 'physical'],
  [6, 'digital'],
]);

const MAX_COUNTRIES = 300;
const MAX_DATES_PER_COUNTRY = 50;

/**
 * Reads a TMDB `/movie/{id}/release_dates` body. Each window takes its dates from the first preferred
 * country that lists any date for that window, else from every country: a US film keeps its US dates,
 * while a film TMDB only dates abroad (common for non-US titles) still gets a status.
 */
export function releaseDatesFromTmdb(
  body: unknown,
  preferredCountries: readonly string[] = ['US'],
): ReleaseDateSet {
  const byCountry = new Map<string, ReleaseDateSet>();
  const results = isRecord(body) ? own(body, 'results') : undefined;
  for (const entry of Array.isArray(results) ? results.slice(0, MAX_COUNTRIES) : []) {
    if (!isRecord(entry)) continue;
    const country = own(entry, 'iso_3166_1');
    const dates = own(entry, 'release_dates');
    if (typeof country !== 'string' || !Array.isArray(dates)) continue;
    const set = byCountry.get(country.toUpperCase()) ?? {
      premiere: [],
      theatrical: [],
      digital: [],
      physical: [],
    };
    for (const release of dates.slice(0, MAX_DATES_PER_COUNTRY)) {
      if (!isRecord(release)) continue;
      const type = toCount(own(release, 'type'));
      const window = type === null ? undefined : WINDOW_BY_TYPE.get(type);
      const day = isoDay(own(release, 'release_date'));
      if (window !== undefined && day !== null) set[window].push(dayToIso(day));
    }
    byCountry.set(country.toUpperCase(), set);
  }

  const result: ReleaseDateSet = { premiere: [], theatrical: [], digital: [], physical: [] };
  for (const window of ['premiere', 'theatrical', 'digital', 'physical'] as const) {
    const preferred = preferredCountries
      .map((country) => byCountry.get(country.toUpperCase())?.[window] ?? [])
      .find((dates) => dates.length > 0);
    const dates = preferred ?? [...byCountry.values()].flatMap((set) => set[window]);
    result[window] = [...new Set(dates)].sort();
  }
  return result;
}

export interface MovieStatusInput {
  /** TMDB details `status` (Released, In Production, Post Production, Planned, Rumored, Canceled). */
  tmdbStatus?: string | null;
  /** TMDB details `release_date`, used when no release_dates were fetched. */
  primaryReleaseDate?: string | null;
  releaseDates?: ReleaseDateSet | null;
  imdbId?: string | null;
  /** IMDb ids known to have a digital release (the r/movieleaks poll). */
  digitalReleaseIds?: ReadonlySet<string> | null;
  now: Date;
  cinemaMaxAgeYears?: number;
}

export interface MovieReleaseInfo {
  status: ReleaseStatus | null;
  /** The next date that changes the status (Cinema → home release; Production → any release). */
  upcoming: UpcomingRelease | null;
  /** In the known-digital set: Cinema/Production were overridden to Streaming. */
  isDigitalRelease: boolean;
  /** Latest digital/TV date that has passed (drives "Just Added"). */
  latestDigitalDate: string | null;
  /** `latestDigitalDate` within the last FRESH_DAYS days. */
  isJustAdded: boolean;
  theatricalDate: string | null;
  digitalDate: string | null;
  physicalDate: string | null;
  premiereDate: string | null;
}

/** Lower-cased trimmed TMDB status; anything that is not a string reads as unknown. */
function statusText(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

const PRE_RELEASE = new Set(['in production', 'post production', 'planned', 'rumored']);
const CANCELLED = new Set(['canceled', 'cancelled']);

function yearsAfter(day: number, years: number): number {
  const parts = dayParts(day);
  return Math.floor(Date.UTC(parts.year + years, parts.month - 1, parts.day) / 86_400_000);
}

function firstDay(dates: readonly string[] | undefined): number | null {
  let best: number | null = null;
  for (const date of dates ?? []) {
    const day = isoDay(date);
    if (day !== null && (best === null || day < best)) best = day;
  }
  return best;
}

function soonest(
  candidates: readonly (readonly [number | null, ReleaseWindow])[],
  today: number,
): UpcomingRelease | null {
  let best: UpcomingRelease | null = null;
  let bestDay = Number.POSITIVE_INFINITY;
  for (const [day, window] of candidates) {
    if (day !== null && day > today && day < bestDay) {
      best = { date: dayToIso(day), window };
      bestDay = day;
    }
  }
  return best;
}

/**
 * Movie release status. Pre-release TMDB statuses are Production without looking at dates; otherwise
 * the earliest date per window decides, the furthest-along window that has passed winning
 * (physical > streaming > cinema). TMDB flips to "Released" days before the first theatrical date, so
 * "Released" with only future dates is still Production; "Released" with no dates at all is Streaming.
 */
export function movieReleaseStatus(input: MovieStatusInput): MovieReleaseInfo {
  const today = dayNumber(input.now);
  const dates = input.releaseDates;
  const premiere = firstDay(dates?.premiere);
  const theatrical = firstDay(dates?.theatrical);
  const digital = firstDay(dates?.digital);
  const physical = firstDay(dates?.physical);
  const primary = isoDay(input.primaryReleaseDate);
  const tmdbStatus = statusText(input.tmdbStatus);

  let latestDigital: number | null = null;
  for (const date of dates?.digital ?? []) {
    const day = isoDay(date);
    if (day !== null && day <= today && (latestDigital === null || day > latestDigital)) latestDigital = day;
  }

  let status: ReleaseStatus | null;
  if (PRE_RELEASE.has(tmdbStatus)) status = 'production';
  else if (CANCELLED.has(tmdbStatus)) status = 'cancelled';
  else if (physical !== null && physical <= today) status = 'physical';
  else if (digital !== null && digital <= today) status = 'streaming';
  else if (theatrical !== null && theatrical <= today) {
    const maxAge = Math.max(0, input.cinemaMaxAgeYears ?? DEFAULT_CINEMA_MAX_AGE_YEARS);
    // Backstop for films TMDB never dates for home release: nobody is still showing them.
    status = today > yearsAfter(theatrical, maxAge) ? 'streaming' : 'cinema';
  } else if ([premiere, theatrical, digital, physical].some((day) => day !== null && day > today)) {
    status = 'production';
  } else if (tmdbStatus === 'released') status = 'streaming';
  else if (primary !== null) status = primary > today ? 'production' : null;
  else status = null;

  const isDigitalRelease =
    typeof input.imdbId === 'string' && input.digitalReleaseIds?.has(input.imdbId) === true;
  if (isDigitalRelease && (status === 'cinema' || status === 'production')) status = 'streaming';

  let upcoming: UpcomingRelease | null = null;
  if (status === 'cinema') {
    // Its own theatrical date is behind it: only the home release is news.
    upcoming = soonest(
      [
        [digital, 'streaming'],
        [physical, 'physical'],
      ],
      today,
    );
  } else if (status === 'production') {
    upcoming =
      soonest(
        [
          [theatrical, 'cinema'],
          [digital, 'streaming'],
          [physical, 'physical'],
        ],
        today,
      ) ?? soonest([[primary, 'cinema']], today);
  }

  return {
    status,
    upcoming,
    isDigitalRelease,
    latestDigitalDate: latestDigital === null ? null : dayToIso(latestDigital),
    isJustAdded: latestDigital !== null && today - latestDigital <= FRESH_DAYS,
    theatricalDate: theatrical === null ? null : dayToIso(theatrical),
    digitalDate: digital === null ? null : dayToIso(digital),
    physicalDate: physical === null ? null : dayToIso(physical),
    premiereDate: premiere === null ? null : dayToIso(premiere),
  };
}

// ---------------------------------------------------------------------------------------------
// TV
// ---------------------------------------------------------------------------------------------

/** TMDB TV `status` → release status (Returning Series → airing; Planned/Pilot → production …). */
export function tvReleaseStatus(tmdbStatus: string | null | undefined): ReleaseStatus | null {
  switch (statusText(tmdbStatus)) {
    case 'returning series':
      return 'airing';
    case 'in production':
    case 'planned':
    case 'pilot':
      return 'production';
    case 'ended':
      return 'ended';
    case 'canceled':
    case 'cancelled':
      return 'cancelled';
    default:
      return null;
  }
}

export interface EpisodeRef {
  season: number;
  episode: number;
  /** UTC day number. */
  airDay: number;
  /** TMDB `episode_type` (standard, mid_season, finale) when sent. */
  type: string | null;
}

/** A TMDB `last_episode_to_air` / `next_episode_to_air` object, or null if it lacks a usable date. */
export function readEpisode(value: unknown): EpisodeRef | null {
  if (!isRecord(value)) return null;
  const season = toCount(own(value, 'season_number'));
  const episode = toCount(own(value, 'episode_number'));
  const airDay = isoDay(own(value, 'air_date'));
  if (season === null || episode === null || airDay === null) return null;
  const type = own(value, 'episode_type');
  return { season, episode, airDay, type: typeof type === 'string' ? type.toLowerCase() : null };
}

interface SeasonRef {
  episodeCount: number | null;
  airDay: number | null;
}

function readSeasons(value: unknown): Map<number, SeasonRef> {
  const seasons = new Map<number, SeasonRef>();
  for (const season of Array.isArray(value) ? value.slice(0, 500) : []) {
    if (!isRecord(season)) continue;
    const number = toCount(own(season, 'season_number'));
    if (number === null || seasons.has(number)) continue;
    seasons.set(number, {
      episodeCount: toCount(own(season, 'episode_count')),
      airDay: isoDay(own(season, 'air_date')),
    });
  }
  return seasons;
}

export interface TvLifecycleInput {
  /** TMDB TV `status`. */
  status?: string | null;
  firstAirDate?: string | null;
  /** TMDB `last_episode_to_air`. */
  lastEpisode?: unknown;
  /** TMDB `next_episode_to_air`. */
  nextEpisode?: unknown;
  /** TMDB `seasons[]` (season_number, episode_count, air_date). */
  seasons?: unknown;
  now: Date;
}

export interface TvLifecycle {
  status: ReleaseStatus | null;
  /** First air date within the last FRESH_DAYS days. */
  isPremiere: boolean;
  /** An S2+ season premiere aired in the last / airs in the next FRESH_DAYS days. */
  isNewSeason: boolean;
  /** An S2+ episode is active but it is not the season premiere. */
  isReturning: boolean;
  /** The final episode of a finished show aired in the last FRESH_DAYS days. */
  isSeasonFinale: boolean;
  /** The episode the new-season / returning decision looked at. */
  activeEpisode: EpisodeRef | null;
}

/**
 * TV lifecycle windows. The "active" episode is the next one if it airs within FRESH_DAYS, else the
 * last one if it aired within FRESH_DAYS. It opens a new season when its season's own air date is in
 * that window (so S3E2 a few days after S3E1 still reads "New Season"), or — with no season date — when
 * it is episode 1. Season finale stays conservative, as upstream's is: only for Ended/Cancelled shows,
 * when the last aired episode is its season's last (TMDB's `episode_type: finale` or the season's
 * episode count) and aired within FRESH_DAYS.
 */
export function tvLifecycle(input: TvLifecycleInput): TvLifecycle {
  const today = dayNumber(input.now);
  const status = tvReleaseStatus(input.status);
  const first = isoDay(input.firstAirDate);
  const last = readEpisode(input.lastEpisode);
  const next = readEpisode(input.nextEpisode);
  const seasons = readSeasons(input.seasons);
  const inWindow = (day: number | null): boolean => day !== null && Math.abs(day - today) <= FRESH_DAYS;

  const isPremiere = first !== null && first <= today && today - first <= FRESH_DAYS;

  let active: EpisodeRef | null = null;
  if (next !== null && next.airDay >= today && next.airDay - today <= FRESH_DAYS) active = next;
  else if (last !== null && last.airDay <= today && today - last.airDay <= FRESH_DAYS) active = last;

  let isNewSeason = false;
  let isReturning = false;
  if (active !== null && active.season >= 2) {
    const seasonDay = seasons.get(active.season)?.airDay ?? null;
    isNewSeason = seasonDay !== null ? inWindow(seasonDay) : active.episode === 1;
    isReturning = !isNewSeason;
  }

  let isSeasonFinale = false;
  if ((status === 'ended' || status === 'cancelled') && last !== null) {
    const recent = last.airDay <= today && today - last.airDay <= FRESH_DAYS;
    const count = seasons.get(last.season)?.episodeCount ?? null;
    const lastOfSeason = last.type === 'finale' || (count !== null && last.episode >= count);
    const nothingAfter = next === null || next.season !== last.season;
    isSeasonFinale = recent && lastOfSeason && nothingAfter;
  }

  return { status, isPremiere, isNewSeason, isReturning, isSeasonFinale, activeEpisode: active };
}

// ---------------------------------------------------------------------------------------------
// Dated labels
// ---------------------------------------------------------------------------------------------

export interface DatedRelease {
  date: string;
  window: ReleaseWindow;
  /** 'day' ("Oct 16") under a year away — unambiguous; 'month' ("Dec 2027") beyond, where the day is noise. */
  form: 'day' | 'month';
  year: number;
  month: number;
  day: number;
}

const WINDOW_LABEL: Readonly<Record<ReleaseWindow, ReleaseWindowLabel>> = {
  cinema: 'Cinema',
  streaming: 'Streaming',
  physical: 'Physical',
};

/** The dated form of an upcoming release, or null when absent, unparsable, today or past. */
export function datedRelease(upcoming: UpcomingRelease | null | undefined, now: Date): DatedRelease | null {
  if (!upcoming) return null;
  const day = isoDay(upcoming.date);
  const today = dayNumber(now);
  if (day === null || day <= today) return null;
  const parts = dayParts(day);
  return {
    date: dayToIso(day),
    window: upcoming.window,
    form: day - today >= 365 ? 'month' : 'day',
    ...parts,
  };
}

/** Translated dated label: "Oct 16 Cinema", "Dec 2027 Streaming", fr "Au cinéma 16 Oct". */
export function formatDatedRelease(dated: DatedRelease, lang: string | null | undefined): string {
  return datedLabel({ ...dated, window: WINDOW_LABEL[dated.window] }, lang);
}

/** Convenience: the label for a date and window as of `now`, or null (see datedRelease). */
export function releaseDateLabel(
  date: string | null | undefined,
  window: ReleaseWindow | null | undefined,
  now: Date,
  lang?: string | null,
): string | null {
  if (!date || !window) return null;
  const dated = datedRelease({ date, window }, now);
  return dated === null ? null : formatDatedRelease(dated, lang);
}
