/**
 * The server settings that change a poster's pixels, as one object: built once from the config by the
 * composition root (src/app/serverSettings.ts) and handed both to the facts side (which assembles with
 * `facts`) and to the poster service (which encodes with `output` and keys composites on the whole).
 * One object, so a fact setting cannot reach the pixels without reaching the cache key.
 */
import type { ServerFactSettings } from '../title/assemble.ts';

export interface ServerSettings {
  output: { format: 'webp' | 'jpeg'; quality: number };
  /** Everything `assembleFacts` reads from the server, but the image URL builder (it knows no config). */
  facts: Omit<ServerFactSettings, 'imageUrl' | 'metahubLogoUrl'>;
  /** Demo mode (the fake upstream): demo composites never share a key with real ones. */
  demo: boolean;
}

/** The settings' part of every composite key (its field names and encodings are fixed: keys persist). */
export function serverKeyPart(settings: ServerSettings): Record<string, string | number | boolean> {
  const { output, facts } = settings;
  return {
    format: output.format,
    quality: output.quality,
    posterMinVotes: facts.posterMinVotes,
    posterMaxScoreDrop: facts.posterMaxScoreDrop,
    ratingMinVotes: facts.ratingMinVotes,
    cinemaMaxAgeYears: facts.cinemaMaxAgeYears,
    trending: `${facts.trendingCount}/${facts.trendingBroadCount}`,
    // Only in demo mode, so real instances keep the keys they already stored.
    ...(settings.demo ? { demo: true } : {}),
  };
}
