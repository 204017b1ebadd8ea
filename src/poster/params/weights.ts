/**
 * The URL syntax of the `*_weights` parameters: `source:weight,…` ⇄ a weights map, and the lenient
 * decoder the parameter table uses (bad entries are dropped and reported, never fatal). What the
 * weights do to the score is src/title/ratings.ts. Pure.
 */
import { RATING_SOURCES, type RatingSource, type WeightMap, type WeightSet } from '../../title/ratings.ts';
import { toNumber } from '../../upstream/json.ts';
import { type Decoded, MAX_ENTRY_NOTES, shown } from './codecs.ts';

/**
 * Which sources each weights parameter accepts, in the order the parameter docs list them; any other
 * source in a value is ignored, not an error. Series take no Letterboxd or Roger Ebert weight, anime
 * series no Metacritic critics' or Roger Ebert weight.
 */
export const WEIGHT_SOURCES = {
  movie: [
    'letterboxd',
    'trakt',
    'tomatoes',
    'popcorn',
    'imdb',
    'metacritic',
    'metacriticuser',
    'tmdb',
    'rogerebert',
    'myanimelist',
    'anilist',
    'kitsu',
  ],
  tv: [
    'trakt',
    'tomatoes',
    'popcorn',
    'imdb',
    'metacritic',
    'metacriticuser',
    'tmdb',
    'myanimelist',
    'anilist',
    'kitsu',
  ],
  animeMovie: [
    'myanimelist',
    'anilist',
    'kitsu',
    'letterboxd',
    'trakt',
    'tomatoes',
    'popcorn',
    'imdb',
    'metacritic',
    'metacriticuser',
    'tmdb',
    'rogerebert',
  ],
  animeTv: [
    'myanimelist',
    'anilist',
    'kitsu',
    'trakt',
    'tomatoes',
    'popcorn',
    'imdb',
    'metacriticuser',
    'tmdb',
    'letterboxd',
  ],
} as const satisfies Record<WeightSet, readonly RatingSource[]>;

function isRatingSource(value: string): value is RatingSource {
  return (RATING_SOURCES as readonly string[]).includes(value);
}

/**
 * A `movie_weights`-style parameter: `source:weight,…`, each weight clamped to 0–1, sources outside
 * `allowed` ignored, a later duplicate wins. Absent, blank or wholly unusable → null ("use the server
 * defaults"); `imdb:0` stays `{imdb: 0}` because zeroing every source is a deliberate "no score".
 */
export function parseWeights(
  raw: string | null | undefined,
  allowed: readonly RatingSource[],
): WeightMap | null {
  if (typeof raw !== 'string') return null;
  const result: WeightMap = {};
  let any = false;
  for (const part of raw.slice(0, 2000).split(',')) {
    const [name, weightText, ...rest] = part.split(':');
    if (name === undefined || weightText === undefined || rest.length > 0) continue;
    const source = name.trim().toLowerCase();
    if (!isRatingSource(source) || !allowed.includes(source)) continue;
    const weight = toNumber(weightText);
    if (weight === null) continue;
    result[source] = Math.min(1, Math.max(0, weight));
    any = true;
  }
  return any ? result : null;
}

/** Writes weights back in the parameter syntax (zero weights dropped; see parseWeights for why one stays). */
export function formatWeights(weights: WeightMap): string {
  const entries = RATING_SOURCES.flatMap((source) => {
    const weight = weights[source];
    return weight !== undefined && weight > 0 ? [`${source}:${Number(weight.toFixed(2))}`] : [];
  });
  if (entries.length > 0) return entries.join(',');
  // All zero: keep one explicit zero, since an empty value would read as "use the server defaults".
  const first = RATING_SOURCES.find((source) => weights[source] !== undefined);
  return first === undefined ? '' : `${first}:0`;
}

/**
 * A weights map in the one spelling formatWeights writes: two decimals, zero weights dropped (a zero
 * weight never counts), an all-zero map kept as its first zero. Equal-effect maps become equal values,
 * so they round-trip through the URL and share a cache key.
 */
export function canonicalWeights(weights: WeightMap, allowed: readonly RatingSource[]): WeightMap | null {
  return parseWeights(formatWeights(weights), allowed);
}

const WEIGHT_NUMBER = /^-?\d+(\.\d+)?$/; // what parseWeights accepts as a weight (toNumber)

/**
 * A weights parameter's value → its canonical map, noting each entry that was ignored (at most five);
 * refused when no entry is usable, so the parameter keeps its default.
 */
export function decodeWeights(raw: string, allowed: readonly RatingSource[]): Decoded<WeightMap | null> {
  const problems: string[] = [];
  for (const part of raw.slice(0, 2000).split(',')) {
    const text = part.trim();
    if (text === '') continue;
    const [source, weight, ...rest] = text.split(':');
    const known = (allowed as readonly string[]).includes(source?.trim().toLowerCase() ?? '');
    if (!known || weight === undefined || !WEIGHT_NUMBER.test(weight.trim()) || rest.length > 0) {
      if (problems.length < MAX_ENTRY_NOTES) problems.push(`entry ${shown(text)} ignored`);
    }
  }
  const parsed = parseWeights(raw, allowed);
  const weights = parsed === null ? null : canonicalWeights(parsed, allowed);
  if (weights === null) return { ok: false, note: ['no usable source:weight pair', ...problems].join('; ') };
  return problems.length > 0
    ? { ok: true, value: weights, note: problems.join('; ') }
    : { ok: true, value: weights };
}
