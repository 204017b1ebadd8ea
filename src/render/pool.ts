/**
 * A small pool of render worker threads with a wall-clock limit per render. A render past its deadline
 * is abandoned: its worker is terminated (the only way to stop synchronous native drawing) and
 * replaced, and the caller gets RenderTimeoutError. Admission (how many renders may queue) is the
 * poster service's job; this pool only runs what it is given, one render per worker at a time.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEFAULT_DEADLINE_MS, type RenderInput, type RenderResult, RenderTimeoutError } from './types.ts';
import type { JobMessage, ResultMessage } from './worker.ts';

export interface RenderPoolOptions {
  /** Worker threads (default: available cores). */
  size?: number;
  /** Deadline when the input has none (ms). */
  defaultDeadlineMs?: number;
  /** V8 heap cap per worker (MB): a runaway render cannot take the process's memory. */
  maxOldGenerationSizeMb?: number;
  /** Worker entry module (tests substitute a broken one). */
  workerUrl?: URL;
}

/** Workers dying this many times in a row (no render finished in between) stop being respawned. */
export const MAX_CONSECUTIVE_DEATHS = 3;

export interface RenderPool {
  render(input: RenderInput): Promise<RenderResult>;
  /** Renders queued or running right now. */
  pending(): number;
  close(): Promise<void>;
}

interface Job {
  id: number;
  input: RenderInput;
  deadlineMs: number;
  resolve: (r: RenderResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export function createRenderPool(opts: RenderPoolOptions = {}): RenderPool {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const defaultDeadline = opts.defaultDeadlineMs ?? DEFAULT_DEADLINE_MS;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  // A worker that cannot even start (missing fonts, broken install) would otherwise be respawned
  // forever; after a few deaths in a row the pool reports itself broken instead.
  let deaths = 0;
  let broken: Error | null = null;

  function spawn(): Slot {
    const worker = new Worker(opts.workerUrl ?? WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: opts.maxOldGenerationSizeMb ?? 256 },
    });
    // Idle workers must not keep the process alive.
    worker.unref();
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (msg: ResultMessage) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      deaths = 0;
      finish(slot);
      if (msg.ok) {
        const r = msg.result;
        const bytes = Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
        job.resolve({ ...r, bytes });
      } else {
        const e =
          msg.error.name === 'RenderTimeoutError'
            ? new RenderTimeoutError(job.deadlineMs)
            : new Error(msg.error.message);
        job.reject(e);
      }
      dispatch();
    });
    const onDeath = (err: Error) => {
      const job = slot.job;
      finish(slot);
      deaths++;
      if (deaths >= MAX_CONSECUTIVE_DEATHS && !broken) {
        broken = new Error(`render workers keep dying (${deaths} in a row): ${err.message}`);
        for (const queued of queue.splice(0)) queued.reject(broken);
      }
      replace(slot);
      if (job) job.reject(err);
      dispatch();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => {
      if (slot.job && !closed) onDeath(new Error(`render worker exited with code ${code}`));
    });
    return slot;
  }

  function finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  function replace(slot: Slot): void {
    const i = slots.indexOf(slot);
    void slot.worker.terminate();
    if (i >= 0 && !closed && !broken) slots[i] = spawn();
    else if (i >= 0) slots.splice(i, 1);
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return;
        finish(slot);
        replace(slot);
        job.reject(new RenderTimeoutError(job.deadlineMs));
        dispatch();
      }, job.deadlineMs);
      const msg: JobMessage = { id: job.id, input: job.input };
      slot.worker.postMessage(msg);
    }
  }

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    render(input: RenderInput): Promise<RenderResult> {
      if (closed) return Promise.reject(new Error('render pool is closed'));
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        const deadlineMs = input.deadlineMs ?? defaultDeadline;
        queue.push({ id: nextId++, input: { ...input, deadlineMs }, deadlineMs, resolve, reject });
        dispatch();
      });
    },
    pending(): number {
      return queue.length + slots.filter((s) => s.job).length;
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('render pool is closed'));
      await Promise.all(
        slots.map(async (s) => {
          const job = s.job;
          finish(s);
          job?.reject(new Error('render pool is closed'));
          await s.worker.terminate();
        }),
      );
    },
  };
}
