import { describe, expect, it } from 'vitest';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

describe('graceful stop', () => {
  it('lets an in-flight poster finish, refuses new work, releases job leases, then closes backends', async () => {
    const app = await startInProcessApp({ JOBS_ENABLED: 'false' });
    app.fake.faults.latency('tmdb', 800);
    const inflight = app.get('/poster?imdb_id=tt1375666&type=movie');
    await new Promise((r) => setTimeout(r, 200)); // the request is now waiting on TMDB

    // A job holding its lease when the stop begins.
    const job = app.deps.scheduler.runNow('trending-fetch');
    const stopping = app.stop();

    const response = await inflight;
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    await job;
    await stopping;

    // Everything closed: the port refuses connections, and the lease was released before the coordinator closed.
    await expect(fetch(`${app.url}/live`)).rejects.toThrow();
    expect(app.lifecycle.closeOrder().indexOf('jobs')).toBeLessThan(
      app.lifecycle.closeOrder().indexOf('coordinator:inprocess'),
    );
  });
});
