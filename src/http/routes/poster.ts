import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ifNoneMatchHits } from '../../poster/cachePolicy.ts';
import { parseIdentity, parseShape, presentValue } from '../../poster/identity.ts';
import { type PosterQuery, parsePosterParams } from '../../poster/params.ts';
import type { PosterAnswer, PosterService } from '../../poster/service.ts';
import { firstValue, keysMatch, requireOperator } from '../access.ts';
import type { AppDeps } from '../deps.ts';
import { badRequest, identityError, unavailable } from '../errors.ts';
import { enforceRateLimit, tenantOf } from '../rateLimit.ts';
import { posterSchema } from './posterSchema.ts';
import { DOCUMENTED_ONLY } from './schemas.ts';

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const flag = (raw: unknown) => TRUE_WORDS.has((firstValue(raw) ?? '').trim().toLowerCase());

/** Writes a poster answer, answering If-None-Match with 304 and the same cache headers. */
export function sendPosterAnswer(request: FastifyRequest, reply: FastifyReply, answer: PosterAnswer) {
  if (answer.kind === 'debug') {
    reply.header('cache-control', 'no-store');
    return reply.type('application/json; charset=utf-8').send(answer.body);
  }
  if (answer.cacheControl) reply.header('cache-control', answer.cacheControl);
  if (answer.kind === 'redirect') {
    reply.header('x-cache', 'HIT');
    return reply.redirect(answer.location, 302);
  }
  reply.header('x-cache', answer.xCache);
  if (answer.cacheControl?.startsWith('no-store')) reply.header('pragma', 'no-cache');
  if (answer.etag) {
    reply.header('etag', answer.etag);
    if (ifNoneMatchHits(request.headers['if-none-match'], answer.etag)) return reply.status(304).send();
  }
  return reply.type(answer.contentType).send(answer.bytes);
}

export function registerPosterRoute(app: FastifyInstance, deps: AppDeps, posters: PosterService): void {
  app.get('/poster', { schema: posterSchema, ...DOCUMENTED_ONLY }, async (request, reply) => {
    const receivedAt = Date.now();
    const query = request.query as PosterQuery;
    const access = requireOperator(deps.config, query.access_key);

    const tmdbKey = presentValue(query.tmdb_key);
    const mdblistKey = presentValue(query.mdblist_key);
    await enforceRateLimit(
      deps.coordinator,
      tenantOf(tmdbKey ?? mdblistKey, 'operator'),
      deps.config.RATE_LIMIT_RPS,
      request,
    );

    const shape = parseShape(query.shape);
    if (!shape.ok) throw badRequest(shape.code, shape.message);
    const identity = parseIdentity(query);
    if (!identity.ok) throw identityError(identity);
    if (!deps.upstream.tmdbApiKey && !tmdbKey) {
      throw unavailable('no_tmdb_key', 'this instance has no TMDB key; pass tmdb_key');
    }

    const { style, options, notes } = parsePosterParams(query);
    // nocache re-renders on demand: only an operator holding the configured key may ask for that.
    const nocache =
      flag(query.nocache) &&
      access === 'granted' &&
      keysMatch(firstValue(query.access_key), deps.config.ACCESS_KEY);
    const answer = await posters.serve({
      identity: identity.identity,
      style,
      options,
      notes,
      tmdbKey,
      mdblistKey,
      debug: flag(query.debug),
      nocache,
      tier: 'operator',
      receivedAt,
    });
    return sendPosterAnswer(request, reply, answer);
  });
}
