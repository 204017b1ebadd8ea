import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServiceToExit, type SpawnedService, spawnService } from '../helpers/spawnService.ts';

describe('npm start with no configuration (demo mode, embedded backends)', () => {
  let service: SpawnedService;
  const startedAt = Date.now();

  beforeAll(async () => {
    service = await spawnService();
  });
  afterAll(() => service?.cleanup());

  it('says in one log line that it runs in demo mode', () => {
    const demoLines = service.logs().filter((l) => String(l.msg).startsWith('demo mode'));
    expect(demoLines).toHaveLength(1);
    expect(String(demoLines[0]?.msg)).toContain('TMDB_API_KEY');
  });

  it('is ready with sqlite, inprocess and local backends', async () => {
    let body: unknown;
    let status = 0;
    // Readiness within 15 s of the spawn, polled like an orchestrator would.
    while (Date.now() - startedAt < 15_000) {
      const response = await fetch(`${service.url}/ready`);
      status = response.status;
      body = await response.json();
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      storage: { kind: 'sqlite', ok: true },
      coordinator: { kind: 'inprocess', ok: true },
      blobstore: { kind: 'local', ok: true },
    });
  });

  it.each(['/live', '/health'])('%s answers ok without leaking a Server header', async (route) => {
    const response = await fetch(`${service.url}${route}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('server')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('echoes a plain X-Request-Id and logs it; replaces a hostile one', async () => {
    const plain = await fetch(`${service.url}/live`, { headers: { 'x-request-id': 'abc-123' } });
    expect(plain.headers.get('x-request-id')).toBe('abc-123');
    const hostile = await fetch(`${service.url}/live`, { headers: { 'x-request-id': 'x'.repeat(500) } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    expect(service.logs().some((l) => l.request_id === 'abc-123' && l.msg === 'request')).toBe(true);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await fetch(`${service.url}/no/such/thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('never writes secret query values to its logs', async () => {
    await fetch(
      `${service.url}/live?tmdb_key=TMDBSECRET42&mdblist_key=MDBSECRET42&access_key=ACCESSSECRET42`,
    );
    await fetch(`${service.url}/missing?api_key=APISECRET42&apikey=APIKEYSECRET42`);
    await new Promise((r) => setTimeout(r, 50));
    const all = service.output.join('\n');
    expect(all).toContain('[REDACTED]');
    for (const secret of ['TMDBSECRET42', 'MDBSECRET42', 'ACCESSSECRET42', 'APISECRET42', 'APIKEYSECRET42']) {
      expect(all).not.toContain(secret);
    }
  });

  it('shuts down on SIGTERM: closes coordinator, blob store, storage in that order, exits 0', async () => {
    const code = await service.stop('SIGTERM');
    expect(code).toBe(0);
    const shutdown = service.logs().find((l) => l.msg === 'shutting down');
    const order = shutdown?.close_order as string[];
    // Renders stop before the backends they write to; backends close coordinator → blob store → storage.
    expect(order.indexOf('render-pool')).toBeLessThan(order.indexOf('coordinator:inprocess'));
    const backends = order.filter((name) => /^(coordinator|blobstore|storage):/.test(name));
    expect(backends).toEqual(['coordinator:inprocess', 'blobstore:local', 'storage:sqlite']);
    expect(order.at(-1)).toBe('demo-upstream');
    expect(service.logs().some((l) => l.msg === 'stopped')).toBe(true);
  });
});

describe('startup failures', () => {
  it('exits 2 and names every invalid variable', async () => {
    const { code, output } = await runServiceToExit({ PORT: 'eighty', IMAGE_FORMAT: 'gif' });
    expect(code).toBe(2);
    expect(output).toContain('PORT');
    expect(output).toContain('IMAGE_FORMAT');
  });

  it('exits 2 with a clear message when a hosted backend is asked for but not available, without echoing its URL', async () => {
    const { code, output } = await runServiceToExit({
      TMDB_API_KEY: 'k'.repeat(32),
      REDIS_URL: 'redis://:hunter2pass@127.0.0.1:1',
    });
    expect(code).toBe(2);
    expect(output).toContain('REDIS_URL');
    expect(output).not.toContain('hunter2pass');
  });
});

describe('never demo posters in production', () => {
  it('a hosted backend without TMDB_API_KEY: exit 2 and one line naming TMDB_API_KEY, before any backend is opened', async () => {
    const { code, output } = await runServiceToExit({
      DATABASE_URL: 'postgresql://poster:dbSecret77@127.0.0.1:1/posters',
    });
    expect(code).toBe(2);
    const lines = output.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('TMDB_API_KEY');
    expect(lines[0]).toContain('DATABASE_URL');
    expect(output).not.toContain('dbSecret77');
  });

  it('DEMO_MODE=off without a key: exit 2 naming TMDB_API_KEY', async () => {
    const { code, output } = await runServiceToExit({ DEMO_MODE: 'off' });
    expect(code).toBe(2);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toContain('TMDB_API_KEY');
  });
});

describe('an env file written for the Python service', () => {
  it('boots, reading its names as aliases, with one warning line per renamed, retired or misspelt variable', async () => {
    const service = await spawnService({
      QUALITY_WAIT_TIMEOUT: '12',
      PROMETHEUS_MULTIPROC_DIR: '/tmp/prom',
      MDBLIST_APIKEY: 'typoSecretValue42',
    });
    try {
      const warned = (name: string) =>
        service.logs().filter((line) => line.level === 40 && String(line.msg).startsWith(`${name} `));
      for (const name of ['QUALITY_WAIT_TIMEOUT', 'PROMETHEUS_MULTIPROC_DIR', 'MDBLIST_APIKEY'])
        expect(warned(name), name).toHaveLength(1);
      expect(String(warned('MDBLIST_APIKEY')[0]?.msg)).toContain('did you mean MDBLIST_API_KEY?');
      expect(service.output.join('\n')).not.toContain('typoSecretValue42');
    } finally {
      await service.stop();
      service.cleanup();
    }
  });
});

describe('with a TMDB key (no demo mode)', () => {
  it('does not start the demo upstream and never logs the key', async () => {
    const service = await spawnService({
      TMDB_API_KEY: 'realTmdbKeyValue123',
      ACCESS_KEY: 'operatorSecret99',
    });
    try {
      await fetch(`${service.url}/live?access_key=operatorSecret99`);
      await new Promise((r) => setTimeout(r, 50));
      expect(service.logs().some((l) => String(l.msg).startsWith('demo mode'))).toBe(false);
      expect(await service.stop()).toBe(0);
      const all = service.output.join('\n');
      expect(all).not.toContain('realTmdbKeyValue123');
      expect(all).not.toContain('operatorSecret99');
    } finally {
      service.cleanup();
    }
  });
});
