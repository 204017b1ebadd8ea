/**
 * Tolerant zod schemas for TMDB v3 responses. Every field falls back instead of failing, because real
 * responses disagree with each other ("" vs null dates, missing `logos`, no `media_type` on old /find
 * results, integer `popularity`): one odd field must never cost us the whole title.
 */
import { z } from 'zod';

const text = z.string().nullable().catch(null);
const num = z.number().nullable().catch(null);
const count = z.number().catch(0);
/** "" and null both mean absent (quirk 4 of the fixtures README). */
const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((value) => (value ? value : null))
  .catch(null);
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .catch([])
    .default([])
    .transform((items) =>
      items.flatMap((raw) => {
        const parsed = item.safeParse(raw);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );

export const imageSchema = z.object({
  file_path: z.string().min(1),
  width: count,
  height: count,
  iso_639_1: optionalText,
  vote_average: count,
  vote_count: count,
});

export const imagesSchema = z
  .object({ posters: list(imageSchema), backdrops: list(imageSchema), logos: list(imageSchema) })
  .catch({ posters: [], backdrops: [], logos: [] });

const person = z.object({ id: z.number(), name: z.string(), job: text.optional(), order: num.optional() });
const company = z.object({ id: z.number(), name: z.string() });
const episode = z
  .object({ air_date: optionalText, season_number: num, episode_number: num, episode_type: optionalText })
  .nullable()
  .catch(null);

const releaseDateEntry = z.object({
  certification: optionalText,
  release_date: optionalText,
  type: z.number(),
  note: optionalText,
});

export const releaseDatesSchema = z
  .object({
    results: list(z.object({ iso_3166_1: z.string(), release_dates: list(releaseDateEntry) })),
  })
  .catch({ results: [] });

export const contentRatingsSchema = z
  .object({ results: list(z.object({ iso_3166_1: z.string(), rating: optionalText })) })
  .catch({ results: [] });

const keywordsSchema = z
  .object({
    keywords: list(z.object({ name: z.string() })).optional(),
    results: list(z.object({ name: z.string() })).optional(),
  })
  .catch({});

export const externalIdsSchema = z
  .object({ imdb_id: optionalText, tvdb_id: num.optional() })
  .catch({ imdb_id: null });

export const detailsSchema = z.object({
  id: z.number(),
  title: optionalText,
  name: optionalText,
  original_title: optionalText,
  original_name: optionalText,
  original_language: optionalText,
  release_date: optionalText,
  first_air_date: optionalText,
  last_air_date: optionalText,
  status: optionalText,
  runtime: num.optional(),
  episode_run_time: list(z.number()),
  number_of_seasons: num.optional(),
  number_of_episodes: num.optional(),
  genres: list(z.object({ id: z.number(), name: z.string() })),
  poster_path: optionalText,
  backdrop_path: optionalText,
  vote_average: count,
  vote_count: count,
  imdb_id: optionalText,
  production_companies: list(company),
  networks: list(company),
  seasons: list(z.object({ season_number: z.number(), episode_count: num, air_date: optionalText })),
  next_episode_to_air: episode.optional(),
  last_episode_to_air: episode.optional(),
  images: imagesSchema.optional(),
  credits: z
    .object({ cast: list(person), crew: list(person) })
    .catch({ cast: [], crew: [] })
    .optional(),
  external_ids: externalIdsSchema.optional(),
  release_dates: releaseDatesSchema.optional(),
  content_ratings: contentRatingsSchema.optional(),
  keywords: keywordsSchema.optional(),
});

const findResult = z.object({ id: z.number(), media_type: optionalText });
export const findSchema = z.object({
  movie_results: list(findResult),
  tv_results: list(findResult),
});

export const pagedResultsSchema = z.object({
  page: count,
  total_pages: count,
  total_results: count,
  results: list(z.record(z.string(), z.unknown()).and(z.object({ id: z.number() }))),
});

/** A string with something in it, as sent; blank, null, absent or not a string → null. */
const nonBlank = z
  .string()
  .refine((value) => value.trim() !== '')
  .nullable()
  .catch(null);

/**
 * One search/multi row the title picker can use: a movie or a series with a positive integer id.
 * People, collections and rows without those two are dropped by `list`; every other field is optional
 * and tolerant ("" and null dates, null poster paths, older bodies without `original_name`).
 */
const searchRow = z.object({
  id: z.number().refine((id) => Number.isSafeInteger(id) && id > 0),
  media_type: z.enum(['movie', 'tv']),
  title: nonBlank,
  name: nonBlank,
  original_title: nonBlank,
  original_name: nonBlank,
  release_date: nonBlank,
  first_air_date: nonBlank,
  poster_path: nonBlank,
});
export type TmdbSearchRow = z.output<typeof searchRow>;

/** search/multi; anything that is not a result list reads as no results. */
export const searchMultiSchema = z.object({ results: list(searchRow) }).catch({ results: [] });
