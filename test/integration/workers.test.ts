import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedService, spawnService } from '../helpers/spawnService.ts';

const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
};

describe('WORKERS=2', () => {
  let service: SpawnedService;
  beforeAll(async () => {
    service = await spawnService({ WORKERS: '2', JOBS_ENABLED: 'false', LOG_REQUESTS: 'false' }, 30_000);
    // Wait until both workers answer a scrape.
    for (let i = 0; i < 100; i += 1) {
      const text = await (await fetch(`${service.url}/metrics`)).text().catch(() => '');
      if (value(text, 'postersplus_processes_reporting') === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 40_000);
  afterAll(() => service?.cleanup());

  it('every scrape, on whichever worker it lands, reports the sum over both workers', async () => {
    // Fresh connections so the kernel spreads them over both workers.
    for (let i = 0; i < 40; i += 1) {
      const response = await fetch(`${service.url}/live`, { headers: { connection: 'close' } });
      expect(response.status).toBe(200);
    }
    for (let i = 0; i < 6; i += 1) {
      const text = await (await fetch(`${service.url}/metrics`, { headers: { connection: 'close' } })).text();
      expect(value(text, 'postersplus_processes_reporting')).toBe(2);
      expect(value(text, 'postersplus_http_requests_total{route="/live",status="200"}')).toBe(40);
    }
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    expect(await service.stop('SIGTERM')).toBe(0);
    const stoppedLines = service.logs().filter((l) => l.msg === 'stopped');
    expect(stoppedLines).toHaveLength(2);
  });
});
