import type { FakeUpstream } from '../../src/demo/server.ts';

/**
 * Real-key mode against the fake upstream: every upstream base a service process reads, pointed at the
 * fake, so no call leaves the machine. One list, so a new upstream (Metahub was one) reaches every suite.
 */
export function fakeUpstreamEnv(fake: FakeUpstream): Record<string, string> {
  return {
    TMDB_API_BASE: fake.urls.tmdbApiBase,
    TMDB_IMAGE_BASE: fake.urls.tmdbImageBase,
    METAHUB_BASE: fake.urls.metahubBase,
    MDBLIST_API_BASE: fake.urls.mdblistApiBase,
    QUALITY_SOURCE: 'scraper',
    SCRAPER_URL: fake.urls.scraperUrl,
    ARCTIC_SHIFT_BASE: fake.urls.arcticShiftBase,
  };
}
