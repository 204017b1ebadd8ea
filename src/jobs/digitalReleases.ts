/**
 * Digital-release poll: Arctic Shift posts of the window [now − 30 d, now − 1 d] →
 * one `digital_release_cache` row per IMDb id, read by the release-status and sash logic.
 */
import type { CachedFetcher } from '../title/cachedFetch.ts';
import type { DigitalReleasePost } from '../upstream/arcticShift.ts';

const DAY = 86_400_000;

export interface DigitalReleaseDeps {
  fetcher: CachedFetcher;
  recentDigitalReleases: (
    after: number,
    before: number,
    signal?: AbortSignal,
  ) => Promise<DigitalReleasePost[]>;
  now: () => number;
  maxAgeDays?: number;
  minAgeDays?: number;
}

export async function pollDigitalReleases(deps: DigitalReleaseDeps, signal: AbortSignal): Promise<number> {
  const now = deps.now();
  const maxAge = (deps.maxAgeDays ?? 30) * DAY;
  const posts = await deps.recentDigitalReleases(now - maxAge, now - (deps.minAgeDays ?? 1) * DAY, signal);
  for (const post of posts) {
    // A post keeps its title "digitally released" for the rest of the window.
    await deps.fetcher.store(
      'digital_release_cache',
      post.imdbId,
      { postedAt: post.postedAt },
      Math.max(DAY, post.postedAt + maxAge - now),
    );
  }
  return posts.length;
}
