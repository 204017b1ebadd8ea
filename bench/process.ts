/**
 * The service as a child process (as `npm start` runs it), so its memory is its own: the load generator,
 * the fake upstream and the benchmark's bookkeeping stay in the benchmark's process. Linux only (RSS
 * comes from /proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ServiceProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const ROOT = new URL('../', import.meta.url);
/** `npm start` without the leading `node`: the service runs with the flags it ships with. */
const START_ARGS = (
  JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(' ')
  .slice(1);

/** Starts the service with `env` added to this process's environment; resolves once it listens. */
export function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, START_ARGS, {
    cwd: ROOT.pathname,
    // The 'listening' line (info, JSON) is how the port chosen by PORT=0 comes back.
    env: { ...process.env, ...env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', LOG_REQUESTS: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('service did not start within 60 s'));
    }, 60_000);
    child.once('exit', (code) => reject(new Error(`service exited with code ${code} before listening`)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      let entry: { msg?: string; url?: string };
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry.msg !== 'listening' || !entry.url) return;
      clearTimeout(timer);
      resolve({
        url: entry.url,
        pid: child.pid as number,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** Resident memory of a process right now (MB). */
export function rssMb(pid: number): number {
  return statusKb(pid, 'VmRSS') / 1024;
}

function statusKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Tracks the highest RSS of a process from now on: the kernel's high-water mark (VmHWM), reset at the
 * start where the kernel allows it (clear_refs 5), and a 20 ms sample as a fallback.
 */
export function trackPeak(pid: number): { stop(): number } {
  let hwmReset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    hwmReset = false;
  }
  let sampled = rssMb(pid);
  const timer = setInterval(() => {
    try {
      sampled = Math.max(sampled, rssMb(pid));
    } catch {
      // the process exited
    }
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      const hwm = hwmReset ? statusKb(pid, 'VmHWM') / 1024 : 0;
      return Math.max(sampled, rssMb(pid), hwm);
    },
  };
}
