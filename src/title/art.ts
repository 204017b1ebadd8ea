/**
 * Which TMDB images a poster uses: the textless poster by votes within the score-drop
 * window, the best textless and text-bearing backdrops, and the logo by a language priority.
 * Pure: plain image lists in, choices out.
 */
import type { TmdbImage } from '../upstream/tmdb.ts';

export const LOGO_PRIORITIES = [
  'native_original',
  'original_native',
  'native_if_original_english',
  'native_text',
  'native_custom_text',
  'native_custom_original_text',
] as const;
export type LogoPriority = (typeof LOGO_PRIORITIES)[number];

export interface ArtChoiceOptions {
  /** Prefer textless posters with at least this many votes (TMDB_POSTER_MIN_VOTES). */
  posterMinVotes: number;
  /** …unless that costs more than this much average vote (TMDB_POSTER_MAX_SCORE_DROP). */
  posterMaxScoreDrop: number;
  /** The requested logo / label language ("native"). */
  logoLanguage: string;
  /** The title's original language. */
  originalLanguage: string | null;
  /** Used by the native_custom_* priorities. */
  secondaryLanguage: string | null;
  logoPriority: LogoPriority;
}

export interface ArtChoice {
  /** Textless poster, else TMDB's primary poster (with text); null when there is no poster at all. */
  poster: TmdbImage | { filePath: string; language: string | null } | null;
  posterIsTextless: boolean;
  /** Best language-neutral backdrop: the rescue for a poster with baked-in text. */
  backdrop: TmdbImage | null;
  /** Best language-tagged backdrop. */
  textBackdrop: TmdbImage | null;
  logo: TmdbImage | null;
}

/** Vote average, then vote count, then width: 0 votes are real (quirk 1), so never "missing". */
export function rankImages(images: readonly TmdbImage[]): TmdbImage[] {
  return [...images].sort(
    (a, b) => b.voteAverage - a.voteAverage || b.voteCount - a.voteCount || b.width - a.width,
  );
}

const baseLanguage = (code: string | null | undefined) =>
  code ? (code.toLowerCase().split('-')[0] ?? null) : null;

export function chooseTextlessPoster(
  posters: readonly TmdbImage[],
  minVotes: number,
  maxDrop: number,
): TmdbImage | null {
  const textless = rankImages(posters.filter((p) => p.language === null));
  const best = textless[0];
  if (!best) return null;
  const voted = textless.find((p) => p.voteCount >= minVotes);
  // A well-voted poster wins unless it rates clearly worse than the best one overall.
  return voted && voted.voteAverage >= best.voteAverage - maxDrop ? voted : best;
}

/**
 * Priorities that fall back through English and then Metahub before drawing the title (the default
 * chain: requested → original → English → Metahub by IMDb id → text). The `*_text`
 * priorities and native_if_original_english name their own last resort, so they stop where they say.
 */
const FULL_CHAIN: ReadonlySet<LogoPriority> = new Set<LogoPriority>(['native_original', 'original_native']);

/** Whether a priority goes on to Metahub when no TMDB logo matched. */
export function logoReachesMetahub(priority: LogoPriority): boolean {
  return FULL_CHAIN.has(priority);
}

/** The ordered list of TMDB logo languages to try; after them comes Metahub (see above) or the text. */
export function logoLanguageOrder(
  options: Pick<ArtChoiceOptions, 'logoLanguage' | 'originalLanguage' | 'secondaryLanguage' | 'logoPriority'>,
): string[] {
  const native = baseLanguage(options.logoLanguage) ?? 'en';
  const original = baseLanguage(options.originalLanguage);
  const secondary = baseLanguage(options.secondaryLanguage);
  const order: (string | null)[] = (() => {
    switch (options.logoPriority) {
      case 'original_native':
        return [original, native];
      case 'native_if_original_english':
        return [native, original === 'en' ? 'en' : null];
      case 'native_text':
        return [native];
      case 'native_custom_text':
        return [native, secondary];
      case 'native_custom_original_text':
        return [native, secondary, original];
      default:
        return [native, original];
    }
  })();
  if (FULL_CHAIN.has(options.logoPriority)) order.push('en');
  return [...new Set(order.filter((l): l is string => l !== null))];
}

export function chooseLogo(logos: readonly TmdbImage[], languages: readonly string[]): TmdbImage | null {
  for (const language of languages) {
    const match = rankImages(logos.filter((l) => baseLanguage(l.language) === language))[0];
    if (match) return match;
  }
  return null;
}

/**
 * Original-art mode (`use_original_art`): the poster with its own title, as the studio
 * made it. `primary` is TMDB's main poster unless the wanted language is not English, then the best poster
 * in that language; `top_rated` is the best-voted poster in language order. Null when neither exists.
 */
export function chooseOriginalPoster(
  posters: readonly TmdbImage[],
  posterPath: string | null,
  languages: readonly string[],
  source: 'primary' | 'top_rated',
): TmdbImage | { filePath: string; language: string | null } | null {
  const inLanguage = (language: string) =>
    rankImages(posters.filter((p) => baseLanguage(p.language) === language))[0];
  if (source === 'primary' && posterPath && (languages[0] ?? 'en') === 'en')
    return { filePath: posterPath, language: 'en' };
  for (const language of languages) {
    const match = inLanguage(language);
    if (match) return match;
  }
  return posterPath ? { filePath: posterPath, language: null } : null;
}

export function chooseArt(
  images: {
    posters: readonly TmdbImage[];
    backdrops: readonly TmdbImage[];
    logos: readonly TmdbImage[];
    posterPath: string | null;
  },
  options: ArtChoiceOptions,
): ArtChoice {
  const textless = chooseTextlessPoster(images.posters, options.posterMinVotes, options.posterMaxScoreDrop);
  const primary = images.posterPath ? { filePath: images.posterPath, language: 'xx' } : null;
  return {
    poster: textless ?? primary,
    posterIsTextless: textless !== null,
    backdrop: rankImages(images.backdrops.filter((b) => b.language === null))[0] ?? null,
    textBackdrop: rankImages(images.backdrops.filter((b) => b.language !== null))[0] ?? null,
    logo: chooseLogo(images.logos, logoLanguageOrder(options)),
  };
}
