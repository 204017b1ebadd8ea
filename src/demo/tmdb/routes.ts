/**
 * TMDB v3 routes, mounted at `/tmdb/3`: find, details with append_to_response, images, release dates,
 * content ratings, external ids, keywords, credits, trending, search and the warm-up lists.
 */
import { TRENDING, TVDB_COLLISION_EPISODE } from '../catalogue.ts';
import type { CatalogueTitle, MediaKind } from '../catalogueTypes.ts';
import { resolveDate } from '../clock.ts';
import { GENRE_NAMES } from '../genres.ts';
import { headerValue, intParam, json, numericId, type Reply, type RouteRequest } from '../http.ts';
import { registry as defaultRegistry, type Registry } from '../registry.ts';
import {
  contentRatings,
  credits,
  externalIds,
  imageLanguageFilter,
  images,
  keywords,
  listItem,
  movieDetails,
  releaseDates,
  type ShapeContext,
  tvDetails,
} from './shapes.ts';

const PAGE_SIZE = 20;

export function tmdbError(status: number, code: number, message: string): Reply {
  return json(status, { success: false, status_code: code, status_message: message });
}

const UNAUTHORIZED = () =>
  json(401, {
    status_code: 7,
    status_message: 'Invalid API key: You must be granted a valid key.',
    success: false,
  });
const NOT_FOUND = () => tmdbError(404, 34, 'The resource you requested could not be found.');
const INVALID_PAGE = () =>
  tmdbError(400, 22, 'Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.');
const INVALID_PARAMS = () => tmdbError(400, 5, 'Invalid parameters: Your request parameters are incorrect.');

/** Any non-empty key is valid, except the literal 'invalid' (to exercise key errors). */
function authorized(request: RouteRequest): boolean {
  const key = request.query.get('api_key')?.trim();
  if (key) return key.toLowerCase() !== 'invalid';
  const auth = headerValue(request.headers, 'authorization')?.trim() ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  return bearer !== undefined && bearer.toLowerCase() !== 'invalid';
}

function context(request: RouteRequest, registry: Registry): ShapeContext {
  const language = request.query.get('language')?.trim().toLowerCase().slice(0, 2) || null;
  return { registry, now: request.now, language, imageLanguages: imageLanguageFilter(request.query) };
}

function paged(items: unknown[], request: RouteRequest, extra: Record<string, unknown> = {}): Reply {
  const page = intParam(request.query.get('page'), 1);
  if (!Number.isInteger(page) || page < 1 || page > 500) return INVALID_PAGE();
  const start = (page - 1) * PAGE_SIZE;
  return json(200, {
    ...extra,
    page,
    results: items.slice(start, start + PAGE_SIZE),
    total_pages: Math.max(1, Math.ceil(items.length / PAGE_SIZE)),
    total_results: items.length,
  });
}

function find(request: RouteRequest, registry: Registry, ctx: ShapeContext, id: string): Reply {
  const source = request.query.get('external_source') ?? '';
  const empty = {
    movie_results: [] as unknown[],
    person_results: [] as unknown[],
    tv_results: [] as unknown[],
    tv_episode_results: [] as unknown[],
    tv_season_results: [] as unknown[],
  };
  let title: CatalogueTitle | undefined;
  if (source === 'imdb_id') {
    title = /^tt\d{1,10}$/.test(id) ? registry.byImdb(id) : undefined;
  } else if (source === 'tvdb_id') {
    title = /^\d{1,9}$/.test(id) ? registry.byTvdb(Number(id)) : undefined;
    if (title?.quirks?.tvdbEpisodeCollision) empty.tv_episode_results.push({ ...TVDB_COLLISION_EPISODE });
  } else if (
    !['facebook_id', 'instagram_id', 'tiktok_id', 'twitter_id', 'wikidata_id', 'youtube_id'].includes(source)
  ) {
    return INVALID_PARAMS();
  }
  if (title) {
    const item = listItem(title, ctx, !title.quirks?.findWithoutMediaType);
    (title.kind === 'movie' ? empty.movie_results : empty.tv_results).push(item);
  }
  return json(200, empty);
}

const MOVIE_APPENDS = ['images', 'credits', 'external_ids', 'release_dates', 'keywords'] as const;
const TV_APPENDS = ['images', 'credits', 'external_ids', 'content_ratings', 'keywords'] as const;

