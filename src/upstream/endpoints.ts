import type { Config } from '../config/schema.ts';

/**
 * Where the upstream clients send requests. From config normally; from the in-process fake upstream in
 * demo mode. Clients only ever talk to these bases (the resilient HTTP module refuses other hosts).
 */
export interface UpstreamEndpoints {
  /** True when these point at the built-in offline catalogue. */
  demo: boolean;
  tmdbApiKey: string;
  tmdbApiBase: string;
  tmdbImageBase: string;
  mdblistApiKeys: string[];
  mdblistApiBase: string;
  aiostreamsUrl: string;
  scraperUrl: string;
  arcticShiftBase: string;
  /** Metahub logos by IMDb id; '' = not asked. */
  metahubBase: string;
}

export function endpointsFromConfig(config: Config): UpstreamEndpoints {
  return {
    demo: false,
    tmdbApiKey: config.TMDB_API_KEY,
    tmdbApiBase: config.TMDB_API_BASE,
    tmdbImageBase: config.TMDB_IMAGE_BASE,
    mdblistApiKeys: [config.MDBLIST_API_KEY, config.MDBLIST_API_KEY_2].filter((key) => key !== ''),
    mdblistApiBase: config.MDBLIST_API_BASE,
    aiostreamsUrl: config.AIOSTREAMS_URL,
    scraperUrl: config.SCRAPER_URL,
    arcticShiftBase: config.ARCTIC_SHIFT_BASE,
    metahubBase: config.METAHUB_BASE,
  };
}
