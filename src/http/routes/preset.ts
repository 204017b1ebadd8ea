/**
 * The anonymous public tier: `GET /p/{preset}/{type}/{imdb_id}.jpg`.
 *
 * Only when PRESET_ENABLED. Renders a fixed named look (src/poster/presets.ts) with the operator's
 * server keys, never the caller's, through the same poster service as /poster but on the `preset` tier:
 * ratings and stream quality come from cache only, so an anonymous cold hit never spends MDBList or
 * quality-source quota; such a poster is provisional (`max-age=300`, not stored) until an operator
 * render or a background job has filled those caches.
 */
import type { FastifyInstance } from 'fastify';
import { isImdbId } from '../../domain/ids.ts';
import { parseIdentity, parseShape } from '../../poster/identity.ts';
import type { PosterQuery } from '../../poster/params.ts';
import { findPreset, presetParams } from '../../poster/presets.ts';
import type { AppDeps } from '../deps.ts';
import { badRequest, identityError, notFound, unavailable } from '../errors.ts';
import { enforceRateLimit } from '../rateLimit.ts';
import { sendPosterAnswer } from './poster.ts';
import {
  DOCUMENTED_ONLY,
  emptyResponse,
  error,
  imageResponse,
  POSTER_IMAGE_TYPES,
  rateLimited,
} from './schemas.ts';

const PRESET_ID = /^[a-z0-9_-]{1,64}$/;
/** The suffix is decoration (the body is IMAGE_FORMAT whatever it says); any image suffix is accepted. */
const IMAGE_SUFFIX = /\.(jpe?g|webp|png)$/i;
const TMDB_FORM = /^tmdb:\d{1,10}$/;

const schema = {
  summary: 'Public-tier poster of a named preset',
  description:
    'Anonymous poster in a fixed look (list: /server-caps `presets`; retired ids keep working). Only when PRESET_ENABLED=true. Uses cached ratings and stream quality only: a title whose facts are not cached yet is answered provisionally (`Cache-Control: public, max-age=300`, not stored); a complete poster is stored and served with `max-age` = PRESET_CDN_CACHE_TTL capped by its remaining life. Shares the `preset` rate-limit bucket (RATE_LIMIT_RPS).',
  tags: ['public'],
  params: {
    type: 'object',
    properties: {
      preset: { type: 'string', description: 'Preset id, e.g. clean_notch' },
      type: { type: 'string', enum: ['movie', 'tv', 'series'], description: 'series is the same as tv' },
      imdb_id: {
        type: 'string',
        description:
          'IMDb id with an image suffix, e.g. tt0111161.jpg (tmdb:N.jpg also accepted); the body is IMAGE_FORMAT whatever the suffix',
      },
    },
    required: ['preset', 'type', 'imdb_id'],
  },
  querystring: {
    type: 'object',
    properties: {
      shape: {
        type: 'string',
        description: 'poster/portrait (or absent) only; square and landscape → 400',
      },
    },
    additionalProperties: true,
  },
  response: {
    200: imageResponse('The poster (IMAGE_FORMAT)', POSTER_IMAGE_TYPES),
    302: emptyResponse('Cache hit served from the CDN (OBJECT_STORE_PUBLIC_URL)'),
    304: emptyResponse('If-None-Match matched the ETag'),
    400: error('Empty preset segment, bad type (movie, tv, series), bad id or unsupported shape'),
    404: error('Presets disabled, unknown preset (named), or a title TMDB does not know'),
    429: rateLimited,
    503: error('No server TMDB key, upstream unavailable, or all render slots busy (Retry-After)'),
  },
} as const;

export function registerPresetRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/p/:preset/:type/:imdb_id', { schema, ...DOCUMENTED_ONLY }, async (request, reply) => {
    const receivedAt = Date.now();
    const { config } = deps;
    if (!config.PRESET_ENABLED) throw notFound('not_found', 'the public preset tier is not enabled');
    await enforceRateLimit(deps.coordinator, 'preset', config.RATE_LIMIT_RPS, request);

    const params = request.params as Record<string, string | undefined>;
    const presetId = params.preset ?? '';
    if (presetId === '') {
      throw badRequest(
        'missing_preset',
        'the preset segment is empty: use /p/{preset}/{type}/{id}, e.g. /p/clean_notch/movie/tt0111161.jpg (ids: /server-caps)',
      );
    }
    const preset = findPreset(presetId);
    if (!preset) {
      // Names a well-formed id back to the caller; anything else is not repeated (it could be anything).
      throw notFound(
        'unknown_preset',
        PRESET_ID.test(presetId) ? `unknown preset "${presetId}"` : 'unknown preset',
      );
    }

    deps.metrics.presetRequests.inc({ preset: preset.id }); // bounded: known ids only

    const type = (params.type ?? '').toLowerCase();
    if (type !== 'movie' && type !== 'tv' && type !== 'series') {
      throw badRequest('invalid_type', 'type must be movie, tv or series');
    }
    const id = (params.imdb_id ?? '').replace(IMAGE_SUFFIX, '');
    if (!isImdbId(id) && !TMDB_FORM.test(id)) {
      throw badRequest('invalid_imdb_id', 'the id must look like tt0111161.jpg (or tmdb:278.jpg)');
    }
    const shape = parseShape((request.query as PosterQuery).shape);
    if (!shape.ok) throw badRequest(shape.code, shape.message);

    const identity = parseIdentity({ stremio_id: id, type });
    if (!identity.ok) throw identityError(identity);
    if (!deps.upstream.tmdbApiKey) {
      throw unavailable('no_tmdb_key', 'this instance has no TMDB key configured');
    }

    const { style, options, notes } = presetParams(preset);
    const answer = await deps.posters.serve({
      identity: identity.identity,
      style,
      options,
      notes,
      debug: false,
      nocache: false,
      tier: 'preset',
      receivedAt,
    });
    return sendPosterAnswer(request, reply, answer);
  });
}
