/**
 * Arctic Shift posts search → IMDb ids of titles whose digital release was announced.
 * The polling job (operations issue) calls `recentDigitalReleases`; extraction is pure and tested alone.
 */
import { z } from 'zod';
import { imdbIdsIn } from '../domain/ids.ts';
import { UpstreamError } from './errors.ts';
import type { UpstreamHttp } from './http.ts';

const postSchema = z
  .object({
    title: z.string().catch(''),
    selftext: z.string().catch(''),
    url: z.string().catch(''),
    created_utc: z.number().catch(0),
  })
  .partial();

const pageSchema = z.object({ data: z.array(z.unknown()).catch([]) }).catch({ data: [] });

export interface DigitalReleasePost {
  imdbId: string;
  postedAt: number;
}

/** Every distinct IMDb id a post mentions in its title, text or link. */
export function extractImdbIds(post: unknown): string[] {
  const parsed = postSchema.safeParse(post);
  if (!parsed.success) return [];
  const text = `${parsed.data.title ?? ''} ${parsed.data.selftext ?? ''} ${parsed.data.url ?? ''}`;
  return [...new Set(imdbIdsIn(text))];
}

export interface ArcticShiftOptions {
  http: UpstreamHttp;
  base: string;
  subreddit?: string;
  pageSize?: number;
  maxPages?: number;
  /** Pause between pages (the service asks for politeness). */
  pauseMs?: number;
}

export function createArcticShiftClient(options: ArcticShiftOptions) {
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 10;
  const subreddit = options.subreddit ?? 'movieleaks';

  return {
    /** Posts between `after` and `before` (epoch ms), paging backwards; one entry per (id, first post). */
    async recentDigitalReleases(
      after: number,
      before: number,
      signal?: AbortSignal,
    ): Promise<DigitalReleasePost[]> {
      const found = new Map<string, number>();
      let upper = Math.floor(before / 1000);
      for (let page = 0; page < maxPages; page += 1) {
        const path = '/api/posts/search';
        const url = new URL(`${options.base}${path}`);
        url.searchParams.set('subreddit', subreddit);
        url.searchParams.set('after', String(Math.floor(after / 1000)));
        url.searchParams.set('before', String(upper));
        url.searchParams.set('limit', String(pageSize));
        const response = await options.http.get('arctic_shift', url.toString(), { signal });
        if (response.status !== 200) throw new UpstreamError('arctic_shift', 'status', path, response.status);
        let raw: unknown;
        try {
          raw = JSON.parse(response.body.toString('utf8'));
        } catch {
          throw new UpstreamError('arctic_shift', 'status', path, 200);
        }
        const posts = pageSchema.parse(raw).data;
        let oldest = upper;
        for (const post of posts) {
          const createdUtc = postSchema.safeParse(post).data?.created_utc ?? 0;
          if (createdUtc > 0) oldest = Math.min(oldest, createdUtc);
          for (const imdbId of extractImdbIds(post)) {
            const postedAt = createdUtc * 1000;
            const seen = found.get(imdbId);
            if (seen === undefined || postedAt < seen) found.set(imdbId, postedAt);
          }
        }
        if (posts.length < pageSize || oldest >= upper) break;
        upper = oldest;
        if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      }
      return [...found].map(([imdbId, postedAt]) => ({ imdbId, postedAt }));
    },
  };
}
