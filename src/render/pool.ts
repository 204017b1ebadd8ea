/**
 * A small pool of render worker threads with a wall-clock limit per render. A render past its deadline
 * is abandoned: its worker is terminated (the only way to stop synchronous native drawing) and the
 * caller gets RenderTimeoutError. Admission (how many renders may queue) is the poster service's job;
 * this pool only runs what it is given, one render per worker at a time.
 *
 * Workers are started on demand, up to `size`, and stopped after `idleMs` without work: each one holds
 * ~30 MB (its own V8 isolate, the TypeScript loader, the canvas and sharp bindings, fonts), which a
 * small box should not pay while nothing renders. The price is a worker start (a few hundred ms) on
 * the first render after a quiet spell.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEFAULT_DEADLINE_MS, type RenderInput, type RenderResult, RenderTimeoutError } from './types.ts';
import type { JobMessage, ResultMessage } from './worker.ts';

export interface RenderPoolOptions {
  /** Most worker threads at once (default: available cores). */
  size?: number;
  /** Stop a worker after this long without a render (ms; 0 = keep it once started). Default 0. */
  idleMs?: number;
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
  /** Worker threads alive right now (started on demand, stopped when idle). */
  workers(): number;
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
  idle: NodeJS.Timeout | null;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export function createRenderPool(opts: RenderPoolOptions = {}): RenderPool {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const idleMs = Math.max(0, opts.idleMs ?? 0);
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
    const slot: Slot = { worker, job: null, timer: null, idle: null };
    slots.push(slot);
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
      if (!slots.includes(slot)) return;
      const job = slot.job;
      finish(slot);
      deaths++;
      if (deaths >= MAX_CONSECUTIVE_DEATHS && !broken) {
        broken = new Error(`render workers keep dying (${deaths} in a row): ${err.message}`);
        for (const queued of queue.splice(0)) queued.reject(broken);
      }
      remove(slot);
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

  /** Terminates a worker and forgets it; the next render that finds no free worker starts a new one. */
  function remove(slot: Slot): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    void slot.worker.terminate();
  }

  function armIdle(slot: Slot): void {
    if (idleMs === 0 || closed) return;
    slot.idle = setTimeout(() => {
      slot.idle = null;
      if (!slot.job) remove(slot);
    }, idleMs);
    slot.idle.unref();
  }

  function assign(slot: Slot, job: Job): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      if (slot.job !== job) return;
      finish(slot);
      remove(slot);
      job.reject(new RenderTimeoutError(job.deadlineMs));
      dispatch();
    }, job.deadlineMs);
    const msg: JobMessage = { id: job.id, input: job.input };
    slot.worker.postMessage(msg);
  }

  function dispatch(): void {
    while (queue.length > 0) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size && !broken ? spawn() : null);
      if (!slot) break;
      assign(slot, queue.shift() as Job);
    }
    for (const slot of slots) if (!slot.job && !slot.idle) armIdle(slot);
  }

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
    workers(): number {
      return slots.length;
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('render pool is closed'));
      await Promise.all(
        slots.splice(0).map(async (s) => {
          const job = s.job;
          finish(s);
          if (s.idle) clearTimeout(s.idle);
          job?.reject(new Error('render pool is closed'));
          await s.worker.terminate();
        }),
      );
    },
  };
}
