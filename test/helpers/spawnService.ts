import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface SpawnedService {
  child: ChildProcess;
  url: string;
  dataDir: string;
  /** Every stdout+stderr line so far. */
  output: string[];
  /** Parsed JSON log lines so far. */
  logs(): Record<string, unknown>[];
  /** SIGTERM and wait; returns the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  cleanup(): void;
}

/**
 * Starts `node src/main.ts` exactly as `npm start` does (same Node 24 binary as the test runner),
 * on a free port with JSON logs and a temporary DATA_DIR, and waits for its "listening" line.
 */
export async function spawnService(
  env: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<SpawnedService> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'postersplus-test-'));
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let url = '';
  let resolveListening: (value: string) => void = () => {};
  const listening = new Promise<string>((resolve) => {
    resolveListening = resolve;
  });
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      output.push(line);
      if (line.includes('"msg":"listening"')) resolveListening((JSON.parse(line) as { url: string }).url);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = once(child, 'exit');

  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    url = await Promise.race([
      listening,
      exited.then(([code]) => {
        throw new Error(`service exited with ${code} before listening:\n${output.join('\n')}`);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }

  return {
    child,
    url,
    dataDir,
    output,
    logs: () =>
      output.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = await exited;
      return code as number | null;
    },
    cleanup() {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `node src/main.ts` to completion (for startup failures) and returns its exit code and output. */
export async function runServiceToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'postersplus-test-'));
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_FORMAT: 'json',
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const [code] = await once(child, 'exit');
  rmSync(dataDir, { recursive: true, force: true });
  return { code: code as number | null, output };
}
