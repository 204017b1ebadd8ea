import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
};

describe('/metrics', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp({ METRICS_ACCESS_KEY: 'metrics-secret-1' });
  });
  afterAll(() => app.close());

  it('requires METRICS_ACCESS_KEY when configured', async () => {
    expect((await app.get('/metrics')).status).toBe(403);
    expect((await app.get('/metrics?access_key=wrong')).status).toBe(403);
    expect((await app.get('/metrics?access_key=%F0%9F%94%91')).status).toBe(403);
    expect((await app.get('/metrics?access_key=metrics-secret-1')).status).toBe(200);
  });

  it('counts cache lookups, renders, upstream calls and HTTP requests by route, with no raw ids in labels', async () => {
    await app.get('/poster?imdb_id=tt1375666&type=movie&tmdb_key=user-key-abc123');
    await app.get('/poster?imdb_id=tt1375666&type=movie&tmdb_key=user-key-abc123');
    const response = await app.get('/metrics?access_key=metrics-secret-1');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(
      value(text, 'postersplus_cache_lookups_total{table="final_poster",result="miss"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(text, 'postersplus_cache_lookups_total{table="final_poster",result="hit"}'),
    ).toBeGreaterThanOrEqual(1);
    // The Python service's table names, which its dashboards query.
    for (const table of ['tmdb_metadata', 'rating', 'tmdb_poster', 'tmdb_logo']) {
      expect(
        value(text, `postersplus_cache_lookups_total{table="${table}",result="miss"}`),
        table,
      ).toBeGreaterThanOrEqual(1);
    }
    expect(text).not.toMatch(/table="(composite|\w+_cache)"/);
    expect(value(text, 'postersplus_render_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(
      value(text, 'postersplus_upstream_calls_total{service="tmdb",status="2xx"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(text, 'postersplus_http_requests_total{route="/poster",status="200"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(
      value(text, 'postersplus_backend_info{storage="sqlite",coordinator="inprocess",blobstore="local"}'),
    ).toBe(1);
    expect(value(text, 'postersplus_circuit_state{service="tmdb"}')).toBe(0);
    expect(value(text, 'postersplus_render_inflight')).toBe(0);
    expect(text).toContain('postersplus_nodejs_eventloop_lag_seconds');
    for (const name of [
      'render_queue_depth',
      'render_saturated_total',
      'job_runs_total',
      'coordinator_failopen_total',
    ]) {
      expect(text).toContain(`# TYPE postersplus_${name}`);
    }
    // Labels never carry ids or keys.
    expect(text).not.toContain('tt1375666');
    expect(text).not.toContain('user-key-abc123');
    expect(text).not.toContain('metrics-secret-1');
  });
});

describe('/metrics on the public tier', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp({ PRESET_ENABLED: 'true', ACCESS_KEY: 'op-key-1' });
  });
  afterAll(() => app.close());

  it('counts /p requests by known preset id only', async () => {
    await app.get('/p/awards/movie/tt0111161.jpg');
    await app.get('/p/awards/movie/tt0111161.jpg');
    await app.get('/p/no-such-preset/movie/tt0111161.jpg');
    const text = await (await app.get('/metrics')).text();
    expect(value(text, 'postersplus_preset_requests_total{preset="awards"}')).toBe(2);
    expect(text).not.toContain('no-such-preset');
  });
});
