/**
 * What the rest of the service may use from the facts side: the upstream clients, the fact caches, the
 * gatherer, and the server settings and curated lists that assembling `Facts` needs. Declared here, by
 * the layer that owns it; `src/app/facts.ts` builds one. Each consumer names the part it uses, so a new
 * dependency on the facts side shows up in its type.
 */
import type { UpstreamHttp } from '../upstream/http.ts';
import type { MdblistClient } from '../upstream/mdblist.ts';
import type { MetahubClient } from '../upstream/metahub.ts';
import type { QualitySource } from '../upstream/qualitySources.ts';
import type { TmdbClient } from '../upstream/tmdb.ts';
import type { ServerFactSettings } from './assemble.ts';
import type { CachedFetcher } from './cachedFetch.ts';
import type { CuratedLists } from './curated.ts';
import type { TitleGatherer } from './gather.ts';

export interface FactSources {
  http: UpstreamHttp;
  tmdb: TmdbClient;
  metahub: MetahubClient;
  /** Art bytes by URL: Metahub logos through their own client and breaker, everything else from TMDB. */
  downloadArt(url: string): ReturnType<TmdbClient['image']>;
  mdblist: MdblistClient;
  quality: QualitySource;
  fetcher: CachedFetcher;
  gatherer: TitleGatherer;
  settings: ServerFactSettings;
  lists: CuratedLists;
  close(): Promise<void>;
}

/** The poster and logo use cases: resolve a title, gather its data, assemble its facts. */
export type UseCaseFacts = Pick<FactSources, 'gatherer' | 'settings' | 'lists' | 'tmdb'>;

/** The background jobs: the shared HTTP module (Arctic Shift), the fact caches, TMDB trending. */
export type JobFacts = Pick<FactSources, 'http' | 'fetcher' | 'tmdb'>;

/** The HTTP routes: TMDB proxies and thumbnails, breaker and quota status, the quality source's kind. */
export type RouteFacts = Pick<FactSources, 'http' | 'tmdb' | 'mdblist' | 'quality'>;
