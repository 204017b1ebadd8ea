/**
 * MDBList (new API host) routes, mounted at `/mdblist`: `/imdb/{movie|show}/{tt}` and
 * `/tmdb/{movie|show}/{id}`, `apikey` query parameter, rate-limit headers. Shape follows
 * fixtures/upstream/mdblist/api_imdb_movie_tt0073195_jaws.json; `keywords` only with
 * `append_to_response=keyword(s)`, as the real API does.
 */
import type { CatalogueTitle, RatingTuple } from './catalogueTypes.ts';
import { RATING_SOURCES, type RatingSource } from './catalogueTypes.ts';
import { resolveDate } from './clock.ts';
import { genreName } from './genres.ts';
import { hash32, token } from './hash.ts';
import { json, type Reply, type RouteRequest } from './http.ts';
import { registry as defaultRegistry, publicImdbId, type Registry } from './registry.ts';
import { primaryBackdrop, primaryPoster } from './tmdb/shapes.ts';

const DAILY_LIMIT = 10_000;

type Json = Record<string, unknown>;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function nullRating(source: RatingSource): Json {
  return { source, value: null, score: null, votes: null, url: null };
}

function ratingUrl(source: RatingSource, title: CatalogueTitle): string | number | null {
  const s = slug(title.title);
  switch (source) {
    case 'imdb':
      // The integer quirk: MDBList sends a number here.
      return (hash32(title.imdbId) % 200) + 1;
    case 'metacritic':
      return `/${s.replace(/_/g, '-')}`;
    case 'tomatoes':
    case 'popcorn':
      return title.kind === 'movie' ? `/m/${s}` : `/tv/${s}`;
    case 'letterboxd':
      return `/film/${s.replace(/_/g, '-')}/`;
    case 'rogerebert':
      return `${s.replace(/_/g, '-')}-${/^\d{4}/.exec(title.date)?.[0] ?? 'review'}`;
    default:
      return null;
  }
}

function score(source: RatingSource, value: number, scale?: number): number | null {
  switch (source) {
    case 'imdb':
    case 'metacriticuser':
      return Math.round(value * 10);
    case 'letterboxd':
      return Math.round(value * (scale === 10 ? 10 : 20));
    case 'rogerebert':
    case 'myanimelist':
      return null;
    default:
      return Math.round(value);
  }
}

function ratingItem(source: RatingSource, title: CatalogueTitle): Json {
  const ratings = title.mdblist.ratings;
  if (source === 'rogerebert') {
    const value = ratings.rogerebert;
    return value === undefined
      ? nullRating(source)
      : { source, value, score: null, votes: null, url: ratingUrl(source, title) };
  }
  if (source === 'myanimelist') return nullRating(source);
  const entry: RatingTuple | 'zero' | undefined = ratings[source];
  if (entry === undefined) return nullRating(source);
  if (entry === 'zero') return { source, value: 0, score: null, votes: null, url: null };
  const [value, votes, scale] = entry;
  const item: Json = {
    source,
    value,
    score: score(source, value, scale),
    votes,
    url: ratingUrl(source, title),
  };
  if (source === 'tomatoes' && value >= 60) item.fresh = 1;
  return item;
}

function certification(title: CatalogueTitle): string | null {
  if (title.kind === 'tv') return title.contentRatings?.find(([country]) => country === 'US')?.[1] ?? null;
  const us = title.releases?.filter((r) => r.country === 'US' && r.certification) ?? [];
  return (us.find((r) => r.type === 3) ?? us[0])?.certification ?? null;
}

function status(title: CatalogueTitle, released: string, today: string): string {
  if (title.kind === 'tv') return title.status.toLowerCase();
  return released <= today ? 'released' : 'in production';
}

