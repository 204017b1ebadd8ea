/**
 * The one "interesting fact" ribbon: `sashCandidates` lists every slot a title
 * qualifies for, from plain data; `chooseSash` walks a priority list and returns the first one,
 * translated, with its colour type. Keeping the two apart lets the facts layer cache candidates and
 * re-choose per request (priority, language and flags are style parameters).
 */
import type { MediaType, Sash, SashType } from '../domain/facts.ts';
import type { CuratedLists } from './curated.ts';
import { normaliseName } from './curated.ts';
import {
  type DatedRelease,
  datedRelease,
  FRESH_DAYS,
  formatDatedRelease,
  type ReleaseStatus,
  type UpcomingRelease,
} from './releaseStatus.ts';
import { languageLabel, translateLabel, trendingLabel } from './sashLabels.ts';
import { RELEASE_STATUS_SLOTS, type SashSlot, SLOT_TYPES } from './sashSlots.ts';
import { dayNumber, isoDay, toCount } from './util.ts';

/** How a candidate's label is written; rendered (and translated) only when a sash is chosen. */
export type SashLabelSpec =
  /** A fixed vocabulary key ("Oscar Winner", "New Season", "Palme d'Or" …). */
  | { kind: 'key'; key: string }
  | { kind: 'trending'; rank: number }
  /** ISO 639-1 code of a non-English original language. */
  | { kind: 'language'; code: string }
  /** Release status, optionally with the date its next window opens. */
  | { kind: 'release'; status: ReleaseStatus; dated: DatedRelease | null }
  /** Operator-curated text (studio / director / cast labels): shown as written, never translated. */
  | { kind: 'text'; text: string }
  /** Legacy `noms`: several nomination labels joined with " • ". */
  | { kind: 'joined'; parts: SashLabelSpec[] };

export interface SashCandidate {
  slot: SashSlot;
  type: SashType;
  label: SashLabelSpec;
}

/** TRENDING_FETCH_COUNT / TRENDING_BROAD_FETCH_COUNT defaults. */
export const DEFAULT_TRENDING_COUNT = 40;
export const DEFAULT_TRENDING_BROAD_COUNT = 100;

/** Only the first ten billed cast count: a cameo by a notable actor is not what the film is. */
const CAST_BILLING_LIMIT = 10;

const RELEASE_STATUS_LABEL: Readonly<Record<ReleaseStatus, string>> = {
  airing: 'Airing',
  ended: 'Ended',
  cancelled: 'Cancelled',
  production: 'Production',
  cinema: 'Cinema',
  streaming: 'Streaming',
  physical: 'Physical',
};

export interface SashInput {
  mediaType: MediaType;
  /** TMDB id in the namespace of `mediaType`. */
  tmdbId: number | string | null;
  /** MDBList keyword slugs (`best-picture-winner`, `festival-cannes-winner`, `cult-classic` …). */
  keywords?: readonly string[] | null;
  /** Today's TMDB trending rank (1-based). */
  trendingRank?: number | null;
  trendingCount?: number;
  trendingBroadCount?: number;
  /** TMDB `original_language`. */
  originalLanguage?: string | null;
  /** Movie runtime in minutes. */
  runtimeMinutes?: number | null;
  /** TV `number_of_seasons` / `number_of_episodes` (specials excluded, as TMDB counts them). */
  numberOfSeasons?: number | null;
  numberOfEpisodes?: number | null;
  /** Production company names, in TMDB order. */
  companies?: readonly string[] | null;
  /** TV network names (HBO …), matched against the studio list after the companies. */
  networks?: readonly string[] | null;
  /** Crew members with job Director. */
  directors?: readonly string[] | null;
  /** Cast names in billing order. */
  cast?: readonly string[] | null;
  /** TV lifecycle flags (releaseStatus.tvLifecycle). */
  tv?: {
    isPremiere: boolean;
    isNewSeason: boolean;
    isReturning: boolean;
    isSeasonFinale: boolean;
  } | null;
  /** Movie release flags (releaseStatus.movieReleaseStatus). */
  movie?: { isJustAdded: boolean; isDigitalRelease: boolean } | null;
  /** MDBList `released`: a release within FRESH_DAYS makes the title "New". */
  mdbListReleased?: string | null;
  releaseStatus?: ReleaseStatus | null;
  upcomingRelease?: UpcomingRelease | null;
  lists: CuratedLists;
  now: Date;
}

function numericId(value: number | string | null): number | null {
  return toCount(value);
}

/** The array itself, or [] for anything that is not one (a string would otherwise iterate by character). */
function list(value: readonly string[] | null | undefined): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function firstLabel(names: readonly unknown[], map: ReadonlyMap<string, string>, limit = 500) {
  for (const name of names.slice(0, limit)) {
    if (typeof name !== 'string') continue;
    const label = map.get(normaliseName(name));
    if (label !== undefined) return label;
  }
  return null;
}

