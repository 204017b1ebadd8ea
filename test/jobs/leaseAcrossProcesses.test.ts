import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RedisServer, redisMissing, startRedisServer } from '../helpers/redisServer.ts';
import { withServer } from '../helpers/serverGate.ts';

const script = fileURLToPath(new URL('./fixtures/leaseProcess.ts', import.meta.url));

function replica(url: string) {
  const child: ChildProcess = spawn(process.execPath, [script, url], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (key: string) => {
    while (!lines.some((l) => key in l)) await new Promise<void>((r) => waiters.push(r));
    return lines.find((l) => key in l)?.[key];
  };
  return { child, until };
}

withServer('leases across processes (Redis)', redisMissing(), () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server?.destroy());

  it('two processes asked to run the same job at once: exactly one runs it', async () => {
    const a = replica(server.url);
    const b = replica(server.url);
    await Promise.all([a.until('ready'), b.until('ready')]);
    a.child.stdin?.write('go\n');
    b.child.stdin?.write('go\n');
    const outcomes = await Promise.all([a.until('outcome'), b.until('outcome')]);
    expect(outcomes.sort()).toEqual(['ok', 'skipped']);
    for (const { child } of [a, b]) if (child.exitCode === null) await once(child, 'exit');
  });
});
