/**
 * Metahub: a logo PNG per IMDb id, no key, `{base}/logo/medium/{imdb_id}/img`. The last
 * logo source before the drawn title. Downloads go through the one resilient HTTP module like every
 * upstream — host allowlist, image size cap, timeouts — under their own breaker (`metahub`), so a
 * Metahub outage never opens TMDB's image breaker.
 */
import { UpstreamError } from './errors.ts';
import type { UpstreamHttp } from './http.ts';

const IMDB_ID = /^tt\d{1,10}$/;

/** The logo URL for an IMDb id, or null (no base configured, or not an IMDb id). Pure. */
export function metahubLogoUrl(base: string, imdbId: string | null): string | null {
  if (!base || !imdbId || !IMDB_ID.test(imdbId)) return null;
  return `${base.replace(/\/+$/, '')}/logo/medium/${imdbId}/img`;
}

export function createMetahubClient(options: { http: UpstreamHttp; base: string }) {
  // The base itself, not its origin: a stand-in (the demo upstream) may serve Metahub and TMDB's images
  // on one origin, and TMDB's art must keep going through the TMDB client.
  const prefix = options.base ? `${options.base.replace(/\/+$/, '')}/` : null;
  return {
    logoUrl: (imdbId: string | null) => metahubLogoUrl(options.base, imdbId),
    /** True for URLs this client serves (the art cache routes downloads by it). */
    owns: (url: string) => prefix !== null && url.startsWith(prefix),
    /** The logo bytes; null when Metahub has no logo for the id (404). */
    async image(url: string, signal?: AbortSignal): Promise<Buffer | null> {
      const response = await options.http.get('metahub', url, { kind: 'image', signal });
      if (response.status === 404) return null;
      if (response.status !== 200)
        throw new UpstreamError('metahub', 'status', new URL(url).pathname, response.status);
      return response.body;
    },
  };
}

export type MetahubClient = ReturnType<typeof createMetahubClient>;
