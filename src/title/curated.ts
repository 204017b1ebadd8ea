/**
 * Curated lists behind the award, festival and taste sashes: Emmy and
 * Golden Globe winners/nominees and festival top prizes by TMDB id, notable studios / directors /
 * cast by credit name. Defaults ship as JSON in ./data; an operator may extend or replace the name
 * lists with an override file (`DISCOVERY_OVERRIDES_PATH`).
 *
 * Everything is validated with zod and compiled into read-only maps and sets once per load. A broken
 * override never takes posters down: the defaults stay and the loader returns a warning instead.
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import awardsData from './data/awards.json' with { type: 'json' };
import festivalsData from './data/festivals.json' with { type: 'json' };
import notableData from './data/notable.json' with { type: 'json' };

export interface Festival {
  id: string;
  /** MDBList keyword meaning "won something at this festival". */
  keyword: string;
  /** Label when the TMDB id won the top prize ("Palme d'Or"). */
  topPrize: string;
  /** Label for any other prize there ("Cannes Winner"). */
  winnerLabel: string;
  /** TMDB *movie* ids of top-prize winners. */
  topPrizeIds: ReadonlySet<number>;
}

/** Movie and TV TMDB ids are separate namespaces and are kept apart everywhere. */
export interface IdSets {
  movie: ReadonlySet<number>;
  tv: ReadonlySet<number>;
}

export interface CuratedLists {
  /** Normalised credit name (see normaliseName) → sash label. */
  studios: ReadonlyMap<string, string>;
  directors: ReadonlyMap<string, string>;
  cast: ReadonlyMap<string, string>;
  /** Emmy Outstanding Drama/Comedy/Limited (TV ids only). */
  emmyWinners: ReadonlySet<number>;
  emmyNominees: ReadonlySet<number>;
  globeWinners: IdSets;
  globeNominees: IdSets;
  /** Prestige order: Cannes, Venice, Berlin, Locarno, Sundance. */
  festivals: readonly Festival[];
}

/**
 * Credit names as TMDB spells them vary in accents, hyphens and apostrophes between people and over
 * time ("Bong Joon Ho" / "Bong Joon-ho", "Alfonso Cuaron"): compare a folded form.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/['\u2018\u2019`.]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const MAX_ENTRIES = 5000;
const MAX_NAME = 200;
const MAX_LABEL = 60;

const tmdbId = z.number().int().positive().max(100_000_000);
const titled = z.object({ tmdbId, title: z.string().max(300).optional(), year: z.number().int().optional() });
const idList = z.array(titled).max(MAX_ENTRIES);
const winnersAndNominees = z.object({ winners: idList, nominees: idList });

const AwardsFile = z.object({
  emmy: winnersAndNominees,
  goldenGlobe: z.object({ movie: winnersAndNominees, tv: winnersAndNominees }),
});

const FestivalsFile = z.object({
  festivals: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        keyword: z.string().min(1).max(100),
        topPrize: z.string().min(1).max(MAX_LABEL),
        winnerLabel: z.string().min(1).max(MAX_LABEL),
        topPrizeWinners: idList,
      }),
    )
    .max(50),
});

const nameMap = z
  .record(z.string().min(1).max(MAX_NAME), z.string().trim().min(1).max(MAX_LABEL))
  .refine((record) => Object.keys(record).length <= MAX_ENTRIES, `at most ${MAX_ENTRIES} entries`);

const NotableFile = z.object({ studios: nameMap, directors: nameMap, cast: nameMap });

/**
 * The operator override file: `replace` (default) swaps each section it names for
 * its own; `merge` adds to and overrides the built-in entries. Unnamed sections keep the defaults.
 */
export const OverrideFile = z.strictObject({
  mode: z.enum(['replace', 'merge']).default('replace'),
  studios: nameMap.optional(),
  directors: nameMap.optional(),
  cast: nameMap.optional(),
});
export type CuratedOverride = z.infer<typeof OverrideFile>;

function compileNames(record: Readonly<Record<string, string>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, label] of Object.entries(record)) {
    const key = normaliseName(name);
    if (key !== '') map.set(key, label.trim());
  }
  return map;
}

const ids = (list: readonly { tmdbId: number }[]): ReadonlySet<number> =>
  new Set(list.map((entry) => entry.tmdbId));

