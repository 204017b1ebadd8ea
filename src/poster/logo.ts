/**
 * The logo use case: a title's best logo as PNG, chosen exactly as a poster chooses it (src/title/art.ts:
 * the requested language, then the title's original language), read through the same TMDB metadata
 * cache and the same title resolver as the poster.
 */
import { badUpstream, notFound, RETRY_AFTER_SECONDS, unavailable } from '../domain/errors.ts';
// draw/png.ts directly, not render/index.ts: the canvas library stays out of the serving thread.
import { transcodeToPng } from '../render/draw/png.ts';
import { chooseLogo, logoLanguageOrder } from '../title/art.ts';
import type { FactSources } from '../title/sources.ts';
import { throwTmdbFailure } from '../upstream/tmdbFailure.ts';
import type { Identity } from './identity.ts';
import { resolveTitle } from './resolveTitle.ts';

const LOGO_SIZE = 'w500';
const LOOKUP_BUDGET_MS = 10_000;
const UNAVAILABLE_MESSAGE = 'the title could not be looked up';

export interface LogoRequest {
  identity: Identity;
  /** A well-formed logo language, lower case. */
  language: string;
  tmdbKey: string | undefined;
}

export interface LogoServiceDeps {
  facts: Pick<FactSources, 'gatherer' | 'tmdb'>;
  now: () => number;
}

export function createLogoService(deps: LogoServiceDeps) {
  const { facts } = deps;
  return {
    async logoPng(request: LogoRequest): Promise<Buffer> {
      const { language, tmdbKey } = request;
      const deadline = deps.now() + LOOKUP_BUDGET_MS;
      const title = await resolveTitle(facts, request.identity, {
        tmdbKey,
        deadline,
        unavailableMessage: UNAVAILABLE_MESSAGE,
      });
      // Cache-only: a logo never needs ratings or stream quality, so it never spends their quota.
      const data = await facts.gatherer.gather(title, {
        imageLanguages: [language],
        tmdbKey,
        needQuality: false,
        waitForQuality: false,
        cacheOnly: true,
        deadline,
      });
      if (data === null) throw notFound('unknown_title', 'TMDB does not know this title');
      if (data === undefined)
        throw unavailable('upstream_unavailable', UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS);

      const order = logoLanguageOrder({
        logoLanguage: language,
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
        throwTmdbFailure(failure, tmdbKey !== undefined);
      }
      if (!bytes) throw notFound('no_logo', 'the logo file is gone');
      const png = await transcodeToPng(bytes);
      if (!png) throw badUpstream('bad_logo', 'the logo file could not be decoded');
      return png;
    },
  };
}

export type LogoService = ReturnType<typeof createLogoService>;
