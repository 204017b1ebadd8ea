/**
 * `GET /logo?tmdb_id|imdb_id|stremio_id&type&lang`: the title's best logo as PNG (the use case is
 * src/poster/logo.ts). Operator endpoint: same access rules and rate limit as /poster.
 */
import type { FastifyInstance } from 'fastify';
import { parseIdentity, presentValue } from '../../poster/identity.ts';
import type { PosterQuery } from '../../poster/params.ts';
import { requireOperator } from '../access.ts';
import type { AppDeps } from '../deps.ts';
import { identityError } from '../errors.ts';
import { enforceRateLimit, tenantOf } from '../rateLimit.ts';
import { DOCUMENTED_ONLY, error, imageResponse, rateLimited } from './schemas.ts';
import { requireTmdbKey } from './tmdbProxy.ts';

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,4})?$/i;
const THIRTY_DAYS = 30 * 24 * 60 * 60;

const schema = {
  summary: 'Best title logo as PNG',
  description:
    'The logo a poster in logo_language `lang` would use (that language, then the title’s original language). Operator endpoint: same access rules as /poster. A bare tmdb_id needs type.',
  tags: ['operator'],
  querystring: {
    type: 'object',
    properties: {
      tmdb_id: { type: 'string', description: 'TMDB id' },
      imdb_id: { type: 'string', description: 'IMDb id (resolved through TMDB /find)' },
      stremio_id: { type: 'string', description: 'tt…, tmdb:N, tmdb:tv:N or tvdb:N' },
      type: { type: 'string', enum: ['movie', 'tv', 'series'], description: 'Required with a bare tmdb_id' },
      lang: { type: 'string', description: 'Logo language, e.g. en, pt-br (default en; malformed = en)' },
      tmdb_key: { type: 'string', description: 'Caller’s own TMDB key' },
      access_key: { type: 'string', description: 'Operator key when ACCESS_KEY is set' },
    },
    additionalProperties: true,
  },
  response: {
    200: imageResponse('The logo; Cache-Control: public, max-age=2592000', ['image/png']),
    400: error('Missing or malformed id, or a bare tmdb_id without type'),
    403: error('Operator access denied'),
    404: error('Unknown title, or the title has no logo'),
    429: rateLimited,
    502: error('TMDB answered with an error, or the logo file is not an image'),
    503: error('No TMDB key, or TMDB unreachable (Retry-After)'),
  },
} as const;

export function registerLogoRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/logo', { schema, ...DOCUMENTED_ONLY }, async (request, reply) => {
    const { config } = deps;
    const query = request.query as PosterQuery;
    requireOperator(config, query.access_key);
    const tmdbKey = presentValue(query.tmdb_key);
    await enforceRateLimit(deps.coordinator, tenantOf(tmdbKey, 'operator'), config.RATE_LIMIT_RPS);

    const identity = parseIdentity(query);
    if (!identity.ok) throw identityError(identity);
    requireTmdbKey(deps, tmdbKey);
    const rawLang = presentValue(query.lang);
    const language = rawLang && LANGUAGE.test(rawLang) ? rawLang.toLowerCase() : 'en';

    const png = await deps.logos.logoPng({ identity: identity.identity, language, tmdbKey });
    reply.header('cache-control', `public, max-age=${THIRTY_DAYS}`);
    return reply.type('image/png').send(png);
  });
}
