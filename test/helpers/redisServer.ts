/**
 * A throwaway redis-server for one test file: a child process on a free loopback port (optionally a
 * unix socket and a password), no persistence, in a temp dir. Tests stop, restart, pause and resume
 * it to prove the adapter's outage behaviour.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './serverGate.ts';

const BINARY = process.env.REDIS_SERVER ?? 'redis-server';

export interface RedisServerOptions {
  password?: string;
  unixSocket?: boolean;
}

export interface RedisServer {
  port: number;
  /** redis:// URL (with the password when one is set). */
  url: string;
  /** Socket path when started with unixSocket. */
  socketPath: string | null;
  /** Kills the process (as a crash would) and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port and socket (empty: nothing is persisted). */
  start(): Promise<void>;
  /** SIGSTOP: the socket stays open but nothing answers, like a hung server or a partition. */
  pause(): void;
  resume(): void;
  /** Stops it for good and removes its directory. */
  destroy(): Promise<void>;
}

export function redisMissing(): string | null {
  try {
    execFileSync(BINARY, ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return `${BINARY} not found (apt-get install redis-server)`;
  }
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'postersplus-redis-'));
  const socketPath = options.unixSocket ? join(dir, 'redis.sock') : null;
  let port = 0;
  let child: ChildProcess | null = null;

  const launch = async (): Promise<void> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    args.push('--dir', dir, '--daemonize', 'no', '--loglevel', 'notice');
    if (socketPath) args.push('--unixsocket', socketPath, '--unixsocketperm', '700');
    if (options.password) args.push('--requirepass', options.password);
    const proc = spawn(BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${log}`)), 15_000);
      proc.stdout?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${log}`));
      });
    });
    proc.stdout?.resume();
    proc.stderr?.resume();
    proc.removeAllListeners('exit');
    child = proc;
  };

  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }

  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGCONT');
    const exited = once(proc, 'exit');
    proc.kill('SIGKILL');
    await exited;
  };

  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    socketPath,
    stop,
    start: () => launch(),
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
