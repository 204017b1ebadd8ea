/**
 * Why a title's facts are what they are, for `debug=1`: award and
 * festival findings, keyword flags, lifecycle flags, curated-list matches. Derived from the same sash
 * candidates and inputs the poster used, so the diagnostics can never disagree with the ribbon. Pure.
 */
import type { FactEvidence } from '../domain/facts.ts';
import { type CuratedLists, normaliseName } from './curated.ts';
import type { UpcomingRelease } from './releaseStatus.ts';
import type { SashCandidate } from './sash.ts';

export interface EvidenceInput {
  candidates: readonly SashCandidate[];
  /** MDBList + TMDB keyword slugs, as the sash read them. */
  keywords: readonly string[];
  companies: readonly string[];
  directors: readonly string[];
  cast: readonly string[];
  lists: CuratedLists;
  tv: { isPremiere: boolean; isNewSeason: boolean; isReturning: boolean; isSeasonFinale: boolean } | null;
  movie: { isJustAdded: boolean; isDigitalRelease: boolean } | null;
  upcoming: UpcomingRelease | null;
  /** MDBList's numeric age rating (the reference's `age_rating` is this number). */
  mdblistAge: number | null;
  releaseDate: string | null;
}

/** Same billing cut as the cast sash: a cameo by a listed actor is not what the title is. */
const CAST_BILLING_LIMIT = 10;

function matches(names: readonly string[], list: ReadonlyMap<string, string>, limit = 500): string[] {
  const out: string[] = [];
  for (const name of names.slice(0, limit)) {
    if (list.has(normaliseName(name)) && !out.includes(name)) out.push(name);
  }
  return out;
}

export function factEvidence(input: EvidenceInput): FactEvidence {
  const slots = new Set(input.candidates.map((c) => c.slot));
  const keywords = new Set(input.keywords.map((k) => k.trim().toLowerCase()));
  const festival = input.candidates.find((c) => c.slot === 'festival');
  const festivalKeyword = input.lists.festivals.find((f) => keywords.has(f.keyword))?.keyword ?? null;
  const count = (...names: string[]) => names.filter((n) => slots.has(n as SashCandidate['slot'])).length;
  return {
    awardWins: count('wins', 'gg_wins'),
    awardNoms: count('pic_noms', 'gg_noms'),
    festivalKeyword,
    festivalLabel: festival?.label.kind === 'key' ? festival.label.key : null,
    isCult: slots.has('cult'),
    isTrueStory: slots.has('true_story'),
    isMetacritic: slots.has('metacritic'),
    isNewRelease: slots.has('new_release'),
    isDigitalRelease: input.movie?.isDigitalRelease ?? false,
    isPremiere: input.tv?.isPremiere ?? false,
    isJustAdded: input.movie?.isJustAdded ?? false,
    isNewSeason: input.tv?.isNewSeason ?? false,
    isReturning: input.tv?.isReturning ?? false,
    isSeasonFinale: input.tv?.isSeasonFinale ?? false,
    matchedStudios: matches(input.companies, input.lists.studios),
    matchedDirectors: matches(input.directors, input.lists.directors),
    matchedCast: matches(input.cast, input.lists.cast, CAST_BILLING_LIMIT),
    upcomingReleaseDate: input.upcoming?.date ?? null,
    upcomingReleaseWindow: input.upcoming?.window ?? null,
    mdblistAge: input.mdblistAge,
    releaseDate: input.releaseDate,
  };
}
