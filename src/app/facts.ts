/**
 * Builds the facts side of the app from config, upstream endpoints and the ports: one resilient HTTP
 * module, the upstream clients, the fact caches and the gatherer. Used by the server and by tests.
 */
import type { Config } from '../config/schema.ts';
import type { Coordinator } from '../ports/coordinator.ts';
import type { Storage } from '../ports/storage.ts';
import type { ServerFactSettings } from '../title/assemble.ts';
import { createCachedFetcher, type LookupResult } from '../title/cachedFetch.ts';
import { type CuratedLists, loadCuratedLists } from '../title/curated.ts';
import { createTitleGatherer } from '../title/gather.ts';
import type { FactSources } from '../title/sources.ts';
import type { UpstreamEndpoints } from '../upstream/endpoints.ts';
import { type AttemptOutcome, createUpstreamHttp, type UpstreamService } from '../upstream/http.ts';
import { createMdblistClient } from '../upstream/mdblist.ts';
import { createMetahubClient } from '../upstream/metahub.ts';
import { createQualitySource } from '../upstream/qualitySources.ts';
import { createTmdbClient } from '../upstream/tmdb.ts';
import { serverSettingsOf } from './serverSettings.ts';

export interface FactsHooks {
  onAttempt?: (service: UpstreamService, outcome: AttemptOutcome) => void;
  onBreakerChange?: (service: UpstreamService, state: 'closed' | 'open' | 'half_open') => void;
  onLookup?: (table: string, result: LookupResult | 'error') => void;
  onStorageError?: (error: unknown) => void;
  onBackgroundError?: (what: string, error: unknown) => void;
  warn?: (message: string) => void;
}

export async function createFacts(
  config: Config,
  upstream: UpstreamEndpoints,
  ports: { storage: Storage; coordinator: Coordinator },
  hooks: FactsHooks = {},
  now: () => number = Date.now,
): Promise<FactSources> {
  const origins = [
    upstream.tmdbApiBase,
    upstream.tmdbImageBase,
    upstream.mdblistApiBase,
    upstream.aiostreamsUrl,
    upstream.scraperUrl.replace(/^stremio:\/\//i, 'https://'),
    upstream.arcticShiftBase,
    upstream.metahubBase,
  ].filter((url) => url !== '');
  const http = createUpstreamHttp({
    allowedOrigins: origins,
    onAttempt: hooks.onAttempt,
    onBreakerChange: hooks.onBreakerChange,
  });
  const tmdb = createTmdbClient({
    http,
    apiBase: upstream.tmdbApiBase,
    imageBase: upstream.tmdbImageBase,
    apiKey: upstream.tmdbApiKey,
  });
  const metahub = createMetahubClient({ http, base: upstream.metahubBase });
  const mdblist = createMdblistClient({
    http,
    coordinator: ports.coordinator,
    apiBase: upstream.mdblistApiBase,
    apiKeys: upstream.mdblistApiKeys,
    concurrency: config.MDBLIST_CONCURRENCY,
    now,
  });
  const quality = createQualitySource({
    http,
    source: upstream.demo ? 'scraper' : config.QUALITY_SOURCE,
    aiostreamsUrl: upstream.aiostreamsUrl,
    aiostreamsAuth: config.AIOSTREAMS_AUTH,
    scraperUrl: upstream.scraperUrl,
  });
  const fetcher = createCachedFetcher({
    storage: ports.storage,
    now,
    onLookup: hooks.onLookup,
    onStorageError: hooks.onStorageError,
  });
  const gatherer = createTitleGatherer({
    fetcher,
    coordinator: ports.coordinator,
    tmdb,
    mdblist,
    quality,
    now,
    qualityBackgroundConcurrency: config.QUALITY_BG_CONCURRENCY,
    qualityWaitTimeoutMs: config.QUALITY_WAIT_TIMEOUT_MS,
    qualityGraceMs: config.QUALITY_GRACE_MS,
    qualityOldTtlMs: config.QUALITY_OLD_CACHE_DAYS * 24 * 60 * 60 * 1000,
    onBackgroundError: hooks.onBackgroundError,
  });
  const curated = await loadCuratedLists(config.DISCOVERY_OVERRIDES_PATH || undefined);
  for (const warning of curated.warnings) hooks.warn?.(warning);
  const settings: ServerFactSettings = {
    ...serverSettingsOf(config).facts,
    imageUrl: (path, size) => tmdb.imageUrl(path, size) ?? '',
    metahubLogoUrl: metahub.logoUrl,
  };
  /** Art bytes by URL: Metahub logos through their own client and breaker, everything else from TMDB. */
  const downloadArt = (url: string) => (metahub.owns(url) ? metahub.image(url) : tmdb.image(url));
  const lists: CuratedLists = curated.lists;
  return {
    http,
    tmdb,
    metahub,
    downloadArt,
    mdblist,
    quality,
    fetcher,
    gatherer,
    settings,
    lists,
    close: () => http.close(),
  };
}
