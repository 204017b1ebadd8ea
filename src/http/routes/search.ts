/**
 * TMDB proxies for the configurator's title picker: `GET /search?q=` (search/multi, movies and series
 * only, trimmed to what a picker shows) and `GET /resolve-imdb?tmdb_id=&type=` (external ids → IMDb id).
 * Access and throttling: tmdbProxy.ts. Upstream JSON is hostile: the search body goes through
 * `searchMultiSchema` (upstream/tmdbSchemas.ts), which keeps only usable movie and series rows.
 */
import type { FastifyInstance } from 'fastify';
import { isImdbId } from '../../domain/ids.ts';
import { presentValue } from '../../poster/identity.ts';
import type { PosterQuery } from '../../poster/params.ts';
import { searchMultiSchema, type TmdbSearchRow } from '../../upstream/tmdbSchemas.ts';
import type { AppDeps } from '../deps.ts';
import { badRequest, notFound } from '../errors.ts';
import { DOCUMENTED_ONLY, error, rateLimited } from './schemas.ts';
import { admitProxyCall, requireTmdbKey, upstreamAnswer } from './tmdbProxy.ts';

const MAX_QUERY = 200;
const MAX_RESULTS = 20;
const THUMBNAIL_SIZE = 'w185';
const TMDB_ID = /^\d{1,10}$/;

export interface SearchResult {
  id: number;
  media_type: 'movie' | 'tv';
  title: string;
  year: string | null;
  poster_url: string | null;
}

const keyParams = {
  tmdb_key: {
    type: 'string',
    description: 'Caller’s own TMDB key: used for the call, own rate-limit bucket',
  },
  access_key: {
    type: 'string',
    description: 'Operator key (required when ACCESS_KEY is set and presets are off)',
  },
} as const;

const accessErrors = {
  403: error('Operator access denied (presets off and ACCESS_KEY set but not given)'),
  429: rateLimited,
  502: error('TMDB answered with an error'),
  503: error('No TMDB key, or TMDB unreachable (Retry-After)'),
} as const;

const searchSchema = {
  summary: 'Search TMDB for movies and series',
  description:
    'Proxy of TMDB search/multi (include_adult=false, page 1), people left out. Anonymous when PRESET_ENABLED (throttled by ANONYMOUS_TMDB_RPS, shared), else behind the operator gate; a caller’s own tmdb_key gets its own bucket at RATE_LIMIT_RPS.',
  tags: ['configurator'],
  querystring: {
    type: 'object',
    properties: {
      q: { type: 'string', minLength: 1, maxLength: MAX_QUERY, description: 'Search text, 1–200 characters' },
      ...keyParams,
    },
    required: ['q'],
    additionalProperties: true,
  },
  response: {
    200: {
      description: 'Matches, best first (at most 20)',
      type: 'object',
      properties: {
        results: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'integer', description: 'TMDB id' },
              media_type: { type: 'string', enum: ['movie', 'tv'] },
              title: { type: 'string' },
              year: { type: ['string', 'null'] },
              poster_url: { type: ['string', 'null'], description: 'Small poster thumbnail' },
            },
            required: ['id', 'media_type', 'title', 'year', 'poster_url'],
          },
        },
      },
      required: ['results'],
    },
    400: error('q missing, empty or longer than 200 characters; or TMDB refused the tmdb_key'),
    ...accessErrors,
  },
} as const;

const resolveSchema = {
  summary: 'IMDb id of a TMDB title',
  description: 'Proxy of TMDB /{movie|tv}/{id}/external_ids. Same access and throttling as /search.',
  tags: ['configurator'],
  querystring: {
    type: 'object',
    properties: {
      tmdb_id: { type: 'string', pattern: '^\\d{1,10}$', description: 'TMDB id' },
      type: { type: 'string', enum: ['movie', 'tv', 'series'], description: 'series is the same as tv' },
      ...keyParams,
    },
    required: ['tmdb_id', 'type'],
    additionalProperties: true,
  },
  response: {
    200: {
      description: 'The ids (imdb_id null when TMDB has no IMDb link)',
      type: 'object',
      properties: {
        tmdb_id: { type: 'string' },
        type: { type: 'string', enum: ['movie', 'tv'] },
        imdb_id: { type: ['string', 'null'] },
      },
      required: ['tmdb_id', 'type', 'imdb_id'],
    },
    400: error('Bad or missing tmdb_id or type; or TMDB refused the tmdb_key'),
    404: error('TMDB does not know this title'),
    ...accessErrors,
  },
} as const;

/** One search/multi row in the picker's shape, or null when the row has no usable title. */
function searchResult(row: TmdbSearchRow, posterUrl: (path: string) => string | null): SearchResult | null {
  const title = row.title ?? row.name ?? row.original_title ?? row.original_name;
  if (title === null) return null;
  const date = row.release_date ?? row.first_air_date;
  const year = date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
  return {
    id: row.id,
    media_type: row.media_type,
    title: title.slice(0, 300),
    year,
    poster_url: row.poster_path?.startsWith('/') ? posterUrl(row.poster_path) : null,
  };
}

export function registerSearchRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/search', { schema: searchSchema, ...DOCUMENTED_ONLY }, async (request, reply) => {
    const { tmdbKey } = await admitProxyCall(deps, request);
    const raw = (request.query as PosterQuery).q;
    const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
    if (q.length === 0 || q.length > MAX_QUERY) {
      throw badRequest('invalid_query', `q must be 1 to ${MAX_QUERY} characters`);
    }
    requireTmdbKey(deps, tmdbKey);
    const { tmdb } = deps.facts;
    let answer: unknown;
    try {
      answer = await tmdb.searchMulti(q, { apiKey: tmdbKey });
    } catch (failure) {
      upstreamAnswer(failure, tmdbKey !== undefined);
    }
    const results = searchMultiSchema
      .parse(answer)
      .results.map((row) => searchResult(row, (path) => tmdb.imageUrl(path, THUMBNAIL_SIZE)))
      .filter((row): row is SearchResult => row !== null)
      .slice(0, MAX_RESULTS);
    reply.header('cache-control', 'private, max-age=300');
    return { results };
  });

  app.get('/resolve-imdb', { schema: resolveSchema, ...DOCUMENTED_ONLY }, async (request, reply) => {
    const { tmdbKey } = await admitProxyCall(deps, request);
    const query = request.query as PosterQuery;
    const tmdbId = presentValue(query.tmdb_id);
    if (!tmdbId || !TMDB_ID.test(tmdbId))
      throw badRequest('invalid_tmdb_id', 'tmdb_id must be 1 to 10 digits');
    const type = presentValue(query.type)?.toLowerCase();
    if (type !== 'movie' && type !== 'tv' && type !== 'series') {
      throw badRequest('invalid_type', 'type must be movie, tv or series');
    }
    const mediaType = type === 'movie' ? 'movie' : 'tv';
    requireTmdbKey(deps, tmdbKey);
    let ids: Awaited<ReturnType<typeof deps.facts.tmdb.externalIds>>;
    try {
      ids = await deps.facts.tmdb.externalIds(mediaType, tmdbId, { apiKey: tmdbKey });
    } catch (failure) {
      upstreamAnswer(failure, tmdbKey !== undefined);
    }
    if (ids === null) throw notFound('unknown_title', 'TMDB does not know this title');
    const imdbId = isImdbId(ids.imdb_id) ? ids.imdb_id : null;
    reply.header('cache-control', 'private, max-age=86400');
    return { tmdb_id: tmdbId, type: mediaType, imdb_id: imdbId };
  });
}
