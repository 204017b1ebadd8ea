/**
 * Quality sources: fetch what a stream source knows about a title's releases. Parsing release names into
 * tokens is pure and lives in src/title/quality.ts; this module only does I/O and shape checks.
 *
 * - `aiostreams`: GET {AIOSTREAMS_URL}/api/v1/search?type=&id= with Basic auth → parsed files.
 * - `scraper`: any Stremio stream addon, GET {base}/stream/{movie|series}/{id}.json → stream objects
 *   (series: the episode id first, then the show-level id).
 */
import { z } from 'zod';
import type { MediaType } from '../domain/facts.ts';
import { UpstreamError } from './errors.ts';
import type { UpstreamHttp } from './http.ts';

/** How many of the top results are read: the first few carry the best releases, the tail is noise. */
export const TOP_STREAMS = 5;

export type QualityFetch = { outcome: 'ok'; streams: unknown[] } | { outcome: 'empty' };

/** `stremio://host/x/manifest.json` → `https://host/x` (how users paste addon URLs). */
export function normaliseAddonBase(raw: string): string {
  return raw
    .trim()
    .replace(/^stremio:\/\//i, 'https://')
    .replace(/\/manifest\.json$/i, '')
    .replace(/\/+$/, '');
}

const streamsSchema = z.object({ streams: z.array(z.unknown()).catch([]) }).catch({ streams: [] });

const aioSchema = z.object({
  success: z.boolean().catch(false),
  data: z
    .object({
      results: z.array(z.object({ parsedFile: z.unknown().optional() }).catch({})).catch([]),
      errors: z.array(z.unknown()).catch([]).optional(),
    })
    .catch({ results: [] }),
});

function parseJson(body: Buffer, service: string, path: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new UpstreamError(service, 'status', path, 200);
  }
}

/** A series episode (`season`/`episode` request parameters). */
export interface Episode {
  season: number;
  episode: number;
}

export interface QualitySourceOptions {
  http: UpstreamHttp;
  source: 'aiostreams' | 'scraper';
  aiostreamsUrl: string;
  aiostreamsAuth: string;
  scraperUrl: string;
}

export function createQualitySource(options: QualitySourceOptions) {
  const { http } = options;
  const stremioType = (mediaType: MediaType) => (mediaType === 'movie' ? 'movie' : 'series');

  /** Series: an episode id (`tt…:s:e`, the first episode unless asked); movies: the IMDb id. */
  const streamId = (mediaType: MediaType, imdbId: string, episode?: Episode) =>
    mediaType === 'movie' ? imdbId : `${imdbId}:${episode?.season ?? 1}:${episode?.episode ?? 1}`;

  async function scraper(
    mediaType: MediaType,
    imdbId: string,
    signal?: AbortSignal,
    episode?: Episode,
  ): Promise<QualityFetch> {
    const base = normaliseAddonBase(options.scraperUrl);
    // Series: an episode shows which releases exist; many addons only answer episode ids.
    const ids = mediaType === 'movie' ? [imdbId] : [streamId(mediaType, imdbId, episode), imdbId];
    for (const id of ids) {
      const path = `/stream/${stremioType(mediaType)}/${encodeURIComponent(id)}.json`;
      const response = await http.get('quality', `${base}${path}`, { signal });
      if (response.status === 404) continue;
      if (response.status !== 200) throw new UpstreamError('quality', 'status', path, response.status);
      const { streams } = streamsSchema.parse(parseJson(response.body, 'quality', path));
      if (streams.length > 0) return { outcome: 'ok', streams: streams.slice(0, TOP_STREAMS) };
    }
    return { outcome: 'empty' };
  }

  async function aiostreams(
    mediaType: MediaType,
    imdbId: string,
    signal?: AbortSignal,
    episode?: Episode,
  ): Promise<QualityFetch> {
    const base = options.aiostreamsUrl.replace(/\/+$/, '');
    const id = streamId(mediaType, imdbId, episode);
    const path = '/api/v1/search';
    const url = `${base}${path}?type=${stremioType(mediaType)}&id=${encodeURIComponent(id)}`;
    const response = await http.get('quality', url, {
      signal,
      headers: options.aiostreamsAuth ? { authorization: `Basic ${options.aiostreamsAuth}` } : {},
    });
    if (response.status !== 200) throw new UpstreamError('quality', 'status', path, response.status);
    const parsed = aioSchema.safeParse(parseJson(response.body, 'quality', path));
    if (!parsed.success || !parsed.data.success)
      throw new UpstreamError('quality', 'status', path, response.status);
    const files = parsed.data.data.results.flatMap((r) => (r.parsedFile ? [r.parsedFile] : []));
    // No results plus errors means the source failed (a debrid outage), not that no release exists.
    if (files.length === 0 && (parsed.data.data.errors?.length ?? 0) > 0) {
      throw new UpstreamError('quality', 'status', path, response.status);
    }
    return files.length ? { outcome: 'ok', streams: files.slice(0, TOP_STREAMS) } : { outcome: 'empty' };
  }

  return {
    /** True when the configured source has what it needs to be asked at all. */
    configured(): boolean {
      return options.source === 'aiostreams' ? options.aiostreamsUrl !== '' : options.scraperUrl !== '';
    },
    kind: options.source,
    fetch(
      mediaType: MediaType,
      imdbId: string,
      signal?: AbortSignal,
      episode?: Episode,
    ): Promise<QualityFetch> {
      return options.source === 'aiostreams'
        ? aiostreams(mediaType, imdbId, signal, episode)
        : scraper(mediaType, imdbId, signal, episode);
    },
  };
}

export type QualitySource = ReturnType<typeof createQualitySource>;
