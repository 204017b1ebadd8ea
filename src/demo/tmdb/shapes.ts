/**
 * Builders of TMDB v3 JSON bodies from catalogue records. Field sets, order and types follow the recorded
 * responses in test/fixtures/upstream/tmdb (e.g. movie_550_details_fight_club.json).
 */
import type {
  CastData,
  CatalogueTitle,
  CompanyData,
  CrewData,
  EpisodeData,
  ReleaseData,
} from '../catalogueTypes.ts';
import { resolveDate, resolveOptionalDate } from '../clock.ts';
import { COUNTRY_NAMES, genreName, LANGUAGE_NAMES } from '../genres.ts';
import { hash32, seededRandom, stableId } from '../hash.ts';
import { type ArtAsset, publicImdbId, type Registry } from '../registry.ts';

export interface ShapeContext {
  registry: Registry;
  now: Date;
  /** First two letters of the `language` query parameter, if any. */
  language: string | null;
  /** Languages of images to keep ('null' = language-neutral); null keeps everything. */
  imageLanguages: Set<string> | null;
}

type Json = Record<string, unknown>;

/** The image filter TMDB applies: include_image_language (comma list, 'null' allowed) plus `language`. */
export function imageLanguageFilter(query: URLSearchParams): Set<string> | null {
  const set = new Set<string>();
  for (const part of (query.get('include_image_language') ?? '').split(',')) {
    const value = part.trim().toLowerCase();
    if (value) set.add(value === 'null' ? 'null' : value.slice(0, 2));
  }
  const language = query.get('language')?.trim().toLowerCase();
  if (language) set.add(language.slice(0, 2));
  return set.size > 0 ? set : null;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function creditId(seed: string): string {
  const random = seededRandom(`credit:${seed}`);
  let out = '';
  for (let i = 0; i < 24; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

function personId(name: string): number {
  return stableId(`person:${name}`, 1000, 4_000_000);
}

export function keywordId(name: string): number {
  return stableId(`keyword:${name}`, 100, 300_000);
}

function imageItem(asset: ArtAsset): Json {
  const [average, count] = asset.data.votes ?? [0, 0];
  return {
    aspect_ratio: round(asset.width / asset.height, 3),
    height: asset.height,
    iso_639_1: asset.data.lang,
    file_path: asset.file,
    vote_average: average,
    vote_count: count,
    width: asset.width,
  };
}

function keepImage(asset: ArtAsset, filter: Set<string> | null): boolean {
  return filter === null || filter.has(asset.data.lang ?? 'null');
}

function bestBy(assets: ArtAsset[], accept: (asset: ArtAsset) => boolean): ArtAsset | undefined {
  let best: ArtAsset | undefined;
  for (const asset of assets) {
    if (!accept(asset)) continue;
    const [average, count] = asset.data.votes ?? [0, 0];
    const [bestAverage, bestCount] = best?.data.votes ?? [-1, -1];
    if (best === undefined || average > bestAverage || (average === bestAverage && count > bestCount))
      best = asset;
  }
  return best;
}

/** poster_path: the best poster in the request language, else English, else language-neutral, else any. */
export function primaryPoster(
  title: CatalogueTitle,
  ctx: Pick<ShapeContext, 'registry' | 'language'>,
): string | null {
  const posters = ctx.registry.art(title).posters;
  const order: (string | null)[] =
    ctx.language && ctx.language !== 'en' ? [ctx.language, 'en', null] : ['en', null];
  for (const lang of order) {
    const hit = bestBy(posters, (asset) => asset.data.lang === lang);
    if (hit) return hit.file;
  }
  return bestBy(posters, () => true)?.file ?? null;
}

/** backdrop_path: the best language-neutral backdrop, else any. */
export function primaryBackdrop(title: CatalogueTitle, registry: Registry): string | null {
  const backdrops = registry.art(title).backdrops;
  return (
    (bestBy(backdrops, (asset) => asset.data.lang === null) ?? bestBy(backdrops, () => true))?.file ?? null
  );
}

function company(registry: Registry, data: CompanyData): Json {
  return {
    id: data.id,
    logo_path: registry.companyLogo(data),
    name: data.name,
    origin_country: data.country,
  };
}

function genres(title: CatalogueTitle): Json[] {
  return title.genres.map((id) => ({ id, name: genreName(id) }));
}

function spokenLanguages(title: CatalogueTitle): Json[] {
  return title.spokenLanguages.map((code) => {
    const [english, native] = LANGUAGE_NAMES[code] ?? [code, code];
    return { english_name: english, iso_639_1: code, name: native };
  });
}

function productionCountries(title: CatalogueTitle): Json[] {
  return title.countries.map((code) => ({ iso_3166_1: code, name: COUNTRY_NAMES[code] ?? code }));
}

export function movieDetails(title: CatalogueTitle, ctx: ShapeContext): Json {
  return {
    adult: false,
    backdrop_path: primaryBackdrop(title, ctx.registry),
    belongs_to_collection: null,
    budget: title.budget ?? 0,
    genres: genres(title),
    homepage: title.homepage,
    id: title.tmdbId,
    imdb_id: publicImdbId(title),
    original_language: title.originalLanguage,
    original_title: title.originalTitle,
    overview: title.overview,
    popularity: title.popularity,
    poster_path: primaryPoster(title, ctx),
    production_companies: title.companies.map((c) => company(ctx.registry, c)),
    production_countries: productionCountries(title),
    release_date: resolveDate(title.date, ctx.now),
    revenue: title.revenue ?? 0,
    runtime: title.runtime,
    spoken_languages: spokenLanguages(title),
    status: title.status,
    tagline: title.tagline,
    title: title.title,
    video: false,
    vote_average: title.voteAverage,
    vote_count: title.voteCount,
  };
}

function episode(title: CatalogueTitle, data: EpisodeData, ctx: ShapeContext, still: string | null): Json {
  const seed = `${title.tmdbId}:${data.season}x${data.episode}`;
  const random = seededRandom(`episode:${seed}`);
  const aired = resolveDate(data.date, ctx.now) <= ctx.now.toISOString().slice(0, 10);
  return {
    id: stableId(`episode:${seed}`, 60_000, 5_000_000),
    name: data.name,
    overview: aired ? `Episode ${data.episode} of season ${data.season}.` : '',
    vote_average: aired ? round(6.5 + random() * 3, 3) : 0,
    vote_count: aired ? Math.floor(20 + random() * 300) : 0,
    air_date: resolveDate(data.date, ctx.now),
    episode_number: data.episode,
    episode_type: data.episodeType ?? 'standard',
    production_code: '',
    runtime: data.runtime ?? null,
    season_number: data.season,
    show_id: title.tmdbId,
    still_path: still,
  };
}

export function tvDetails(title: CatalogueTitle, ctx: ShapeContext): Json {
  const tv = title.tv;
  if (!tv) throw new Error(`not a tv title: ${title.tmdbId}`);
  const art = ctx.registry.art(title);
  const regular = tv.seasons.filter((season) => season.number > 0);
  return {
    adult: false,
    backdrop_path: primaryBackdrop(title, ctx.registry),
    created_by: tv.createdBy.map((name) => ({
      id: personId(name),
      credit_id: creditId(`${title.tmdbId}:creator:${name}`),
      name,
      gender: 2,
      profile_path: null,
    })),
    episode_run_time: [],
    first_air_date: resolveDate(title.date, ctx.now),
    genres: genres(title),
    homepage: title.homepage,
    id: title.tmdbId,
    in_production: tv.inProduction,
    languages: [title.originalLanguage],
    last_air_date: resolveOptionalDate(tv.lastAirDate, ctx.now),
    last_episode_to_air: tv.lastEpisode
      ? episode(title, tv.lastEpisode, ctx, art.lastEpisodeStill?.file ?? null)
      : null,
    name: title.title,
    next_episode_to_air: tv.nextEpisode ? episode(title, tv.nextEpisode, ctx, null) : null,
    networks: tv.networks.map((c) => company(ctx.registry, c)),
    number_of_episodes: regular.reduce((sum, season) => sum + season.episodes, 0),
    number_of_seasons: regular.length,
    origin_country: title.countries.slice(-1),
    original_language: title.originalLanguage,
    original_name: title.originalTitle,
    overview: title.overview,
    popularity: title.popularity,
    poster_path: primaryPoster(title, ctx),
    production_companies: title.companies.map((c) => company(ctx.registry, c)),
    production_countries: productionCountries(title),
    seasons: tv.seasons.map((season) => {
      const random = seededRandom(`season:${title.tmdbId}:${season.number}`);
      const airDate = resolveOptionalDate(season.date, ctx.now);
      const aired = airDate !== null && airDate <= ctx.now.toISOString().slice(0, 10);
      return {
        air_date: airDate,
        episode_count: season.episodes,
        id: stableId(`season:${title.tmdbId}:${season.number}`, 3000, 400_000),
        name: season.number === 0 ? 'Specials' : `Season ${season.number}`,
        overview: '',
        poster_path: art.seasonPosters.get(season.number)?.file ?? null,
        season_number: season.number,
        vote_average: aired && season.number > 0 ? round(7 + random() * 2, 1) : 0,
      };
    }),
    spoken_languages: spokenLanguages(title),
    status: title.status,
    tagline: title.tagline,
    type: tv.type,
    vote_average: title.voteAverage,
    vote_count: title.voteCount,
  };
}

/** `{backdrops, id, logos, posters}`; appended form drops `id`. A null logo set omits the key (2017 shape). */
export function images(title: CatalogueTitle, ctx: ShapeContext, withId: boolean): Json {
  const art = ctx.registry.art(title);
  const pick = (assets: ArtAsset[]) =>
    assets.filter((asset) => keepImage(asset, ctx.imageLanguages)).map(imageItem);
  const body: Json = { backdrops: pick(art.backdrops) };
  if (withId) body.id = title.tmdbId;
  if (art.logos !== null) body.logos = pick(art.logos);
  body.posters = pick(art.posters);
  return body;
}

function castItem(title: CatalogueTitle, data: CastData, order: number): Json {
  const id = personId(data.name);
  return {
    adult: false,
    gender: data.gender ?? 0,
    id,
    known_for_department: 'Acting',
    name: data.name,
    original_name: data.name,
    popularity: round(1 + (hash32(data.name) % 6000) / 100, 3),
    profile_path: null,
    character: data.character,
    credit_id: creditId(`${title.tmdbId}:cast:${data.name}`),
    order,
  };
}

function crewItem(title: CatalogueTitle, data: CrewData): Json {
  return {
    adult: false,
    gender: data.gender ?? 0,
    id: personId(data.name),
    known_for_department: data.department,
    name: data.name,
    original_name: data.name,
    popularity: round(0.6 + (hash32(data.name) % 3000) / 100, 3),
    profile_path: null,
    credit_id: creditId(`${title.tmdbId}:crew:${data.name}:${data.job}`),
    department: data.department,
    job: data.job,
  };
}

export function credits(title: CatalogueTitle, withId: boolean): Json {
  const body: Json = withId ? { id: title.tmdbId } : {};
  body.cast = title.cast.map((data, order) => castItem(title, data, order));
  body.crew = title.crew.map((data) => crewItem(title, data));
  return body;
}

export function externalIds(title: CatalogueTitle, withId: boolean): Json {
  const head: Json = withId ? { id: title.tmdbId } : {};
  const imdb = publicImdbId(title);
  if (title.kind === 'movie') {
    return {
      ...head,
      imdb_id: imdb,
      wikidata_id: null,
      facebook_id: null,
      instagram_id: null,
      twitter_id: null,
    };
  }
  return {
    ...head,
    imdb_id: imdb,
    freebase_mid: null,
    freebase_id: null,
    tvdb_id: title.tvdbId ?? null,
    tvrage_id: null,
    wikidata_id: null,
    facebook_id: null,
    instagram_id: null,
    twitter_id: null,
  };
}

function releaseItem(data: ReleaseData, now: Date): Json {
  return {
    certification: data.certification ?? '',
    descriptors: [],
    iso_639_1: '',
    note: data.note ?? '',
    release_date: `${resolveDate(data.date, now)}T00:00:00.000Z`,
    type: data.type,
  };
}

export function releaseDates(title: CatalogueTitle, now: Date, withId: boolean): Json {
  const byCountry = new Map<string, ReleaseData[]>();
  for (const release of title.releases ?? []) {
    const list = byCountry.get(release.country) ?? [];
    list.push(release);
    byCountry.set(release.country, list);
  }
  const results = [...byCountry.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, list]) => ({ iso_3166_1: country, release_dates: list.map((r) => releaseItem(r, now)) }));
  return withId ? { id: title.tmdbId, results } : { results };
}

export function contentRatings(title: CatalogueTitle, withId: boolean): Json {
  const results = (title.contentRatings ?? []).map(([country, rating]) => ({
    descriptors: [],
    iso_3166_1: country,
    rating,
  }));
  return withId ? { results, id: title.tmdbId } : { results };
}

export function keywords(title: CatalogueTitle, withId: boolean): Json {
  const list = title.keywords.map((name) => ({ id: keywordId(name), name }));
  const key = title.kind === 'movie' ? 'keywords' : 'results';
  return withId ? { id: title.tmdbId, [key]: list } : { [key]: list };
}

/** A result item of trending / search / find / popular lists. */
export function listItem(title: CatalogueTitle, ctx: ShapeContext, withMediaType = true): Json {
  const common = {
    adult: false,
    backdrop_path: primaryBackdrop(title, ctx.registry),
    id: title.tmdbId,
  };
  const mediaType = withMediaType ? { media_type: title.kind } : {};
  if (title.kind === 'movie') {
    return {
      ...common,
      title: title.title,
      original_title: title.originalTitle,
      overview: title.overview,
      poster_path: primaryPoster(title, ctx),
      ...mediaType,
      original_language: title.originalLanguage,
      genre_ids: title.genres,
      popularity: title.popularity,
      release_date: resolveDate(title.date, ctx.now),
      video: false,
      vote_average: title.voteAverage,
      vote_count: title.voteCount,
    };
  }
  return {
    ...common,
    name: title.title,
    original_name: title.originalTitle,
    overview: title.overview,
    poster_path: primaryPoster(title, ctx),
    ...mediaType,
    original_language: title.originalLanguage,
    genre_ids: title.genres,
    popularity: title.popularity,
    first_air_date: resolveDate(title.date, ctx.now),
    vote_average: title.voteAverage,
    vote_count: title.voteCount,
    origin_country: title.countries.slice(-1),
  };
}
