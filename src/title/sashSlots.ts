/**
 * The sash priority slots: their names, colour types, aliases and the legacy
 * aggregate tokens old URLs still carry. A slot is one "interesting fact" a poster can show; the
 * priority list (sashPriority.ts) orders them and the first one a title qualifies for wins.
 */
import type { SashType } from '../domain/facts.ts';
import type { ReleaseStatus } from './releaseStatus.ts';

/** Release-status slots, one per status. */
export const RELEASE_STATUS_SLOTS = [
  'airing',
  'cancelled',
  'ended',
  'physical',
  'streaming',
  'cinema',
  'production',
] as const satisfies readonly ReleaseStatus[];

/** Every slot a priority list may name. `noms` is legacy (all nominations joined) and not in the default. */
export const SASH_SLOTS = [
  'wins',
  'gg_wins',
  'festival',
  'pic_noms',
  'metacritic',
  'gg_noms',
  'noms',
  'trending',
  'trending_broad',
  'premiere',
  'new_release',
  'just_added',
  'new_season',
  'season_finale',
  'studio',
  'director',
  'cast',
  'cult',
  'foreign',
  'true_story',
  'short_film',
  'mini_series',
  'binge_ready',
  'returning',
  ...RELEASE_STATUS_SLOTS,
] as const;
export type SashSlot = (typeof SASH_SLOTS)[number];

/** Colour family per slot. */
export const SLOT_TYPES: Readonly<Record<SashSlot, SashType>> = {
  wins: 'win',
  gg_wins: 'win',
  // A top festival prize is prestige-equivalent to an Oscar, hence gold rather than purple.
  festival: 'win',
  pic_noms: 'nom',
  metacritic: 'nom',
  gg_noms: 'nom',
  noms: 'nom',
  trending: 'trending',
  trending_broad: 'trending',
  premiere: 'alert',
  new_release: 'alert',
  just_added: 'alert',
  new_season: 'alert',
  season_finale: 'alert',
  studio: 'prestige',
  director: 'prestige',
  cast: 'cast',
  // A popularity signal: closest to trending without inventing a colour.
  cult: 'trending',
  foreign: 'info',
  true_story: 'info',
  short_film: 'info',
  mini_series: 'info',
  binge_ready: 'info',
  returning: 'alert',
  airing: 'alert',
  cancelled: 'alert',
  ended: 'alert',
  physical: 'alert',
  streaming: 'alert',
  cinema: 'alert',
  production: 'alert',
};

/** Old slot names that mean exactly one current slot. */
export const SLOT_ALIASES: ReadonlyMap<string, SashSlot> = new Map<string, SashSlot>([
  ['emmy_noms', 'pic_noms'],
  ['digital_release', 'new_release'],
]);

/** Old tokens that stand for several slots; they expand in place, in this order. */
export const LEGACY_AGGREGATES: ReadonlyMap<string, readonly SashSlot[]> = new Map<
  string,
  readonly SashSlot[]
>([
  ['structural', ['short_film', 'mini_series', 'binge_ready']],
  ['release_status', RELEASE_STATUS_SLOTS],
]);

export function isSashSlot(value: string): value is SashSlot {
  return (SASH_SLOTS as readonly string[]).includes(value);
}

/**
 * The slots a priority token names: itself, its alias target, or its aggregate's members.
 * Case-insensitive; anything else (typos, slots from newer upstream builds) → [].
 */
export function resolveSlotToken(token: string): readonly SashSlot[] {
  const name = token.trim().toLowerCase();
  if (isSashSlot(name)) return [name];
  const alias = SLOT_ALIASES.get(name);
  if (alias !== undefined) return [alias];
  return LEGACY_AGGREGATES.get(name) ?? [];
}
