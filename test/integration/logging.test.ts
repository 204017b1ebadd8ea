import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/index.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

/** Every secret an operator or a caller could hand us, each distinct so a leak names its source. */
const SECRETS = {
  serverTmdbKey: 'srvTmdbSecret4711',
  serverMdblistKey: 'srvMdbSecret4711',
  debridToken: 'DEBRIDTOKEN4711xyz',
  accessKey: 'accessSecret4711',
  userTmdbKey: 'userTmdbSecret4711',
  userMdblistKey: 'userMdbSecret4711',
};

describe('JSON logs under failing upstreams', () => {
  let fake: FakeUpstream;
  let app: Awaited<ReturnType<typeof startInProcessApp>>;

  beforeAll(async () => {
    fake = await startFakeUpstream({ port: 0 });
    app = await startInProcessApp({
      LOG_LEVEL: 'info',
      JOBS_ENABLED: 'false',
      TMDB_API_KEY: SECRETS.serverTmdbKey,
      TMDB_API_BASE: fake.urls.tmdbApiBase,
      TMDB_IMAGE_BASE: fake.urls.tmdbImageBase,
      METAHUB_BASE: fake.urls.metahubBase,
      MDBLIST_API_KEY: SECRETS.serverMdblistKey,
      MDBLIST_API_BASE: fake.urls.mdblistApiBase,
      QUALITY_SOURCE: 'scraper',
      // Addon URLs carry debrid tokens in their path, and errors carry paths.
      SCRAPER_URL: `${fake.origin}/addon/realdebrid=${SECRETS.debridToken}`,
      ACCESS_KEY: SECRETS.accessKey,
      QUALITY_GRACE_MS: '3000',
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('logs failures once, with request ids and tenants, and never a secret', async () => {
    fake.faults.status('addon', 500);
    const keys = `tmdb_key=${SECRETS.userTmdbKey}&mdblist_key=${SECRETS.userMdblistKey}&access_key=${SECRETS.accessKey}`;
    const poster = await app.get(`/poster?imdb_id=tt0111161&type=movie&${keys}`);
    expect(poster.status).toBe(200);

    fake.faults.reset('addon');
    fake.faults.status('tmdb', 500);
    for (const id of ['tt0068646', 'tt1375666', 'tt6751668']) {
      await app.get(`/poster?imdb_id=${id}&type=movie&access_key=${SECRETS.accessKey}`);
    }
    await new Promise((r) => setTimeout(r, 100));

    const lines = app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((l) => l.msg === 'background fetch failed')).toBe(true);
    const opened = lines.filter((l) => String(l.msg).startsWith('upstream failing'));
    expect(opened.map((l) => l.service)).toEqual(['tmdb']); // once, not once per request

    const access = lines.find((l) => l.msg === 'request' && l.route === '/poster');
    expect(access).toMatchObject({
      level: 30,
      request_id: expect.any(String),
      method: 'GET',
      status: 200,
      duration_ms: expect.any(Number),
      tenant: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(access).toHaveProperty('time');
    expect(access).toHaveProperty('cache');

    const everything = app.logs.join('\n');
    for (const [name, secret] of Object.entries(SECRETS)) expect(everything, name).not.toContain(secret);
    expect(everything).toContain('[REDACTED]');
  });
});