/** Compile validated data files into lookup structures. Throws (zod) only on malformed *shipped* data. */
export function compileCuratedLists(raw: {
  awards: unknown;
  festivals: unknown;
  notable: unknown;
}): CuratedLists {
  const awards = AwardsFile.parse(raw.awards);
  const festivals = FestivalsFile.parse(raw.festivals);
  const notable = NotableFile.parse(raw.notable);
  return {
    studios: compileNames(notable.studios),
    directors: compileNames(notable.directors),
    cast: compileNames(notable.cast),
    emmyWinners: ids(awards.emmy.winners),
    emmyNominees: ids(awards.emmy.nominees),
    globeWinners: { movie: ids(awards.goldenGlobe.movie.winners), tv: ids(awards.goldenGlobe.tv.winners) },
    globeNominees: { movie: ids(awards.goldenGlobe.movie.nominees), tv: ids(awards.goldenGlobe.tv.nominees) },
    festivals: festivals.festivals.map((festival) => ({
      id: festival.id,
      keyword: festival.keyword.toLowerCase(),
      topPrize: festival.topPrize,
      winnerLabel: festival.winnerLabel,
      topPrizeIds: ids(festival.topPrizeWinners),
    })),
  };
}

/** The shipped lists. Built once at import; read-only by type, never mutated. */
export const DEFAULT_CURATED_LISTS: CuratedLists = compileCuratedLists({
  awards: awardsData,
  festivals: festivalsData,
  notable: notableData,
});

/** Apply a validated override to a set of lists (pure). */
export function applyOverride(base: CuratedLists, override: CuratedOverride): CuratedLists {
  const section = (current: ReadonlyMap<string, string>, given: Record<string, string> | undefined) => {
    if (given === undefined) return current;
    const compiled = compileNames(given);
    return override.mode === 'merge' ? new Map([...current, ...compiled]) : compiled;
  };
  return {
    ...base,
    studios: section(base.studios, override.studios),
    directors: section(base.directors, override.directors),
    cast: section(base.cast, override.cast),
  };
}

export interface CuratedListsResult {
  lists: CuratedLists;
  /** Why an override was not (fully) applied; empty when all went well or no override was asked for. */
  warnings: string[];
}

/** Override files are a few KB; anything far bigger is a mistake, not data. */
const MAX_OVERRIDE_BYTES = 1_000_000;

/** Validate override JSON text against the shipped lists (pure; used by the loader and its tests). */
export function mergeOverrideText(base: CuratedLists, text: string, source = 'override'): CuratedListsResult {
  if (text.length > MAX_OVERRIDE_BYTES) {
    return { lists: base, warnings: [`${source}: larger than ${MAX_OVERRIDE_BYTES} bytes, ignored`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { lists: base, warnings: [`${source}: not valid JSON (${(error as Error).message}), ignored`] };
  }
  const parsed = OverrideFile.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return { lists: base, warnings: [`${source}: ${detail}; ignored, built-in lists kept`] };
  }
  return { lists: applyOverride(base, parsed.data), warnings: [] };
}

/**
 * The curated lists, with the operator's override file merged when a path is given. Never throws:
 * a missing, unreadable, oversized or invalid file leaves the defaults in place and says why.
 */
export async function loadCuratedLists(overridePath?: string): Promise<CuratedListsResult> {
  if (overridePath === undefined || overridePath.trim() === '')
    return { lists: DEFAULT_CURATED_LISTS, warnings: [] };
  let text: string;
  try {
    // Check before reading: a path pointing at a huge file (or a device) must not be slurped.
    const info = await stat(overridePath);
    if (!info.isFile())
      return { lists: DEFAULT_CURATED_LISTS, warnings: [`${overridePath}: not a file, ignored`] };
    if (info.size > MAX_OVERRIDE_BYTES) {
      return {
        lists: DEFAULT_CURATED_LISTS,
        warnings: [`${overridePath}: larger than ${MAX_OVERRIDE_BYTES} bytes, ignored`],
      };
    }
    text = await readFile(overridePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    return {
      lists: DEFAULT_CURATED_LISTS,
      warnings: [`${overridePath}: cannot read (${code}), built-in lists kept`],
    };
  }
  return mergeOverrideText(DEFAULT_CURATED_LISTS, text, overridePath);
}
