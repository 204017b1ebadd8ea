/**
 * A cold poster downloads its art while ratings and stream quality are still being fetched: the art
 * choice needs TMDB's details only. Checked by arrival order at the fake upstream, not by timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

describe('cold path', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp();
  });
  afterAll(() => app.close());

  it('art requests reach the image CDN while the MDBList request is still pending', async () => {
    app.fake.faults.latency('mdblist', 600);
    try {
      const response = await app.get('/poster?tmdb_id=27205&type=movie');
      expect(response.status).toBe(200);
      const mdblist = app.fake.requests.entries('mdblist').at(-1)!;
      const images = app.fake.requests.entries('images');
      expect(images.length).toBeGreaterThan(0);
      const mdblistAnswered = Date.parse(mdblist.at) + (mdblist.durationMs ?? 0);
      // The first download started before MDBList answered (it would start after it, sequentially).
      expect(Math.min(...images.map((entry) => Date.parse(entry.at)))).toBeLessThan(mdblistAnswered - 200);
    } finally {
      app.fake.faults.reset();
    }
  });
});
