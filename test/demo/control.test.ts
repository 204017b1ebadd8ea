import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { controlRoute, isLoopback } from '../../src/demo/control.ts';
import { FaultController } from '../../src/demo/faults.ts';
import { type FakeUpstream, startFakeUpstream } from '../../src/demo/index.ts';

let upstream: FakeUpstream;
let movie: string;
let control: string;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  movie = `${upstream.urls.tmdbApiBase}/movie/278?api_key=k`;
  control = `${upstream.origin}/_control/faults`;
});
afterEach(() => {
  upstream.faults.reset();
});
afterAll(() => upstream.close());

const post = (service: string, body: unknown) =>
  fetch(`${control}/${service}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('fault switch over HTTP (loopback)', () => {
  it('makes TMDB answer 503 until the rule is deleted', async () => {
    expect((await fetch(movie)).status).toBe(200);
    const set = await post('tmdb', { status: 503 });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ tmdb: { status: 503 } });
    const failing = await fetch(movie);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({ status_code: 9 });
    expect(await (await fetch(control)).json()).toMatchObject({ tmdb: { status: 503 }, mdblist: {} });
    expect((await fetch(`${control}/tmdb`, { method: 'DELETE' })).status).toBe(200);
    expect((await fetch(movie)).status).toBe(200);
  });

  it('makes MDBList hang: its requests get no answer', async () => {
    await post('mdblist', { hang: true });
    const hung = fetch(`${upstream.urls.mdblistApiBase}/imdb/movie/tt0111161?apikey=k`, {
      signal: AbortSignal.timeout(400),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    // Other services are untouched.
    expect((await fetch(movie)).status).toBe(200);
  });

  it('refuses unknown services, fields and malformed bodies without changing any rule', async () => {
    expect((await post('nope', { hang: true })).status).toBe(404);
    expect((await post('tmdb', { hang: 'yes' })).status).toBe(400);
    expect((await post('tmdb', { explode: true })).status).toBe(400);
    expect((await post('tmdb', { status: 99 })).status).toBe(400);
    const malformed = await fetch(`${control}/tmdb`, { method: 'POST', body: '{' });
    expect(malformed.status).toBe(400);
    expect(upstream.faults.rule('tmdb')).toEqual({});
  });
});

describe('fault switch callers', () => {
  it('answers loopback addresses only, in every form', () => {
    for (const address of ['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(address)).toBe(true);
    for (const address of ['10.0.0.2', '192.168.1.5', '::ffff:10.0.0.2', 'fe80::1', '', undefined])
      expect(isLoopback(address)).toBe(false);
  });

  it('refuses a non-loopback caller with 403 and leaves the faults alone', () => {
    const faults = new FaultController();
    for (const [method, path, body] of [
      ['POST', '/faults/tmdb', '{"status":503}'],
      ['DELETE', '/faults', ''],
      ['GET', '/faults', ''],
    ] as const) {
      const reply = controlRoute({ method, path, body, remoteAddress: '192.168.1.5' }, faults);
      expect(reply.status).toBe(403);
    }
    expect(faults.rule('tmdb')).toEqual({});
  });
});

describe('npm run demo:fault', () => {
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [
      fileURLToPath(new URL('../../scripts/demo-fault.ts', import.meta.url)),
      '--upstream',
      upstream.origin,
      ...args,
    ]);

  it('switches a fault on and off from the command line', async () => {
    await run('tmdb', 'status', '503');
    expect((await fetch(movie)).status).toBe(503);
    const listed = await run('list');
    expect(JSON.parse(listed.stdout)).toMatchObject({ tmdb: { status: 503 } });
    await run('reset');
    expect((await fetch(movie)).status).toBe(200);
  });

  it('exits 2 with the usage on an unknown command', async () => {
    await expect(run('tmdb', 'explode')).rejects.toMatchObject({ code: 2 });
  });
});