/** Festival label: top prize by TMDB id first (works without MDBList), then keyword. */
function festivalLabel(input: SashInput, keywords: ReadonlySet<string>, id: number | null): string | null {
  // Top-prize sets hold movie ids; a TV id with the same number is a different title.
  if (input.mediaType === 'movie' && id !== null) {
    for (const festival of input.lists.festivals) if (festival.topPrizeIds.has(id)) return festival.topPrize;
  }
  for (const festival of input.lists.festivals)
    if (keywords.has(festival.keyword)) return festival.winnerLabel;
  return null;
}

/** Every slot the title qualifies for, in slot-definition order (priority is applied later). */
export function sashCandidates(input: SashInput): SashCandidate[] {
  const out: SashCandidate[] = [];
  const add = (slot: SashSlot, label: SashLabelSpec) => out.push({ slot, type: SLOT_TYPES[slot], label });
  const key = (text: string): SashLabelSpec => ({ kind: 'key', key: text });

  const movie = input.mediaType === 'movie';
  const id = numericId(input.tmdbId);
  const keywords = new Set(
    list(input.keywords)
      .slice(0, 5000)
      .flatMap((word) => (typeof word === 'string' ? [word.trim().toLowerCase()] : [])),
  );
  const lists = input.lists;
  const today = dayNumber(input.now);

  // Prestige ------------------------------------------------------------------------------------
  if (movie ? keywords.has('best-picture-winner') : id !== null && lists.emmyWinners.has(id)) {
    add('wins', key(movie ? 'Oscar Winner' : 'Emmy Winner'));
  }
  const globes = movie ? lists.globeWinners.movie : lists.globeWinners.tv;
  if (id !== null && globes.has(id)) add('gg_wins', key('Globe Winner'));

  const festival = festivalLabel(input, keywords, id);
  if (festival !== null) add('festival', key(festival));

  const nominations: SashLabelSpec[] = [];
  if (movie ? keywords.has('best-picture-nominated') : id !== null && lists.emmyNominees.has(id)) {
    const label = key(movie ? 'Oscar Nominee' : 'Emmy Nominee');
    nominations.push(label);
    add('pic_noms', label);
  }
  if (keywords.has('metacritic-must-see')) add('metacritic', key('Must-See'));
  const globeNoms = movie ? lists.globeNominees.movie : lists.globeNominees.tv;
  if (id !== null && globeNoms.has(id)) {
    const label = key('Globe Nominee');
    nominations.push(label);
    add('gg_noms', label);
  }
  if (nominations.length > 0)
    add(
      'noms',
      nominations.length === 1 ? (nominations[0] as SashLabelSpec) : { kind: 'joined', parts: nominations },
    );

  // Timely --------------------------------------------------------------------------------------
  const rank = toCount(input.trendingRank);
  const top = input.trendingCount ?? DEFAULT_TRENDING_COUNT;
  const broad = input.trendingBroadCount ?? DEFAULT_TRENDING_BROAD_COUNT;
  if (rank !== null && rank >= 1) {
    if (rank <= top) add('trending', { kind: 'trending', rank });
    else if (rank <= broad) add('trending_broad', { kind: 'trending', rank });
  }

  const tv = movie ? null : (input.tv ?? null);
  const film = movie ? (input.movie ?? null) : null;
  if (tv?.isPremiere) add('premiere', key('Premiere'));
  const released = isoDay(input.mdbListReleased);
  const freshRelease = released !== null && released <= today && today - released <= FRESH_DAYS;
  if (tv?.isPremiere || film?.isJustAdded || film?.isDigitalRelease || freshRelease)
    add('new_release', key('New'));
  if (film?.isJustAdded) add('just_added', key('Just Added'));
  if (tv?.isNewSeason) add('new_season', key('New Season'));
  if (tv?.isSeasonFinale) add('season_finale', key('Season Finale'));

  // Curated taste -------------------------------------------------------------------------------
  const studio = firstLabel([...list(input.companies), ...list(input.networks)], lists.studios);
  if (studio !== null) add('studio', { kind: 'text', text: studio });
  const director = firstLabel(list(input.directors), lists.directors);
  if (director !== null) add('director', { kind: 'text', text: director });
  const star = firstLabel(list(input.cast), lists.cast, CAST_BILLING_LIMIT);
  if (star !== null) add('cast', { kind: 'text', text: star });

  // Static flavour ------------------------------------------------------------------------------
  if (keywords.has('cult-classic') || keywords.has('cult-film')) add('cult', key('Cult Classic'));
  const language =
    typeof input.originalLanguage === 'string' ? input.originalLanguage.trim().toLowerCase() : '';
  // TMDB uses "xx" for "no language" (silent films, music): that is not foreign.
  if (language !== '' && language !== 'en' && language !== 'xx')
    add('foreign', { kind: 'language', code: language });
  if (keywords.has('based-on-true-story')) add('true_story', key('True Story'));

  const runtime = toCount(input.runtimeMinutes);
  if (movie && runtime !== null && runtime >= 1 && runtime <= 39) add('short_film', key('Short Film'));
  const seasons = toCount(input.numberOfSeasons);
  const episodes = toCount(input.numberOfEpisodes);
  if (!movie && seasons === 1 && episodes !== null && episodes >= 1 && episodes <= 8)
    add('mini_series', key('Mini Series'));
  if (!movie && seasons !== null && seasons >= 3 && episodes !== null) {
    const perSeason = episodes / seasons;
    if (perSeason >= 6 && perSeason <= 20) add('binge_ready', key('Binge Ready'));
  }

  // Lifecycle / release status ------------------------------------------------------------------
  if (tv?.isReturning) add('returning', key('Returning'));
  const status = input.releaseStatus ?? null;
  if (status !== null && (RELEASE_STATUS_SLOTS as readonly string[]).includes(status)) {
    // Only a title not yet at home has a date worth printing; a date on a released title would mislead.
    const dated =
      status === 'cinema' || status === 'production' ? datedRelease(input.upcomingRelease, input.now) : null;
    add(status, { kind: 'release', status, dated });
  }
  return out;
}