function subresource(title: CatalogueTitle, name: string, ctx: ShapeContext, withId: boolean): object | null {
  switch (name) {
    case 'images':
      return images(title, ctx, withId);
    case 'credits':
      return credits(title, withId);
    case 'external_ids':
      return externalIds(title, withId);
    case 'keywords':
      return keywords(title, withId);
    case 'release_dates':
      return title.kind === 'movie' ? releaseDates(title, ctx.now, withId) : null;
    case 'content_ratings':
      return title.kind === 'tv' ? contentRatings(title, withId) : null;
    default:
      return null;
  }
}

function details(request: RouteRequest, ctx: ShapeContext, title: CatalogueTitle): Reply {
  const body: Record<string, unknown> =
    title.kind === 'movie' ? movieDetails(title, ctx) : tvDetails(title, ctx);
  const allowed: readonly string[] = title.kind === 'movie' ? MOVIE_APPENDS : TV_APPENDS;
  const requested = (request.query.get('append_to_response') ?? '').split(',').map((s) => s.trim());
  if (requested.length > 20) return INVALID_PARAMS();
  for (const name of requested) {
    // Unknown append names are ignored, as TMDB does.
    if (!allowed.includes(name)) continue;
    const value = subresource(title, name, ctx, false);
    if (value) body[name] = value;
  }
  return json(200, body);
}

function titleRoute(
  request: RouteRequest,
  registry: Registry,
  ctx: ShapeContext,
  kind: MediaKind,
  parts: string[],
) {
  const [idPart, sub, ...rest] = parts;
  const list = sub === undefined ? LISTS[kind][idPart ?? ''] : undefined;
  if (list) return list(request, registry, ctx);
  const id = numericId(idPart);
  const title = id === null ? undefined : registry.byTmdb(kind, id);
  if (!title || rest.length > 0) return NOT_FOUND();
  if (sub === undefined) return details(request, ctx, title);
  const value = subresource(title, sub, ctx, true);
  return value ? json(200, value) : NOT_FOUND();
}

type ListHandler = (request: RouteRequest, registry: Registry, ctx: ShapeContext) => Reply;

function byKind(registry: Registry, kind: MediaKind): CatalogueTitle[] {
  return registry.titles.filter((title) => title.kind === kind);
}

function theatrical(title: CatalogueTitle, now: Date): string | null {
  const release = title.releases?.find((r) => r.country === 'US' && (r.type === 3 || r.type === 2));
  return release ? resolveDate(release.date, now) : null;
}

