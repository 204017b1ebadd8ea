/**
 * AIOStreams search API mounted at `/aiostreams`: `GET /api/v1/search?type=movie|series&id=tt…[:s:e]`
 * with `Authorization: Basic …`. Results carry `parsedFile` (resolution, quality, visualTags, audioTags),
 * built from the same catalogue releases as the stream addon.
 */
import type { StreamData } from '../catalogueTypes.ts';
import { headerValue, json, type Reply, type RouteRequest } from '../http.ts';
import { registry as defaultRegistry, type Registry } from '../registry.ts';
import { releaseName, streamObjects } from './releases.ts';
import { lookupStreams } from './routes.ts';

function failure(status: number, code: string, message: string): Reply {
  return json(status, { success: false, detail: null, error: { code, message } });
}

function visualTags(data: StreamData): string[] {
  return data.hdr ?? [];
}

function audioTags(data: StreamData): string[] {
  const audio = data.audio ?? '';
  const tags: string[] = [];
  if (audio.includes('Atmos')) tags.push('Atmos');
  if (audio.includes('TrueHD')) tags.push('TrueHD');
  if (audio.includes('DTS-X')) tags.push('DTS:X');
  else if (audio.includes('DTS-HD.MA')) tags.push('DTS-HD MA');
  else if (audio.includes('DTS')) tags.push('DTS');
  if (audio.includes('DDP')) tags.push('DD+');
  if (audio.includes('AC3')) tags.push('DD');
  if (audio.includes('AAC')) tags.push('AAC');
  if (audio.includes('FLAC')) tags.push('FLAC');
  return tags;
}

function quality(data: StreamData): string {
  return data.source === 'REMUX' ? 'BluRay REMUX' : data.source;
}

function encode(data: StreamData): string {
  return /265|HEVC/i.test(data.codec) ? 'HEVC' : 'AVC';
}

export function aiostreamsRoute(request: RouteRequest, registry: Registry = defaultRegistry): Reply {
  const auth = headerValue(request.headers, 'authorization') ?? '';
  if (!/^Basic\s+\S+$/i.test(auth))
    return failure(401, 'UNAUTHORIZED', 'Missing or invalid Authorization header');
  if (request.path !== '/api/v1/search') return failure(404, 'NOT_FOUND', 'Route not found');
  const type = request.query.get('type') ?? '';
  const id = request.query.get('id') ?? '';
  if ((type !== 'movie' && type !== 'series') || id.length > 64 || !/^tt\d+(:\d+:\d+)?$/.test(id)) {
    return failure(400, 'BAD_REQUEST', 'type must be movie or series and id an IMDb id');
  }
  const found = lookupStreams(registry, type, id, request.now);
  if (!found) return json(200, { success: true, detail: null, data: { results: [], errors: [] } });
  const streams = streamObjects(found.title, found.target, request.now);
  const results = found.title.streams.map((data, index) => {
    const stream = streams[index]!;
    return {
      infoHash: stream.infoHash ?? null,
      url: null,
      name: stream.name,
      description: stream.title ?? stream.description ?? '',
      addon: 'DemoStreams',
      size: Math.round(data.sizeGb * 1024 ** 3),
      seeders: data.seeders,
      filename: releaseName(found.title, data, found.target, request.now),
      parsedFile: {
        title: found.title.title,
        year: Number(/^\d{4}/.exec(found.title.date)?.[0] ?? request.now.getUTCFullYear()),
        resolution: data.res,
        quality: quality(data),
        encode: encode(data),
        visualTags: visualTags(data),
        audioTags: audioTags(data),
        audioChannels: [/(\d\.\d)/.exec(data.audio ?? '')?.[1] ?? '2.0'],
        languages: ['English'],
        releaseGroup: data.group,
      },
    };
  });
  return json(200, { success: true, detail: null, data: { results, errors: [] } });
}
