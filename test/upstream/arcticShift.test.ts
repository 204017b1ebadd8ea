import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArcticShiftClient, extractImdbIds } from '../../src/upstream/arcticShift.ts';
import { createUpstreamHttp } from '../../src/upstream/http.ts';
import { startScriptedServer } from '../helpers/scriptedServer.ts';

describe('extractImdbIds', () => {
  it.each([
    [{ title: 'Sinners (2025) WEB-DL tt31193180', selftext: '', url: '' }, ['tt31193180']],
    [
      {
        title: 'x',
        selftext: 'imdb.com/title/tt0111161/ and tt0111161 again',
        url: 'https://www.imdb.com/title/tt0068646/',
      },
      ['tt0111161', 'tt0068646'],
    ],
    [{ title: 'no ids here', selftext: 'att12345 is not one' }, []],
    ['not an object', []],
    [{ title: 42, selftext: null }, []],
  ])('%j', (post, expected) => {
    expect(extractImdbIds(post)).toEqual(expected);
  });
});

describe('Arctic Shift client', () => {
  let server: Awaited<ReturnType<typeof startScriptedServer>>;
  const base = 1_790_000_000;
  beforeAll(async () => {
    server = await startScriptedServer((req) => {
      const before = Number(new URL(req.url ?? '', 'http://x').searchParams.get('before'));
      // Page 1: two posts; page 2 (older): one post and the end.
      if (before > base + 100) {
        return {
          body: {
            data: [
              { title: 'A tt0000001', created_utc: base + 50 },
              { title: 'B tt0000002', created_utc: base + 40 },
            ],
          },
        };
      }
      return { body: { data: [{ title: 'A again tt0000001', created_utc: base + 10 }] } };
    });
  });
  afterAll(() => server.close());

  it('pages backwards and keeps the first post per title', async () => {
    const http = createUpstreamHttp({ allowedOrigins: [server.origin] });
    const client = createArcticShiftClient({ http, base: server.origin, pageSize: 2 });
    const posts = await client.recentDigitalReleases((base - 1000) * 1000, (base + 1000) * 1000);
    expect(posts.sort((a, b) => a.imdbId.localeCompare(b.imdbId))).toEqual([
      { imdbId: 'tt0000001', postedAt: (base + 10) * 1000 },
      { imdbId: 'tt0000002', postedAt: (base + 40) * 1000 },
    ]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.url).toContain('subreddit=movieleaks');
    await http.close();
  });
});
