import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

const promtool = spawnSync('promtool', ['--version']).status === 0;
if (!promtool && process.env.CI)
  throw new Error('promtool is missing: .ci/run installs the Debian package prometheus');
if (!promtool)
  console.warn('promtool not installed (apt-get install prometheus): skipping the exposition lint locally');

describe.runIf(promtool)('/metrics exposition', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp({ JOBS_ENABLED: 'false' });
  });
  afterAll(() => app.close());

  it('passes `promtool check metrics` after real traffic', async () => {
    await app.get('/poster?imdb_id=tt0111161&type=movie');
    await app.get('/poster?imdb_id=tt0111161&type=movie');
    await app.get('/poster?tmdb_id=abc&type=movie');
    await app.get('/no/such/route');
    const text = await (await app.get('/metrics')).text();
    const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(result.stderr + result.stdout).toBe('');
    expect(result.status).toBe(0);
    expect(execFileSync('promtool', ['--version'], { encoding: 'utf8' })).toContain('promtool');
  });
});
