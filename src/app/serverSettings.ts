/**
 * Builds the pixel-changing server settings (src/poster/serverSettings.ts) from the config, once per
 * config object: the facts side and the poster service both ask here and get the very same object.
 */
import { isDemo } from '../config/demoMode.ts';
import type { Config } from '../config/schema.ts';
import type { ServerSettings } from '../poster/serverSettings.ts';

const built = new WeakMap<Config, ServerSettings>();

export function serverSettingsOf(config: Config): ServerSettings {
  let settings = built.get(config);
  if (!settings) {
    settings = Object.freeze({
      output: Object.freeze({
        format: config.IMAGE_FORMAT,
        quality: config.IMAGE_FORMAT === 'jpeg' ? config.JPEG_QUALITY : config.WEBP_QUALITY,
      }),
      facts: Object.freeze({
        posterMinVotes: config.TMDB_POSTER_MIN_VOTES,
        posterMaxScoreDrop: config.TMDB_POSTER_MAX_SCORE_DROP,
        ratingMinVotes: config.RATING_MIN_VOTES,
        cinemaMaxAgeYears: config.CINEMA_MAX_AGE_YEARS,
        trendingCount: config.TRENDING_FETCH_COUNT,
        trendingBroadCount: config.TRENDING_BROAD_FETCH_COUNT,
      }),
      demo: isDemo(config),
    });
    built.set(config, settings);
  }
  return settings;
}
