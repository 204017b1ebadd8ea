/**
 * TMDB v3 client: one details call per title (images, credits, external ids, release dates or content
 * ratings and keywords appended), /find for IMDb and TVDB ids, trending, search and images.
 * Returns normalised values; 404 → null; other failures throw UpstreamError (the facts layer decides
 * whether to serve stale values).
 */
import type { MediaType } from '../domain/facts.ts';
import { UpstreamError } from './errors.ts';
import type { UpstreamHttp } from './http.ts';
import {
  detailsSchema,
  externalIdsSchema,
  findSchema,
  imagesSchema,
  pagedResultsSchema,
} from './tmdbSchemas.ts';

export interface TmdbImage {
  filePath: string;
  width: number;
  height: number;
  /** null = no text in the image (textless). */
  language: string | null;
  voteAverage: number;
  voteCount: number;
}

export interface TmdbEpisode {
  airDate: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  episodeType: string | null;
}

export interface TmdbReleaseDate {
  country: string;
  /** 1 premiere, 2 limited theatrical, 3 theatrical, 4 digital, 5 physical, 6 TV. */
  type: number;
  date: string | null;
  certification: string | null;
}

export interface TmdbTitle {
  mediaType: MediaType;
  tmdbId: string;
  imdbId: string | null;
  tvdbId: number | null;
  title: string;
  originalTitle: string | null;
  originalLanguage: string | null;
  /** release_date (movie) or first_air_date (tv). */
  releaseDate: string | null;
  lastAirDate: string | null;
  status: string | null;
  runtime: number | null;
  seasons: number | null;
  episodes: number | null;
  genreIds: number[];
  posterPath: string | null;
  backdropPath: string | null;
  voteAverage: number;
  voteCount: number;
  posters: TmdbImage[];
  backdrops: TmdbImage[];
  logos: TmdbImage[];
  directors: string[];
  /** Top-billed cast, at most 10. */
  cast: string[];
  companies: { id: number; name: string }[];
  networks: { id: number; name: string }[];
  nextEpisode: TmdbEpisode | null;
  lastEpisode: TmdbEpisode | null;
  /** TV seasons (specials included as season 0, as TMDB lists them). */
  seasonList: { seasonNumber: number; episodeCount: number | null; airDate: string | null }[];
  releaseDates: TmdbReleaseDate[];
  contentRatings: { country: string; rating: string }[];
  keywords: string[];
}

export interface TmdbClientOptions {
  http: UpstreamHttp;
  apiBase: string;
  imageBase: string;
  apiKey: string;
}

export interface CallOptions {
  /** A caller's own key (the `tmdb_key` parameter) instead of the server's. */
  apiKey?: string;
  signal?: AbortSignal;
}

const tmdbPath = (mediaType: MediaType) => (mediaType === 'movie' ? 'movie' : 'tv');

function normaliseImage(image: {
  file_path: string;
  width: number;
  height: number;
  iso_639_1: string | null;
  vote_average: number;
  vote_count: number;
}): TmdbImage {
  return {
    filePath: image.file_path,
    width: image.width,
    height: image.height,
    language: image.iso_639_1,
    voteAverage: image.vote_average,
    voteCount: image.vote_count,
  };
}

export function normaliseTitle(mediaType: MediaType, raw: unknown): TmdbTitle | null {
  const parsed = detailsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const d = parsed.data;
  const episode = (e: typeof d.next_episode_to_air) =>
    e
      ? {
          airDate: e.air_date,
          seasonNumber: e.season_number,
          episodeNumber: e.episode_number,
          episodeType: e.episode_type,
        }
      : null;
  const keywordList = d.keywords?.keywords ?? d.keywords?.results ?? [];
  return {
    mediaType,
    tmdbId: String(d.id),
    imdbId: d.imdb_id ?? d.external_ids?.imdb_id ?? null,
    tvdbId: d.external_ids?.tvdb_id ?? null,
    title: d.title ?? d.name ?? d.original_title ?? d.original_name ?? '',
    originalTitle: d.original_title ?? d.original_name ?? null,
    originalLanguage: d.original_language,
    releaseDate: d.release_date ?? d.first_air_date ?? null,
    lastAirDate: d.last_air_date,
    status: d.status,
    runtime: d.runtime ?? d.episode_run_time[0] ?? null,
    seasons: d.number_of_seasons ?? null,
    episodes: d.number_of_episodes ?? null,
    genreIds: d.genres.map((g) => g.id),
    posterPath: d.poster_path,
    backdropPath: d.backdrop_path,
    voteAverage: d.vote_average,
    voteCount: d.vote_count,
    posters: (d.images?.posters ?? []).map(normaliseImage),
    backdrops: (d.images?.backdrops ?? []).map(normaliseImage),
    logos: (d.images?.logos ?? []).map(normaliseImage),
    directors: (d.credits?.crew ?? []).filter((p) => p.job === 'Director').map((p) => p.name),
    cast: [...(d.credits?.cast ?? [])]
      .sort((a, b) => (a.order ?? 999) - (b.order ?? 999))
      .slice(0, 10)
      .map((p) => p.name),
    companies: d.production_companies,
    networks: d.networks,
    nextEpisode: episode(d.next_episode_to_air),
    lastEpisode: episode(d.last_episode_to_air),
    seasonList: d.seasons.map((season) => ({
      seasonNumber: season.season_number,
      episodeCount: season.episode_count,
      airDate: season.air_date,
    })),
    releaseDates: (d.release_dates?.results ?? []).flatMap((country) =>
      country.release_dates.map((r) => ({
        country: country.iso_3166_1,
        type: r.type,
        date: r.release_date,
        certification: r.certification,
      })),
    ),
    contentRatings: (d.content_ratings?.results ?? []).flatMap((r) =>
      r.rating ? [{ country: r.iso_3166_1, rating: r.rating }] : [],
    ),
    keywords: keywordList.map((k) => k.name),
  };
}

