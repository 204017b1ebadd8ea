import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/index.ts';
import { type AnyJson, getJson } from './helpers.ts';

const NOW = new Date('2026-11-28T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const DAY = 86_400;

let upstream: FakeUpstream;
let search: string;

beforeAll(async () => {
  upstream = await startFakeUpstream({ now: NOW });
  search = `${upstream.urls.arcticShiftBase}/api/posts/search`;
});
afterAll(() => upstream.close());

const IMDB = /tt\d{1,10}/g;
const idsOf = (post: AnyJson): string[] => [post.title, post.selftext, post.url].join(' ').match(IMDB) ?? [];

describe('Arctic Shift posts search', () => {
  it('returns {"data":[t3 posts]} newest first within the window', async () => {
    const after = NOW_S - 30 * DAY;
    const before = NOW_S - DAY;
    const { status, body } = await getJson(
      `${search}?subreddit=movieleaks&after=${after}&before=${before}&limit=100`,
    );
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data.length).toBeGreaterThan(50);
    expect(body.data.length).toBeLessThanOrEqual(100);
    for (const post of body.data) {
      expect(post.name).toBe(`t3_${post.id}`);
      expect(post.subreddit).toBe('movieleaks');
      expect(typeof post.title).toBe('string');
      expect(typeof post.selftext).toBe('string');
      expect(typeof post.url).toBe('string');
      expect(post.created_utc).toBeGreaterThan(after);
      expect(post.created_utc).toBeLessThan(before);
    }
    const times = body.data.map((p: AnyJson) => p.created_utc);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('carries the digital release of the catalogue title, with ids found in title, selftext or url', async () => {
    const { body } = await getJson(`${search}?subreddit=movieleaks&after=${NOW_S - 30 * DAY}&limit=100`);
    const ids = body.data.flatMap(idsOf);
    expect(ids).toContain('tt26581740');
    const weapons = body.data.find((p: AnyJson) => idsOf(p).includes('tt26581740'));
    expect(NOW_S - weapons.created_utc).toBeGreaterThan(2 * DAY);
    expect(NOW_S - weapons.created_utc).toBeLessThan(4 * DAY);
    expect(body.data.some((p: AnyJson) => /tt\d+/.test(p.selftext))).toBe(true);
    expect(body.data.some((p: AnyJson) => /tt\d+/.test(p.title))).toBe(true);
    expect(body.data.some((p: AnyJson) => idsOf(p).length === 0)).toBe(true);
  });

  it('pages backwards with before = oldest created_utc, without overlap', async () => {
    const first = (await getJson(`${search}?subreddit=movieleaks&limit=25`)).body.data;
    const oldest = first.at(-1).created_utc;
    const second = (await getJson(`${search}?subreddit=movieleaks&limit=25&before=${oldest}`)).body.data;
    expect(second).toHaveLength(25);
    expect(second[0].created_utc).toBeLessThan(oldest);
    const firstIds = new Set(first.map((p: AnyJson) => p.id));
    expect(second.some((p: AnyJson) => firstIds.has(p.id))).toBe(false);
  });

  it('accepts ISO dates and sort=asc; other subreddits are empty', async () => {
    const asc = (await getJson(`${search}?subreddit=MovieLeaks&after=2026-11-20&before=2026-11-22&sort=asc`))
      .body.data;
    expect(asc.length).toBeGreaterThan(0);
    expect(asc[0].created_utc).toBeLessThan(asc.at(-1).created_utc);
    expect((await getJson(`${search}?subreddit=movies`)).body).toEqual({ data: [] });
  });

  it('answers 400 for bad parameters', async () => {
    for (const query of [
      '',
      'subreddit=movieleaks&limit=0',
      'subreddit=movieleaks&limit=500',
      'subreddit=movieleaks&after=soon',
      'subreddit=movieleaks&sort=up',
    ]) {
      const { status, body } = await getJson(`${search}?${query}`);
      expect(status, query).toBe(400);
      expect(typeof body.error).toBe('string');
    }
    expect((await getJson(`${upstream.urls.arcticShiftBase}/api/comments/search`)).status).toBe(404);
  });
});
