import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOriginal } from '../../src/demo/art/draw.ts';
import { type FakeUpstream, registry, startFakeUpstream } from '../../src/demo/index.ts';
import { type AnyJson, getBytes, getJson } from './helpers.ts';

let upstream: FakeUpstream;
let images: AnyJson;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  images = (await getJson(`${upstream.urls.tmdbApiBase}/movie/278/images?api_key=k`)).body;
});
afterAll(() => upstream.close());

const image = (size: string, file: string) => getBytes(`${upstream.urls.tmdbImageBase}/${size}${file}`);

describe('generated artwork', () => {
  it('serves posters at 780×1170 and resizes w-sizes', async () => {
    const file = images.posters[0].file_path;
    expect(images.posters[0]).toMatchObject({ width: 780, height: 1170, aspect_ratio: 0.667 });
    const expected: [string, number, number][] = [
      ['original', 780, 1170],
      ['w780', 780, 1170],
      ['w500', 500, 750],
      ['w342', 342, 513],
      ['w1280', 780, 1170],
    ];
    for (const [size, width, height] of expected) {
      const { status, body, type } = await image(size, file);
      expect(status, size).toBe(200);
      expect(type).toBe('image/jpeg');
      const meta = await sharp(body).metadata();
      expect([meta.format, meta.width, meta.height], size).toEqual(['jpeg', width, height]);
    }
  });

  it('serves backdrops at 1280×720', async () => {
    const file = images.backdrops[0].file_path;
    const original = await sharp((await image('original', file)).body).metadata();
    expect([original.width, original.height]).toEqual([1280, 720]);
    const w780 = await sharp((await image('w780', file)).body).metadata();
    expect([w780.width, w780.height]).toEqual([780, 439]);
  });

  it('serves logos as transparent PNGs with the declared size', async () => {
    for (const logo of images.logos) {
      const { body, type } = await image('original', logo.file_path);
      expect(type).toBe('image/png');
      const meta = await sharp(body).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual([
        'png',
        logo.width,
        logo.height,
        true,
      ]);
      const { channels } = await sharp(body).stats();
      expect(channels[3]!.min, 'some pixels are fully transparent').toBe(0);
      expect(channels[3]!.max, 'the word-mark is opaque').toBe(255);
    }
    const w300 = await sharp((await image('w300', images.logos[0].file_path)).body).metadata();
    expect(w300.width).toBe(300);
  });

  it('a textless poster and a texted poster of one title differ; art is deterministic', async () => {
    const textless = registry.art(registry.byImdb('tt0111161')!).posters.find((p) => p.data.lang === null)!;
    const texted = registry.art(registry.byImdb('tt0111161')!).posters.find((p) => p.data.lang === 'en')!;
    expect(textless.text).toBeNull();
    expect(texted.text).toBe('The Shawshank Redemption');
    const a = await renderOriginal(textless);
    const b = await renderOriginal(textless);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(await renderOriginal(texted))).toBe(false);
    const served = await image('original', textless.file);
    expect(served.body.equals(a)).toBe(true);
  });

  it('non-drawable scripts fall back to the English title on logos', () => {
    const parasite = registry.art(registry.byImdb('tt6751668')!);
    expect(parasite.logos![0]!.data.lang).toBe('ko');
    expect(parasite.logos![0]!.text).toBe('Parasite');
    const shawshank = registry.art(registry.byImdb('tt0111161')!);
    expect(shawshank.logos!.find((l) => l.data.lang === 'ru')!.text).toBe('Побег из Шоушенка');
  });

  it('the corrupt poster is served as image/jpeg but does not decode', async () => {
    const room = (await getJson(`${upstream.urls.tmdbApiBase}/movie/17473/images?api_key=k`)).body;
    const corrupt = room.posters.find((p: AnyJson) => p.iso_639_1 === null);
    for (const size of ['original', 'w500']) {
      const { status, body, type } = await image(size, corrupt.file_path);
      expect(status).toBe(200);
      expect(type).toBe('image/jpeg');
      expect([...body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      await expect(sharp(body, { failOn: 'none' }).toBuffer()).rejects.toThrow();
    }
    const fine = room.posters.find((p: AnyJson) => p.iso_639_1 === 'en');
    const meta = await sharp((await image('w342', fine.file_path)).body).metadata();
    expect(meta.width).toBe(342);
  });

  it('season posters, episode stills and company logos are served', async () => {
    const tv = (await getJson(`${upstream.urls.tmdbApiBase}/tv/1396?api_key=k`)).body;
    for (const path of [
      tv.seasons[1].poster_path,
      tv.last_episode_to_air.still_path,
      tv.networks[0].logo_path,
    ]) {
      const { status, body } = await image('w185', path);
      expect(status, path).toBe(200);
      expect((await sharp(body).metadata()).width).toBe(185);
    }
  });

  it('404s unknown files and sizes, HEAD has headers and no body', async () => {
    const file = images.posters[0].file_path;
    for (const path of [
      '/w500/nope.jpg',
      `/w99999${file}`,
      `/x500${file}`,
      `/w0${file}`,
      '/w500',
      `/w500${file}/extra`,
    ]) {
      const { status, type } = await getBytes(`${upstream.urls.tmdbImageBase}${path}`);
      expect(status, path).toBe(404);
      expect(type).toContain('application/json');
    }
    const head = await fetch(`${upstream.urls.tmdbImageBase}/w342${file}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('concurrent requests for a cold image share one rendering and give identical bytes', async () => {
    const file = registry.art(registry.byImdb('tt0944947')!).backdrops[1]!.file;
    const bodies = await Promise.all([1, 2, 3, 4].map(() => image('w300', file)));
    for (const { body } of bodies) expect(body.equals(bodies[0]!.body)).toBe(true);
  });
});
