/**
 * What the TMDB proxies (/search, /resolve-imdb) and /logo share: who may call, which rate-limit bucket
 * a call counts against, and how an upstream failure reads to the caller.
 */
import type { FastifyRequest } from 'fastify';
import { presentValue } from '../../poster/identity.ts';
import type { PosterQuery } from '../../poster/params.ts';
import { firstValue, keysMatch, requireOperator } from '../access.ts';
import type { AppDeps } from '../deps.ts';
import { unavailable } from '../errors.ts';
import { enforceRateLimit, tenantOf } from '../rateLimit.ts';

/**
 * Reference §10.2: anonymous when the preset tier is on (the locked configurator searches too), else the
 * operator gate (open when no ACCESS_KEY). Buckets: a caller's own TMDB key gets its own at
 * RATE_LIMIT_RPS (its calls spend its own quota); a valid access key gets the operator's; everyone else
 * shares `anonymous` at ANONYMOUS_TMDB_RPS. An invalid access_key is just anonymous, so making keys up
 * never buys a fresh bucket on the server's key.
 */
export async function admitProxyCall(deps: AppDeps, request: FastifyRequest): Promise<{ tmdbKey?: string }> {
  const { config } = deps;
  const query = request.query as PosterQuery;
  if (!config.PRESET_ENABLED) requireOperator(config, query.access_key);
  const tmdbKey = presentValue(query.tmdb_key);
  if (tmdbKey) {
    await enforceRateLimit(deps.coordinator, tenantOf(tmdbKey, 'anonymous'), config.RATE_LIMIT_RPS);
  } else if (config.ACCESS_KEY && keysMatch(firstValue(query.access_key), config.ACCESS_KEY)) {
    await enforceRateLimit(deps.coordinator, tenantOf(config.ACCESS_KEY, 'operator'), config.RATE_LIMIT_RPS);
  } else {
    await enforceRateLimit(deps.coordinator, 'anonymous', config.ANONYMOUS_TMDB_RPS);
  }
  return tmdbKey ? { tmdbKey } : {};
}

export function requireTmdbKey(deps: AppDeps, tmdbKey: string | undefined): void {
  if (!deps.upstream.tmdbApiKey && !tmdbKey) {
    throw unavailable('no_tmdb_key', 'this instance has no TMDB key; pass tmdb_key');
  }
}

/** An upstream failure as the caller should see it. */
export { throwTmdbFailure as upstreamAnswer } from '../../upstream/tmdbFailure.ts';
