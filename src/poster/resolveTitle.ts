/**
 * Which TMDB title a parsed identity names: directly when the request gave a TMDB id and a type, else
 * through the gatherer's cached lookups (TMDB /find by IMDb or TVDB id). Shared by the poster and the
 * logo use cases so both read an id the same way.
 */

import { notFound, RETRY_AFTER_SECONDS, unavailable } from '../domain/errors.ts';
import type { MediaType } from '../domain/facts.ts';
import type { FactSources } from '../title/sources.ts';
import type { Identity } from './identity.ts';

export interface TitleRef {
  tmdbId: string;
  mediaType: MediaType;
}

export interface ResolveOptions {
  tmdbKey: string | undefined;
  /** Epoch ms after which the lookup gives up. */
  deadline: number;
  /** Public message when the lookup could not be made now (the two endpoints word it differently). */
  unavailableMessage: string;
}

export async function resolveTitle(
  facts: Pick<FactSources, 'gatherer'>,
  identity: Identity,
  options: ResolveOptions,
): Promise<TitleRef> {
  if (identity.tmdbId && identity.mediaType)
    return { tmdbId: identity.tmdbId, mediaType: identity.mediaType };
  const found = await facts.gatherer.resolve(
    { imdbId: identity.imdbId, tvdbId: identity.tvdbId },
    { tmdbKey: options.tmdbKey, deadline: options.deadline },
  );
  if (found === null) throw notFound('unknown_title', 'no source knows this title');
  if (found === undefined) {
    throw unavailable('upstream_unavailable', options.unavailableMessage, RETRY_AFTER_SECONDS);
  }
  return found;
}