export function mdblistBody(title: CatalogueTitle, request: RouteRequest, registry: Registry): Json {
  const now = request.now;
  const today = now.toISOString().slice(0, 10);
  const released = resolveDate(title.date, now);
  const usTheatrical = title.releases?.find((r) => r.country === 'US' && r.type === 3);
  const digital = title.releases?.find((r) => r.country === 'US' && r.type === 4);
  const ratings = RATING_SOURCES.map((source) => ratingItem(source, title));
  const scores = ratings.map((r) => r.score).filter((s): s is number => typeof s === 'number');
  const overall = scores.length > 0 ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : 0;
  const imageBase = `${request.origin}/tmdb-images/t/p`;
  const poster = primaryPoster(title, { registry, language: null });
  const backdrop = primaryBackdrop(title, registry);
  const providers = (title.mdblist.providers ?? []).map((name) => ({ id: (hash32(name) % 2000) + 1, name }));
  const body: Json = {
    title: title.title,
    year: Number(released.slice(0, 4)),
    released: usTheatrical ? resolveDate(usTheatrical.date, now) : released,
    released_digital: digital ? resolveDate(digital.date, now) : null,
    description: title.overview,
    runtime: title.runtime,
    score: overall,
    score_average: overall,
    ids: {
      imdb: publicImdbId(title),
      trakt: title.mdblist.traktId,
      tmdb: title.tmdbId,
      tvdb: title.tvdbId ?? null,
      mal: null,
      mdblist: token(`mdblist:${title.kind}:${title.tmdbId}`, 4).toLowerCase(),
    },
    type: title.kind === 'movie' ? 'movie' : 'show',
    updated: `${today}T04:12:09Z`,
    ratings,
    streams: providers,
    watch_providers: providers,
    language: title.originalLanguage,
    spoken_language: title.spokenLanguages[0] ?? title.originalLanguage,
    country: (title.countries.at(-1) ?? 'us').toLowerCase(),
    certification: certification(title),
    commonsense: title.mdblist.commonsense,
    age_rating: title.mdblist.ageRating,
    status: status(title, released, today),
    trailer: null,
    poster: poster ? `${imageBase}/original${poster}` : null,
    backdrop: backdrop ? `${imageBase}/w1280${backdrop}` : null,
    genres: title.genres.map((id) => ({ id, title: genreName(id).toLowerCase() })),
  };
  const append = (request.query.get('append_to_response') ?? '').split(',').map((s) => s.trim());
  if (append.includes('keyword') || append.includes('keywords')) {
    body.keywords = title.mdblist.keywords.map((name) => ({
      id: (hash32(`mdbkw:${name}`) % 90_000) + 1,
      name,
    }));
  }
  return body;
}

/** Per-server MDBList state: the daily quota counter per key. */
export class MdblistService {
  readonly #used = new Map<string, number>();
  readonly #registry: Registry;

  constructor(registry: Registry = defaultRegistry) {
    this.#registry = registry;
  }

  /** Rate-limit headers for a key, counting this request. */
  quotaHeaders(apikey: string, now: Date): Record<string, string> {
    const used = (this.#used.get(apikey) ?? 0) + 1;
    this.#used.set(apikey, used);
    const reset = Math.ceil(now.getTime() / 86_400_000) * 86_400;
    return {
      'x-ratelimit-limit': String(DAILY_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, DAILY_LIMIT - used)),
      'x-ratelimit-reset': String(reset),
    };
  }

  route(request: RouteRequest): Reply {
    const apikey = request.query.get('apikey')?.trim() ?? '';
    if (apikey === '' || apikey.toLowerCase() === 'invalid') return json(401, { error: 'Invalid API key!' });
    const headers = this.quotaHeaders(apikey, request.now);
    if (Number(headers['x-ratelimit-remaining']) <= 0) {
      return json(429, { error: 'API Limit Reached!' }, { ...headers, 'retry-after': '3600' });
    }
    const parts = request.path.split('/').filter(Boolean);
    const [provider, type, id, ...rest] = parts;
    const notFound = () => json(404, { error: 'Not found' }, headers);
    if (rest.length > 0 || id === undefined || (type !== 'movie' && type !== 'show')) return notFound();
    const kind = type === 'movie' ? 'movie' : 'tv';
    let title: CatalogueTitle | undefined;
    if (provider === 'imdb') title = /^tt\d{1,10}$/.test(id) ? this.#registry.byImdb(id) : undefined;
    else if (provider === 'tmdb')
      title = /^\d{1,9}$/.test(id) ? this.#registry.byTmdb(kind, Number(id)) : undefined;
    else return notFound();
    if (!title || title.kind !== kind) return notFound();
    return json(200, mdblistBody(title, request, this.#registry), headers);
  }
}
