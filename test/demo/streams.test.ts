import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/index.ts';
import { type AnyJson, FIXTURES, getJson, keyUnion } from './helpers.ts';

let upstream: FakeUpstream;
let addon: string;

beforeAll(async () => {
  upstream = await startFakeUpstream({ now: new Date('2026-11-28T12:00:00Z') });
  addon = upstream.urls.addonBase;
});
afterAll(() => upstream.close());

function recordedStreams(): AnyJson[] {
  const dir = join(FIXTURES, 'streams');
  return readdirSync(dir).flatMap(
    (file) => JSON.parse(readFileSync(join(dir, file), 'utf8')).streams as AnyJson[],
  );
}

const streams = async (type: string, id: string) =>
  (await getJson(`${addon}/stream/${type}/${id}.json`)).body;

describe('stream addon', () => {
  it('serves a manifest at the scraper URL', async () => {
    const { status, body } = await getJson(upstream.urls.scraperUrl);
    expect(status).toBe(200);
    expect(body).toMatchObject({ resources: ['stream'], types: ['movie', 'series'], idPrefixes: ['tt'] });
    expect(upstream.urls.scraperUrl.replace(/\/manifest\.json$/, '')).toBe(addon);
  });

  it('stream objects only use fields seen in the recorded addon responses', async () => {
    const recorded = recordedStreams();
    const allowed = keyUnion(recorded);
    const allowedHints = keyUnion(recorded.filter((s) => s.behaviorHints).map((s) => s.behaviorHints));
    for (const [type, id] of [
      ['movie', 'tt1375666'],
      ['movie', 'tt0111161'],
      ['series', 'tt0903747:1:1'],
      ['series', 'tt0944947'],
    ] as const) {
      const body = await streams(type, id);
      expect(Object.keys(body)).toEqual(['streams']);
      expect(body.streams.length, id).toBeGreaterThan(0);
      for (const stream of body.streams) {
        for (const key of Object.keys(stream)) expect(allowed.has(key), `${id} ${key}`).toBe(true);
        for (const key of Object.keys(stream.behaviorHints ?? {}))
          expect(allowedHints.has(key), key).toBe(true);
        expect(typeof stream.name).toBe('string');
        expect(typeof (stream.title ?? stream.description)).toBe('string');
        expect(stream.infoHash).toMatch(/^[0-9a-f]{40}$/);
      }
    }
  });

  it('builds realistic release names from the catalogue qualities', async () => {
    const inception = (await streams('movie', 'tt1375666')).streams;
    expect(inception[0].name).toBe('DemoStreams\n4k DV | HDR');
    const release = inception[0].title.split('\n')[0];
    expect(release).toBe('Inception.2010.UHD.BluRay.2160p.TrueHD.Atmos.7.1.DV.HDR10.HEVC.REMUX-FraMeSToR');
    expect(inception[0].title).toMatch(/\n👤 \d+ 💾 [\d.]+ GB ⚙️ \w+/);
    // The second style puts the release in `description` (Comet), the third has no filename.
    expect(inception[1].title).toBeUndefined();
    expect(inception[1].description.split('\n')[0]).toMatch(/2160p\.MA\.WEB-DL\.DDP5\.1\.Atmos\.DV\.HDR/);
    expect(inception[2].behaviorHints.filename).toBeUndefined();
    const parasite = (await streams('movie', 'tt6751668')).streams;
    expect(parasite).toHaveLength(1);
    expect(parasite[0].title).toMatch(/^Parasite\.2019\.1080p\.AMZN\.WEB-DL/);
    expect(parasite[0].title).toContain('🇰🇷');
    const room = (await streams('movie', 'tt0368226')).streams;
    expect(room[0].name).toBe('DemoStreams\nDVDRip');
  });

  it('series: episodes use SxxEyy, show ids list season packs', async () => {
    const episode = (await streams('series', encodeURIComponent('tt0903747:2:3'))).streams;
    expect(episode[0].title).toMatch(/^Breaking\.Bad\.S02E03\.1080p/);
    const pack = (await streams('series', 'tt0903747')).streams;
    expect(pack[0].title).toMatch(/^Breaking\.Bad\.S01-S05\.COMPLETE\./);
  });

  it('answers the verbatim empty body for nothing-out-yet, unknown and mismatched ids', async () => {
    const recorded = JSON.parse(
      readFileSync(join(FIXTURES, 'streams/empty_streams_brazuca_tt0063350.json'), 'utf8'),
    );
    for (const [type, id] of [
      ['movie', 'tt12042730'],
      ['movie', 'tt9999999'],
      ['series', 'tt0111161'],
      ['movie', 'tt0903747'],
      ['series', 'tt0903747:9:1'],
      ['series', 'tt0903747:1:99'],
      ['series', 'tt11280740:3:1'],
      ['movie', 'not-an-id'],
      ['channel', 'tt0111161'],
    ]) {
      const { status, body } = await getJson(`${addon}/stream/${type}/${id}.json`);
      expect(status, id).toBe(200);
      expect(body, `${type} ${id}`).toEqual(recorded);
    }
  });

  it('404s unknown addon paths', async () => {
    expect((await getJson(`${addon}/catalog/movie/top.json`)).status).toBe(404);
    expect((await getJson(`${addon}/stream/movie/%E0%A4%A.json`)).status).toBe(400);
  });
});

describe('AIOStreams', () => {
  const search = (query: string, auth = 'Basic dXVpZDpwYXNz') =>
    getJson(
      `${upstream.urls.aiostreamsUrl}/api/v1/search?${query}`,
      auth ? { headers: { authorization: auth } } : {},
    );

  it('returns parsedFile tokens for the top results', async () => {
    const { status, body } = await search('type=movie&id=tt1375666');
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    expect(body.data.errors).toEqual([]);
    expect(body.data.results[0].parsedFile).toMatchObject({
      resolution: '2160p',
      quality: 'BluRay REMUX',
      visualTags: ['DV', 'HDR10'],
      audioTags: ['Atmos', 'TrueHD'],
    });
    const episode = await search('type=series&id=tt0944947:1:1');
    expect(episode.body.data.results[0].parsedFile.audioTags).toContain('DTS:X');
  });

  it('empty results without errors for unknown titles; 401 without auth; 400 for bad input', async () => {
    expect((await search('type=movie&id=tt12042730')).body).toEqual({
      success: true,
      detail: null,
      data: { results: [], errors: [] },
    });
    expect((await search('type=movie&id=tt1375666', '')).status).toBe(401);
    expect((await search('type=anime&id=tt1375666')).status).toBe(400);
    expect((await search('type=movie&id=1375666')).status).toBe(400);
  });
});