export interface ChooseOptions {
  /** Label language (`logo_language`): en, es, fr, it, pt, pt-br, de; others fall back to English. */
  lang?: string | null;
  /** `sash_winner_star`: prefix win-type labels with "★ ". */
  winnerStar?: boolean;
  /** `release_status_cinema_only`: only Cinema/Production may show among the release-status slots. */
  releaseStatusCinemaOnly?: boolean;
  /** `release_status_dates` (default true): "Oct 16 Cinema" rather than "Cinema". */
  releaseStatusDates?: boolean;
  /**
   * A slot to move to the front when it is in the list — the matching release-status slot when the
   * art was greyscaled for Cinema/Production, so the ribbon explains the grey.
   */
  promoteSlot?: SashSlot | null;
  /** Anime request: the `foreign` slot (almost always Japanese) drops to the end of the list. */
  anime?: boolean;
}

/** Render a label spec in a language. */
export function renderSashLabel(spec: SashLabelSpec, lang?: string | null, withDates = true): string {
  switch (spec.kind) {
    case 'key':
      return translateLabel(spec.key, lang);
    case 'trending':
      return trendingLabel(spec.rank, lang);
    case 'language':
      return languageLabel(spec.code, lang);
    case 'release':
      return withDates && spec.dated !== null
        ? formatDatedRelease(spec.dated, lang)
        : translateLabel(RELEASE_STATUS_LABEL[spec.status], lang);
    case 'text':
      return spec.text;
    case 'joined':
      return spec.parts.map((part) => renderSashLabel(part, lang, withDates)).join(' • ');
  }
}

const CINEMA_ONLY_DROPS: ReadonlySet<SashSlot> = new Set<SashSlot>([
  'airing',
  'ended',
  'cancelled',
  'streaming',
  'physical',
]);

/** Walk `priority` and return the first slot a candidate fills, translated; null when none does. */
export function chooseSash(
  candidates: readonly SashCandidate[],
  priority: readonly SashSlot[],
  options: ChooseOptions = {},
): Sash | null {
  let order = [...priority];
  if (options.anime === true && order.includes('foreign'))
    order = [...order.filter((slot) => slot !== 'foreign'), 'foreign'];
  const promote = options.promoteSlot ?? null;
  if (promote !== null && order.includes(promote))
    order = [promote, ...order.filter((slot) => slot !== promote)];
  if (options.releaseStatusCinemaOnly === true) order = order.filter((slot) => !CINEMA_ONLY_DROPS.has(slot));

  const bySlot = new Map<SashSlot, SashCandidate>();
  for (const candidate of candidates) if (!bySlot.has(candidate.slot)) bySlot.set(candidate.slot, candidate);

  for (const slot of order) {
    const candidate = bySlot.get(slot);
    if (candidate === undefined) continue;
    const text = renderSashLabel(candidate.label, options.lang, options.releaseStatusDates !== false);
    if (text === '') continue;
    const star = options.winnerStar === true && candidate.type === 'win';
    return { label: star ? `★ ${text}` : text, type: candidate.type, slot };
  }
  return null;
}
