/**
 * A throwaway s3rver (the npm S3 emulator, a devDependency) for one test file: a child process on a
 * loopback port with a data dir in /tmp and pre-made buckets. A child rather than in-process, so tests
 * can kill it to simulate an outage (and its logger's exception hooks stay out of the test worker).
 * It runs through s3rverAtomic.ts, which makes its PUTs atomic like real S3's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** s3rver's fixed credentials: it checks request signatures against these. */
/** s3rver's CLI behind a patch that makes its object writes atomic, as S3's are (see the file). */
const WRAPPER = join(import.meta.dirname, 's3rverAtomic.ts');

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function binPath(): string | null {
  try {
    const path = createRequire(import.meta.url).resolve('s3rver/bin/s3rver.js');
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function s3rverMissing(): string | null {
  return binPath() === null ? 's3rver is not installed (npm ci installs it as a devDependency)' : null;
}

export interface S3Server {
  port: number;
  endpoint: string;
  /** Its data directory (objects live under <dir>/<bucket>/). */
  dir: string;
  /** Kills it (as a crash would); `start()` brings it back on the same port with the same data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP: the socket stays open but nothing answers, like a hung server. */
  pause(): void;
  resume(): void;
  destroy(): Promise<void>;
}

export async function startS3Server(buckets: string[]): Promise<S3Server> {
  if (!binPath()) throw new Error('s3rver is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'postersplus-s3-'));
  let port = 0;
  let child: ChildProcess | null = null;

  const launch = async () => {
    const args = [WRAPPER, '-d', dir, '-a', '127.0.0.1', '-p', String(port), '-s'];
    for (const bucket of buckets) args.push('--configure-bucket', bucket);
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // It prints its address once listening; with -p 0 that is how the free port is learnt.
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`s3rver did not start:\n${output}`)), 15_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on [^:\s]+:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s3rver exited with ${code}:\n${output}`));
      });
    });
    proc.removeAllListeners('exit');
    child = proc;
  };
  await launch();

  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGCONT');
    const exited = once(proc, 'exit');
    proc.kill('SIGKILL');
    await exited;
  };
  return {
    get port() {
      return port;
    },
    get endpoint() {
      return `http://127.0.0.1:${port}`;
    },
    dir,
    stop,
    start: launch,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
