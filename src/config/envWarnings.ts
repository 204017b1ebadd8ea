/**
 * Boot-time warnings about the environment, one line per variable (pure: env in, lines out; values are
 * never quoted, so no secret can reach the log).
 *
 * An env file written for the Python service (elfhosted/PostersPlus) keeps working: its names with the
 * same meaning are aliases in the config schema, and this module says which to rename. Its names that do
 * not apply here are named as ignored, and a variable that merely looks like ours (a known prefix, or
 * within a small edit distance of a known name) gets "did you mean …".
 */
import { CONFIG_SCHEMA } from './schema.ts';
import type { VarSpec } from './vars.ts';

/** Python-service variables that no longer apply, with why (nothing to rename them to). */
export const IGNORED_PYTHON_NAMES: Readonly<Record<string, string>> = {
  PROMETHEUS_MULTIPROC_DIR: 'metrics are aggregated across WORKERS without it',
};

/** Python-service variables Posters+ has no setting for: read by nothing here. */
export const UNSUPPORTED_PYTHON_NAMES: readonly string[] = [
  'TVDB_API_KEY',
  'TVDB_SUBSCRIBER_PIN',
  'TVDB_API_BASE',
  'TVDB_USE_LOGOS',
  'TVDB_USE_BACKDROPS',
  'TVDB_USE_POSTERS',
  'TVDB_LOGO_PRIORITY',
  'TVDB_CONCURRENCY',
  'TVDB_ARTWORK_CACHE_DURATION',
  'TVDB_NEG_CACHE_DURATION',
  'TVDB_TYPES_CACHE_DURATION',
  'QUALICACHE_URL',
  'QUALICACHE_API_KEY',
  'QUALICACHE_MIN_TRUST',
  'ANIME_SOURCES_ENABLED',
  'ANIME_COMPOSITE_LOGO',
  'ANILIST_CONCURRENCY',
  'KITSU_CONCURRENCY',
  'ANILIST_API_URL',
  'KITSU_API_BASE',
  'ANIME_METADATA_CACHE_DURATION',
  'ANIME_NEG_CACHE_DURATION',
  'DEFAULT_LOGO_LANGUAGE',
  'TMDB_LANGUAGE',
  'POSTER_RESOLVE_IMDB',
  'TMDB_IMAGE_CACHE_JITTER_DAYS',
  'TRENDING_FETCH_TIME',
  'TRENDING_FETCH_TIMEZONE',
  'TRENDING_SOURCE_MOVIE',
  'TRENDING_SOURCE_TV',
  'TRENDING_SOURCE_MAX_ITEMS',
  'IMDB_DATASET_ENABLED',
  'IMDB_DATASET_PATH',
  'IMDB_DATASET_REFRESH_HOURS',
  'IMDB_DATASET_MIN_VOTES',
  'CACHE_WARM_ENABLED',
  'CACHE_WARM_TMDB_BUDGET',
  'CACHE_WARM_MDBLIST_BUDGET',
  'CACHE_WARM_MDBLIST_RESERVE',
  'CACHE_WARM_INTERVAL_HOURS',
  'CACHE_WARM_AT_HOUR',
  'CACHE_WARM_QUALITY_ENABLED',
  'CACHE_WARM_CATALOG_URLS',
  'CACHE_WARM_CATALOG_MAX_ITEMS',
  'LOGO_CONTRAST_RESCUE',
  'DEBUG_LOGO_SIZING',
  'LOGO_STRETCH_DISABLED',
  'LOGO_STRETCH_FACTOR',
  'TEXTLESS_TEXT_DETECTION',
  'TEXTLESS_DETECTION_MAX_VOTES',
  'TEXTLESS_DETECTION_CONCURRENCY',
  'TEXTLESS_FAKE_REPORT',
  'TEXTLESS_FAKE_REPORT_PATH',
  'PPOCR_BOX_THRESHOLD',
];

const specs = () => Object.entries(CONFIG_SCHEMA) as [string, VarSpec<unknown>][];

/** Every name this service knows: its variables, their aliases, and the Python names it recognises. */
function knownNames(): { ours: string[]; aliases: Map<string, { target: string; note: string }> } {
  const aliases = new Map<string, { target: string; note: string }>();
  for (const [name, spec] of specs()) {
    for (const alias of spec.aliases ?? []) aliases.set(alias.name, { target: name, note: alias.note });
  }
  return { ours: specs().map(([name]) => name), aliases };
}

/** Levenshtein distance (names are short: the plain O(n·m) table is fine). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How far a typo may be from a name of this length and still count as one. */
const tolerance = (length: number) => (length <= 6 ? 1 : length <= 14 ? 2 : 3);

/** The boot warnings for `env`, one line each, sorted by variable name. */
export function configWarnings(env: NodeJS.ProcessEnv): string[] {
  const { ours, aliases } = knownNames();
  const oursSet = new Set(ours);
  const unsupported = new Set(UNSUPPORTED_PYTHON_NAMES);
  // Prefixes that mark a name as ours (TMDB_, MDBLIST_, RENDER_ …), from the multi-word names we know.
  const prefixes = new Set(
    [...ours, ...aliases.keys(), ...unsupported]
      .filter((name) => name.includes('_'))
      .map((name) => `${name.split('_')[0]}_`),
  );
  const candidates = [...ours];
  const warnings: [string, string][] = [];
  for (const name of Object.keys(env).sort()) {
    if (oursSet.has(name) || env[name] === undefined) continue;
    const alias = aliases.get(name);
    if (alias) {
      const target = env[alias.target];
      warnings.push([
        name,
        target !== undefined && target.trim() !== ''
          ? `${name} (${alias.note}) is ignored because ${alias.target} is also set: remove ${name}`
          : `${name} is ${alias.note}: read as ${alias.target}; rename it to ${alias.target}`,
      ]);
      continue;
    }
    const ignored = IGNORED_PYTHON_NAMES[name];
    if (ignored) {
      warnings.push([name, `${name} is ignored: ${ignored}`]);
      continue;
    }
    if (unsupported.has(name)) {
      warnings.push([
        name,
        `${name} is a setting of the Python service that Posters+ does not have: ignored (docs/HOSTING.md, "Moving from the Python service")`,
      ]);
      continue;
    }
    let best: { name: string; distance: number } | null = null;
    for (const candidate of candidates) {
      const distance = editDistance(name, candidate);
      if (!best || distance < best.distance) best = { name: candidate, distance };
    }
    const close = best !== null && best.distance <= tolerance(name.length);
    const looksOurs = name.includes('_') && prefixes.has(`${name.split('_')[0]}_`);
    if (close && best) {
      warnings.push([name, `${name} is not a Posters+ setting: did you mean ${best.name}?`]);
    } else if (looksOurs) {
      warnings.push([name, `${name} is not a Posters+ setting: ignored (every setting is in .env.example)`]);
    }
  }
  return warnings.map(([, line]) => line);
}
