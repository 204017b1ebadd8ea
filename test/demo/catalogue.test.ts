import { describe, expect, it } from 'vitest';
import { resolveDate } from '../../src/demo/clock.ts';
import { CATALOGUE, Registry, registry, TRENDING } from '../../src/demo/index.ts';

describe('demo catalogue', () => {
  it('has at least 12 titles with unique ids, including the six required ones', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(12);
    const keys = CATALOGUE.map((t) => `${t.kind}:${t.tmdbId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(CATALOGUE.map((t) => t.imdbId)).size).toBe(CATALOGUE.length);
    const required: [string, 'movie' | 'tv', number, string][] = [
      ['tt0111161', 'movie', 278, 'The Shawshank Redemption'],
      ['tt0068646', 'movie', 238, 'The Godfather'],
      ['tt1375666', 'movie', 27205, 'Inception'],
      ['tt6751668', 'movie', 496243, 'Parasite'],
      ['tt0903747', 'tv', 1396, 'Breaking Bad'],
      ['tt0944947', 'tv', 1399, 'Game of Thrones'],
    ];
    for (const [imdb, kind, tmdb, title] of required) {
      expect(registry.byImdb(imdb), imdb).toMatchObject({ kind, tmdbId: tmdb, title });
      expect(registry.byTmdb(kind, tmdb)?.imdbId).toBe(imdb);
    }
    expect(registry.byImdb('tt6751668')).toMatchObject({ originalLanguage: 'ko', originalTitle: '기생충' });
  });

  it('covers every artwork edge case', () => {
    const art = CATALOGUE.map((t) => ({ t, a: registry.art(t) }));
    const posters = (x: (typeof art)[number]) => x.a.posters;
    expect(art.some((x) => posters(x).length > 0 && posters(x).every((p) => p.data.lang !== null))).toBe(
      true,
    );
    expect(art.some((x) => posters(x).length === 0 && x.a.backdrops.length > 0)).toBe(true);
    expect(
      art.some((x) => posters(x).length === 0 && x.a.backdrops.length === 0 && x.a.logos?.length === 0),
    ).toBe(true);
    expect(art.some((x) => x.a.logos !== null && x.a.logos.length === 0)).toBe(true);
    expect(art.some((x) => x.a.logos === null)).toBe(true);
    expect(art.filter((x) => posters(x).some((p) => p.data.corrupt))).toHaveLength(1);
    expect(art.some((x) => x.a.logos?.some((l) => l.data.tone === 'dark'))).toBe(true);
  });

  it('covers the lifecycle and fact cases', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const today = now.toISOString().slice(0, 10);
    const inCinemas = CATALOGUE.find(
      (t) =>
        t.releases?.some((r) => r.country === 'US' && r.type === 3 && resolveDate(r.date, now) <= today) &&
        t.releases?.some((r) => r.country === 'US' && r.type === 4 && resolveDate(r.date, now) > today),
    );
    expect(inCinemas?.title).toBe('Project Hail Mary');
    expect(resolveDate(inCinemas!.date, now).slice(0, 4)).toBe('2026');
    const returning = CATALOGUE.find((t) => t.tv?.nextEpisode);
    expect(returning?.status).toBe('Returning Series');
    expect(CATALOGUE.some((t) => t.digitalPostDaysAgo !== undefined)).toBe(true);
    expect(CATALOGUE.some((t) => t.genres.includes(27))).toBe(true);
    expect(CATALOGUE.some((t) => t.genres.includes(16))).toBe(true);
    expect(CATALOGUE.some((t) => t.genres.includes(99))).toBe(true);
    expect(CATALOGUE.some((t) => t.streams.length === 0)).toBe(true);
    expect(CATALOGUE.some((t) => t.runtime < 40 && t.kind === 'movie')).toBe(true);
    const slugs = CATALOGUE.flatMap((t) => t.mdblist.keywords);
    for (const slug of [
      'best-picture-winner',
      'cult-film',
      'based-on-true-story',
      'festival-cannes-winner',
    ]) {
      expect(slugs).toContain(slug);
    }
    for (const title of CATALOGUE) {
      expect(title.crew.length + (title.tv?.createdBy.length ?? 0), title.title).toBeGreaterThan(0);
      if (title.kind === 'movie') {
        expect(
          title.crew.some((c) => c.job === 'Director'),
          title.title,
        ).toBe(true);
        expect(title.releases?.some((r) => r.country === 'US' && (r.type === 3 || r.type === 4))).toBe(true);
      } else {
        expect(title.contentRatings?.some(([country]) => country === 'US')).toBe(true);
      }
    }
  });

  it('trending lists reference catalogue titles only', () => {
    for (const list of [TRENDING.movie.day, TRENDING.movie.week, TRENDING.tv.day, TRENDING.tv.week]) {
      for (const id of list) expect(registry.byAnyImdb(id), id).toBeDefined();
    }
  });

  it('artwork file paths are unique, TMDB-shaped and stable', () => {
    const files = CATALOGUE.flatMap((t) => {
      const a = registry.art(t);
      return [...a.posters, ...a.backdrops, ...(a.logos ?? [])].map((x) => x.file);
    });
    expect(new Set(files).size).toBe(files.length);
    for (const file of files) expect(file).toMatch(/^\/[0-9A-Za-z]{27}\.(jpg|png)$/);
    const again = new Registry(CATALOGUE);
    expect(again.art(again.byImdb('tt0111161')!).posters.map((p) => p.file)).toEqual(
      registry.art(registry.byImdb('tt0111161')!).posters.map((p) => p.file),
    );
  });

  it('resolves relative dates against the clock day', () => {
    const now = new Date('2026-03-01T23:59:00Z');
    expect(resolveDate('-1d', now)).toBe('2026-02-28');
    expect(resolveDate('+0d', now)).toBe('2026-03-01');
    expect(resolveDate('1999-10-15', now)).toBe('1999-10-15');
  });
});