/** Which bucket of a /find answer to trust when several are filled (the TVDB id collision quirk). */
export function pickFindResult(
  raw: unknown,
  preferred?: MediaType,
): { mediaType: MediaType; tmdbId: string } | null {
  const parsed = findSchema.safeParse(raw);
  if (!parsed.success) return null;
  const movie = parsed.data.movie_results[0];
  const tv = parsed.data.tv_results[0];
  if (preferred === 'tv' && tv) return { mediaType: 'tv', tmdbId: String(tv.id) };
  if (movie) return { mediaType: 'movie', tmdbId: String(movie.id) };
  if (tv) return { mediaType: 'tv', tmdbId: String(tv.id) };
  return null;
}

export function createTmdbClient(options: TmdbClientOptions) {
  const { http } = options;

  async function getJson(
    path: string,
    params: Record<string, string>,
    call: CallOptions = {},
  ): Promise<unknown | null> {
    const url = new URL(`${options.apiBase}${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set('api_key', call.apiKey || options.apiKey);
    const response = await http.get('tmdb', url.toString(), { signal: call.signal });
    if (response.status === 404) return null;
    if (response.status !== 200) throw new UpstreamError('tmdb', 'status', path, response.status);
    try {
      return JSON.parse(response.body.toString('utf8')) as unknown;
    } catch {
      throw new UpstreamError('tmdb', 'status', path, response.status);
    }
  }

  return {
    imageUrl(path: string | null, size: string): string | null {
      return path ? `${options.imageBase}/${size}${path.startsWith('/') ? '' : '/'}${path}` : null;
    },

    async find(imdbId: string, call?: CallOptions) {
      return pickFindResult(await getJson(`/find/${imdbId}`, { external_source: 'imdb_id' }, call));
    },

    async findByTvdb(tvdbId: string, call?: CallOptions) {
      return pickFindResult(await getJson(`/find/${tvdbId}`, { external_source: 'tvdb_id' }, call), 'tv');
    },

    /**
     * Details with everything the poster needs appended. `imageLanguages` are the logo/poster languages
     * to include besides language-neutral ones (null).
     */
    async title(mediaType: MediaType, tmdbId: string, imageLanguages: string[], call?: CallOptions) {
      const append = [
        'images',
        'credits',
        'external_ids',
        'keywords',
        mediaType === 'movie' ? 'release_dates' : 'content_ratings',
      ];
      const languages = ['null', ...new Set(imageLanguages.map((l) => l.toLowerCase().split('-')[0]))];
      const raw = await getJson(
        `/${tmdbPath(mediaType)}/${tmdbId}`,
        { append_to_response: append.join(','), include_image_language: languages.join(',') },
        call,
      );
      return raw === null ? null : normaliseTitle(mediaType, raw);
    },

    /**
     * The logos in one language (a supplemental images call for the original language: the
     * details request cannot ask for a language it does not know yet). [] when TMDB has none.
     */
    async logos(mediaType: MediaType, tmdbId: string, language: string, call?: CallOptions) {
      const raw = await getJson(
        `/${tmdbPath(mediaType)}/${tmdbId}/images`,
        { include_image_language: language },
        call,
      );
      const parsed = imagesSchema.safeParse(raw ?? {});
      return parsed.success ? parsed.data.logos.map(normaliseImage) : [];
    },

    async externalIds(mediaType: MediaType, tmdbId: string, call?: CallOptions) {
      const raw = await getJson(`/${tmdbPath(mediaType)}/${tmdbId}/external_ids`, {}, call);
      return raw === null ? null : externalIdsSchema.parse(raw);
    },

    /** TMDB ids in rank order (rank = index + 1) over the first `pages` pages of the day list. */
    async trending(mediaType: MediaType, pages = 5, call?: CallOptions): Promise<string[]> {
      const lists = await Promise.all(
        Array.from({ length: pages }, (_, i) =>
          getJson(`/trending/${tmdbPath(mediaType)}/day`, { page: String(i + 1) }, call),
        ),
      );
      return lists.flatMap((raw) => {
        const parsed = pagedResultsSchema.safeParse(raw);
        return parsed.success ? parsed.data.results.map((r) => String(r.id)) : [];
      });
    },

    /** The raw search/multi answer (the /search route proxies it). */
    async searchMulti(query: string, call?: CallOptions) {
      return getJson('/search/multi', { query, include_adult: 'false', page: '1' }, call);
    },

    /** Image bytes, or null when the CDN has no such file. */
    async image(url: string, signal?: AbortSignal): Promise<Buffer | null> {
      const response = await http.get('tmdb_images', url, { kind: 'image', signal });
      if (response.status === 404) return null;
      if (response.status !== 200)
        throw new UpstreamError('tmdb_images', 'status', new URL(url).pathname, response.status);
      return response.body;
    },
  };
}

export type TmdbClient = ReturnType<typeof createTmdbClient>;
