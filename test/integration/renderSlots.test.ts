/**
 * Render slots are for rendering (issue 15 §1): facts and art are gathered outside the admission slot,
 * so a hung or slow upstream never turns into `503 saturated`; and two first requests for one title
 * never make each other provisional.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/demo/index.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

type App = Awaited<ReturnType<typeof startInProcessApp>>;

const DEADLINE_MS = 4000;
const ENV = { RENDER_CONCURRENCY: '2', POSTER_DEADLINE_MS: String(DEADLINE_MS) };

function coldPaths(count: number): string[] {
  const paths: string[] = [];
  for (let i = 0; paths.length < count; i++) {
    const title = CATALOGUE[i % CATALOGUE.length]!;
    const type = title.kind === 'movie' ? 'movie' : 'tv';
    // A new rating_display_mode per lap makes every request a different, uncached poster.
    const lap = Math.floor(i / CATALOGUE.length);
    paths.push(
      `/poster?tmdb_id=${title.tmdbId}&type=${type}&rating_display_mode=${lap % 4}&badge_height=${40 + lap}`,
    );
  }
  return paths;
}

async function burst(app: App, paths: string[]) {
  const started = Date.now();
  const answers = await Promise.all(
    paths.map(async (path) => {
      const response = await app.get(path);
      const body = Buffer.from(await response.arrayBuffer());
      const error = response.status === 200 ? undefined : body.toString('utf8').slice(0, 80);
      return {
        status: response.status,
        xCache: response.headers.get('x-cache'),
        ms: Date.now() - started,
        error,
      };
    }),
  );
  return answers;
}

describe('render slots are for rendering', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it.each([16, 64])(
    '%i simultaneous cold requests while MDBList hangs: all posters, no 503',
    async (count) => {
      app = await startInProcessApp(ENV);
      app.fake.faults.hang('mdblist');
      const answers = await burst(app, coldPaths(count));
      expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
      // MDBList never answered: every poster is provisional, none waited for a slot past its deadline.
      expect(answers.every((answer) => answer.xCache === 'PROVISIONAL')).toBe(true);
      expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(DEADLINE_MS + 3000);
    },
  );

  it('16 simultaneous cold requests with every upstream slowed by 1 s: no 503', async () => {
    app = await startInProcessApp(ENV);
    for (const service of ['tmdb', 'images', 'mdblist', 'addon'] as const)
      app.fake.faults.latency(service, 1000);
    const answers = await burst(app, coldPaths(16));
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  });

  it('two first requests for one title in different styles are both complete', async () => {
    app = await startInProcessApp();
    const [a, b] = await burst(app, [
      '/poster?tmdb_id=278&type=movie&badge_display_mode=2',
      '/poster?tmdb_id=278&type=movie&badge_display_mode=5',
    ]);
    expect([a?.status, b?.status]).toEqual([200, 200]);
    expect([a?.xCache, b?.xCache]).toEqual(['MISS', 'MISS']);
  });

  it('TMDB down, an IMDb id never looked up: a provisional no-store placeholder, not a 503', async () => {
    app = await startInProcessApp(ENV);
    app.fake.faults.set('tmdb', { status: 503 });
    const response = await app.get('/poster?imdb_id=tt0068646&type=movie');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('x-cache')).toBe('PROVISIONAL');
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    expect(response.headers.get('etag')).toBeNull();
    // TMDB back: the real poster, since the placeholder was never stored.
    app.fake.faults.reset();
    const debug = await app.get('/poster?imdb_id=tt0068646&type=movie&debug=1');
    expect(await debug.json()).toMatchObject({ imdb_id: 'tt0068646', provisional: false });
  });
});