function isoDay(now: Date, offsetDays: number): string {
  return new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A list of one kind's titles ranked by a number (popular, top_rated). */
const ranked =
  (kind: MediaKind, score: (t: CatalogueTitle) => number): ListHandler =>
  (request, registry, ctx) =>
    paged(
      byKind(registry, kind)
        .sort((a, b) => score(b) - score(a))
        .map((t) => listItem(t, ctx, false)),
      request,
    );

/** Movies in cinemas between two day offsets from the fake clock (now_playing, upcoming). */
const theatricalWindow =
  (fromDays: number, toDays: number): ListHandler =>
  (request, registry, ctx) => {
    const minimum = isoDay(request.now, fromDays);
    const maximum = isoDay(request.now, toDays);
    const titles = byKind(registry, 'movie').filter((t) => {
      const date = theatrical(t, request.now);
      return date !== null && date >= minimum && date <= maximum;
    });
    return paged(
      titles.map((t) => listItem(t, ctx, false)),
      request,
      { dates: { maximum, minimum } },
    );
  };

/** Series whose next episode's day satisfies `matches` (on_the_air, airing_today). */
const nextEpisode =
  (matches: (day: string, now: Date) => boolean): ListHandler =>
  (request, registry, ctx) => {
    const titles = byKind(registry, 'tv').filter((t) => {
      const next = t.tv?.nextEpisode;
      return next !== null && next !== undefined && matches(resolveDate(next.date, request.now), request.now);
    });
    return paged(
      titles.map((t) => listItem(t, ctx, false)),
      request,
    );
  };

const LISTS: Record<MediaKind, Record<string, ListHandler>> = {
  movie: {
    popular: ranked('movie', (t) => t.popularity),
    top_rated: ranked('movie', (t) => t.voteAverage),
    now_playing: theatricalWindow(-42, 0),
    upcoming: theatricalWindow(1, 30),
  },
  tv: {
    popular: ranked('tv', (t) => t.popularity),
    top_rated: ranked('tv', (t) => t.voteAverage),
    on_the_air: nextEpisode((day, now) => day <= isoDay(now, 7)),
    airing_today: nextEpisode((day, now) => day === isoDay(now, 0)),
  },
};

function trendingTitles(registry: Registry, kind: 'movie' | 'tv', window: 'day' | 'week'): CatalogueTitle[] {
  return TRENDING[kind][window].map((id) => registry.byAnyImdb(id)).filter((t) => t !== undefined);
}

function trending(request: RouteRequest, registry: Registry, ctx: ShapeContext, parts: string[]): Reply {
  const [type, window, ...rest] = parts;
  if ((window !== 'day' && window !== 'week') || rest.length > 0) return NOT_FOUND();
  let titles: CatalogueTitle[];
  if (type === 'movie' || type === 'tv') titles = trendingTitles(registry, type, window);
  else if (type === 'all') {
    const movies = trendingTitles(registry, 'movie', window);
    const shows = trendingTitles(registry, 'tv', window);
    titles = [];
    for (let i = 0; i < Math.max(movies.length, shows.length); i++) {
      const movie = movies[i];
      const show = shows[i];
      if (movie) titles.push(movie);
      if (show) titles.push(show);
    }
  } else if (type === 'person') titles = [];
  else return NOT_FOUND();
  return paged(
    titles.map((t) => listItem(t, ctx)),
    request,
  );
}

/** Lower-case, accents stripped: 'La Jetée' matches 'jetee'. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

function search(
  request: RouteRequest,
  registry: Registry,
  ctx: ShapeContext,
  kind: string | undefined,
): Reply {
  const raw = request.query.get('query') ?? '';
  if (raw.length > 500) return INVALID_PARAMS();
  const query = fold(raw.trim());
  if (kind !== 'multi' && kind !== 'movie' && kind !== 'tv') return NOT_FOUND();
  const matches =
    query === ''
      ? []
      : registry.titles
          .filter((t) => kind === 'multi' || t.kind === kind)
          .filter((t) => fold(t.title).includes(query) || fold(t.originalTitle).includes(query))
          .sort((a, b) => b.popularity - a.popularity);
  return paged(
    matches.map((t) => listItem(t, ctx, kind === 'multi')),
    request,
  );
}

function configuration(request: RouteRequest): Reply {
  const base = `${request.origin}/tmdb-images/t/p/`;
  return json(200, {
    change_keys: [],
    images: {
      base_url: base,
      secure_base_url: base,
      backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
      logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
      poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
      profile_sizes: ['w45', 'w185', 'h632', 'original'],
      still_sizes: ['w92', 'w185', 'w300', 'original'],
    },
  });
}

export function tmdbRoute(request: RouteRequest, registry: Registry = defaultRegistry): Reply {
  if (!authorized(request)) return UNAUTHORIZED();
  const parts = request.path.split('/').filter(Boolean).map(decodeSegment);
  if (parts.some((part) => part === null)) return NOT_FOUND();
  const segments = parts as string[];
  const ctx = context(request, registry);
  const [head, ...rest] = segments;
  switch (head) {
    case 'configuration':
      return rest.length === 0 ? configuration(request) : NOT_FOUND();
    case 'find':
      return rest.length === 1 ? find(request, registry, ctx, rest[0]!) : NOT_FOUND();
    case 'movie':
      return titleRoute(request, registry, ctx, 'movie', rest);
    case 'tv':
      return titleRoute(request, registry, ctx, 'tv', rest);
    case 'trending':
      return trending(request, registry, ctx, rest);
    case 'search':
      return rest.length === 1 ? search(request, registry, ctx, rest[0]) : NOT_FOUND();
    case 'genre': {
      const [kind, list] = rest;
      if ((kind !== 'movie' && kind !== 'tv') || list !== 'list' || rest.length !== 2) return NOT_FOUND();
      const ids =
        kind === 'movie'
          ? [12, 14, 16, 18, 27, 28, 35, 36, 37, 53, 80, 99, 878, 9648, 10402, 10749, 10751, 10752, 10770]
          : [16, 18, 35, 37, 80, 99, 9648, 10751, 10759, 10762, 10765, 10768];
      return json(200, { genres: ids.map((id) => ({ id, name: GENRE_NAMES[id] ?? 'Unknown' })) });
    }
    default:
      return NOT_FOUND();
  }
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
