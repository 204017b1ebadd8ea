/**
 * A Stremio stream addon mounted at `/addon`: `/manifest.json` and `/stream/{movie|series}/{id}.json`
 * (series ids look like tt0903747:1:1, or the bare show id for season packs).
 */
import type { CatalogueTitle } from '../catalogueTypes.ts';
import { resolveDate } from '../clock.ts';
import { json, type Reply, type RouteRequest } from '../http.ts';
import { registry as defaultRegistry, type Registry } from '../registry.ts';
import { type StreamTarget, streamObjects } from './releases.ts';

export const MANIFEST = {
  id: 'org.postersplus.demo.streams',
  version: '1.0.0',
  name: 'Posters+ Demo Streams',
  description: 'Offline stream listings for the Posters+ demo catalogue (no playable content).',
  resources: ['stream'],
  types: ['movie', 'series'],
  catalogs: [],
  idPrefixes: ['tt'],
  behaviorHints: { configurable: false, p2p: true },
};

/** The verbatim empty answer of a real addon (fixtures/upstream/streams/empty_streams_*.json). */
export const EMPTY_STREAMS = { streams: [], cacheMaxAge: 60, staleRevalidate: 14400, staleError: 604800 };

export interface StreamLookup {
  title: CatalogueTitle;
  target: StreamTarget;
}

/** Resolves a Stremio id ('tt…', 'tt…:s:e') for a type; undefined when nothing is (or can be) out yet. */
export function lookupStreams(
  registry: Registry,
  type: string,
  id: string,
  now: Date,
): StreamLookup | undefined {
  const match = /^(tt\d{1,10})(?::(\d{1,4}):(\d{1,5}))?$/.exec(id);
  if (!match) return undefined;
  const title = registry.byAnyImdb(match[1]!);
  if (!title) return undefined;
  if (type === 'movie')
    return title.kind === 'movie' && match[2] === undefined
      ? { title, target: { kind: 'movie' } }
      : undefined;
  if (type !== 'series' || title.kind !== 'tv' || !title.tv) return undefined;
  const today = now.toISOString().slice(0, 10);
  const aired = title.tv.seasons.filter(
    (s) => s.number > 0 && s.date !== null && resolveDate(s.date, now) <= today,
  );
  if (match[2] === undefined) {
    const lastSeason = Math.max(0, ...aired.map((s) => s.number));
    return lastSeason > 0 ? { title, target: { kind: 'show', lastSeason } } : undefined;
  }
  const season = Number(match[2]);
  const episode = Number(match[3]);
  const known = aired.find((s) => s.number === season);
  if (!known || episode < 1 || episode > known.episodes) return undefined;
  return { title, target: { kind: 'episode', season, episode } };
}

export function addonRoute(request: RouteRequest, registry: Registry = defaultRegistry): Reply {
  const path = request.path;
  if (path === '/manifest.json' || path === '/' || path === '') return json(200, MANIFEST);
  const match = /^\/stream\/([a-z]+)\/([^/]+)\.json$/.exec(path);
  if (!match) return json(404, { error: 'Not found' });
  let id: string;
  try {
    id = decodeURIComponent(match[2]!);
  } catch {
    return json(400, { error: 'Bad id' });
  }
  const found = lookupStreams(registry, match[1]!, id, request.now);
  if (!found || found.title.streams.length === 0) return json(200, EMPTY_STREAMS);
  return json(200, { streams: streamObjects(found.title, found.target, request.now) });
}
