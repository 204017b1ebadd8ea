/**
 * `GET /logo?tmdb_id|imdb_id|stremio_id&type&lang`: the title's best logo as PNG, chosen exactly as a
 * poster chooses it (src/title/art.ts, the logo_language order with the original language next), read
 * through the same TMDB metadata cache. Operator endpoint (reference §2).
 */
import type { FastifyInstance } from 'fastify';
import type { MediaType } from '../../domain/facts.ts';
import { parseIdentity, presentValue } from '../../poster/identity.ts';
import { chooseLogo, logoLanguageOrder } from '../../title/art.ts';
import { requireOperator } from '../access.ts';
import type { AppDeps } from '../deps.ts';
import { AppError, notFound, unavailable } from '../errors.ts';
import { enforceRateLimit, tenantOf } from '../rateLimit.ts';
import { DOCUMENTED_ONLY, error, imageResponse, rateLimited } from './schemas.ts';
import { requireTmdbKey, upstreamAnswer } from './tmdbProxy.ts';

type Query = Record<string, string | string[] | undefined>;

const LOGO_SIZE = 'w500';
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,4})?$/i;
const LOOKUP_BUDGET_MS = 10_000;
const RETRY_AFTER_SECONDS = 5;
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

/**
 * TMDB logos are PNG or SVG. Every file is decoded and written again as PNG (bounded): an SVG becomes a
 * PNG, and a truncated or corrupt file is refused here instead of being cached for 30 days downstream.
 */
async function asPng(bytes: Buffer): Promise<Buffer> {
  try {
    // Loaded on first use: the serving process needs libvips only for this operator endpoint.
    const { default: sharp } = await import('../../render/sharp.ts');
    return await sharp(bytes, { limitInputPixels: 40_000_000 }).png().toBuffer();
  } catch {
    throw new AppError(502, 'bad_logo', 'the logo file could not be decoded');
  }
}

export function registerLogoRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/logo', { schema, ...DOCUMENTED_ONLY }, async (request, reply) => {
    const { config, facts } = deps;
    const query = request.query as Query;
    requireOperator(config, query.access_key);
    const tmdbKey = presentValue(query.tmdb_key);
    await enforceRateLimit(deps.coordinator, tenantOf(tmdbKey, 'operator'), config.RATE_LIMIT_RPS);

    const identity = parseIdentity(query);
    if (!identity.ok) throw new AppError(identity.status, identity.code, identity.message);
    requireTmdbKey(deps, tmdbKey);
    const rawLang = presentValue(query.lang);
    const lang = rawLang && LANGUAGE.test(rawLang) ? rawLang.toLowerCase() : 'en';
    const deadline = Date.now() + LOOKUP_BUDGET_MS;

    const { tmdbId, imdbId, tvdbId, mediaType } = identity.identity;
    let ref: { tmdbId: string; mediaType: MediaType };
    if (tmdbId && mediaType) {
      ref = { tmdbId, mediaType };
    } else {
      const found = await facts.gatherer.resolve({ imdbId, tvdbId }, { tmdbKey, deadline });
      if (found === null) throw notFound('unknown_title', 'no source knows this title');
      if (found === undefined) {
        throw unavailable('upstream_unavailable', 'the title could not be looked up', RETRY_AFTER_SECONDS);
      }
      ref = found;
    }

    // Cache-only: a logo never needs ratings or stream quality, so it never spends their quota.
    const data = await facts.gatherer.gather(ref, {
      imageLanguages: [lang],
      tmdbKey,
      needQuality: false,
      waitForQuality: false,
      cacheOnly: true,
      deadline,
    });
    if (data === null) throw notFound('unknown_title', 'TMDB does not know this title');
    if (data === undefined) {
      throw unavailable('upstream_unavailable', 'the title could not be looked up', RETRY_AFTER_SECONDS);
    }
    const order = logoLanguageOrder({
      logoLanguage: lang,
      originalLanguage: data.tmdb.originalLanguage,
      secondaryLanguage: null,
      logoPriority: 'native_original',
    });
    const logo = chooseLogo(data.tmdb.logos, order);
    const url = logo ? facts.tmdb.imageUrl(logo.filePath, LOGO_SIZE) : null;
    if (!url) throw notFound('no_logo', 'this title has no logo in that language');

    let bytes: Buffer | null;
    try {
      bytes = await facts.tmdb.image(url);
    } catch (failure) {
      upstreamAnswer(failure, tmdbKey !== undefined);
    }
    if (!bytes) throw notFound('no_logo', 'the logo file is gone');
    const png = await asPng(bytes);
    reply.header('cache-control', `public, max-age=${THIRTY_DAYS}`);
    return reply.type('image/png').send(png);
  });
}
