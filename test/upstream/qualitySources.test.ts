import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/upstream/errors.ts';
import { createUpstreamHttp } from '../../src/upstream/http.ts';
import { createQualitySource, normaliseAddonBase } from '../../src/upstream/qualitySources.ts';
import { fixture } from '../helpers/fixtures.ts';
import { type ScriptedResponse, startScriptedServer } from '../helpers/scriptedServer.ts';

describe('normaliseAddonBase', () => {
  it.each([
    ['stremio://addon.example/abc/manifest.json', 'https://addon.example/abc'],
    ['https://torrentio.example/providers=x/manifest.json', 'https://torrentio.example/providers=x'],
    ['https://addon.example/', 'https://addon.example'],
    ['  https://addon.example/MANIFEST.JSON ', 'https://addon.example'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseAddonBase(raw)).toBe(expected);
  });
});

describe('quality sources over HTTP', () => {
  let answers: Record<string, ScriptedResponse> = {};
  let server: Awaited<ReturnType<typeof startScriptedServer>>;
  let http: ReturnType<typeof createUpstreamHttp>;

  beforeAll(async () => {
    server = await startScriptedServer((req) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      return answers[path] ?? { status: 404, body: { error: 'not found' } };
    });
    http = createUpstreamHttp({ allowedOrigins: [server.origin], retryBaseDelayMs: 1, maxAttempts: 1 });
  });
  afterAll(async () => {
    await http.close();
    await server.close();
  });

  const scraper = () =>
    createQualitySource({
      http,
      source: 'scraper',
      scraperUrl: `${server.origin}/addon/manifest.json`,
      aiostreamsUrl: '',
      aiostreamsAuth: '',
    });

  it('scraper: reads the top five streams of a recorded Torrentio answer', async () => {
    answers = {
      '/addon/stream/movie/tt1431045.json': {
        body: fixture('streams/torrentio_movie_deadpool_tt1431045_p2p.json'),
      },
    };
    const result = await scraper().fetch('movie', 'tt1431045');
    expect(result.outcome).toBe('ok');
    if (result.outcome !== 'ok') return;
    expect(result.streams.length).toBe(4);
    expect(JSON.stringify(result.streams[0])).toContain('Torrentio');
  });

  it('scraper: an empty list with cache hints is a normal empty answer', async () => {
    answers = {
      '/addon/stream/movie/tt0063350.json': { body: fixture('streams/empty_streams_brazuca_tt0063350.json') },
    };
    expect(await scraper().fetch('movie', 'tt0063350')).toEqual({ outcome: 'empty' });
  });

  it('scraper: a series asks for the first episode, then the show id', async () => {
    answers = {
      '/addon/stream/series/tt0903747.json': { body: fixture('streams/comet_movie_and_series_mixed.json') },
    };
    const result = await scraper().fetch('tv', 'tt0903747');
    expect(result.outcome).toBe('ok');
    expect(server.requests.map((r) => r.url)).toContain('/addon/stream/series/tt0903747%3A1%3A1.json');
  });

  it('scraper: hostile JSON is an error, not a crash', async () => {
    answers = { '/addon/stream/movie/tt1.json': { body: '<html>not json' } };
    await expect(scraper().fetch('movie', 'tt1')).rejects.toBeInstanceOf(UpstreamError);
    answers = { '/addon/stream/movie/tt2.json': { body: { streams: 'nope' } } };
    expect(await scraper().fetch('movie', 'tt2')).toEqual({ outcome: 'empty' });
  });

  const aio = () =>
    createQualitySource({
      http,
      source: 'aiostreams',
      aiostreamsUrl: server.origin,
      aiostreamsAuth: 'dXVpZDpwYXNz',
      scraperUrl: '',
    });

  it('aiostreams: sends Basic auth and returns parsed files', async () => {
    answers = {
      '/api/v1/search': {
        body: {
          success: true,
          data: {
            results: [
              {
                parsedFile: {
                  resolution: '2160p',
                  quality: 'BluRay REMUX',
                  visualTags: ['DV'],
                  audioTags: ['Atmos'],
                },
              },
            ],
          },
        },
      },
    };
    const result = await aio().fetch('movie', 'tt0111161');
    expect(result).toEqual({
      outcome: 'ok',
      streams: [{ resolution: '2160p', quality: 'BluRay REMUX', visualTags: ['DV'], audioTags: ['Atmos'] }],
    });
    expect(server.requests.at(-1)?.headers.authorization).toBe('Basic dXVpZDpwYXNz');
  });

  it('aiostreams: no results with errors is a failure, without errors an empty answer', async () => {
    answers = {
      '/api/v1/search': {
        body: { success: true, data: { results: [], errors: [{ title: 'debrid down' }] } },
      },
    };
    await expect(aio().fetch('movie', 'tt1')).rejects.toBeInstanceOf(UpstreamError);
    answers = { '/api/v1/search': { body: { success: true, data: { results: [] } } } };
    expect(await aio().fetch('movie', 'tt1')).toEqual({ outcome: 'empty' });
    answers = { '/api/v1/search': { body: { success: false } } };
    await expect(aio().fetch('movie', 'tt1')).rejects.toBeInstanceOf(UpstreamError);
  });
});
