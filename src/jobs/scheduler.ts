/**
 * Background jobs, each under a lease from the Coordinator so that exactly one replica runs a given job
 * at a time: acquire → work (refreshing the lease while it runs) → release in a finally. A crashed
 * holder's lease simply expires. `stop()` cancels the loops, aborts running work and waits until every
 * lease is released — before the coordinator closes (closing Redis first would leave
 * leases stuck for hours).
 */
import type { Logger } from '../observability/logger.ts';
import type { Coordinator } from '../ports/coordinator.ts';

export interface JobSpec {
  name: string;
  firstDelayMs: number;
  intervalMs: number;
  leaseMs: number;
  run(signal: AbortSignal): Promise<void>;
}

export type JobOutcome = 'ok' | 'error' | 'skipped';

export interface JobStatus {
  name: string;
  lastRunAt: number | null;
  lastOutcome: JobOutcome | null;
  running: boolean;
}

export interface SchedulerOptions {
  coordinator: Coordinator;
  logger: Logger;
  jobs: JobSpec[];
  onRun?: (job: string, outcome: JobOutcome) => void;
  now?: () => number;
}

export function createScheduler(options: SchedulerOptions) {
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  const status = new Map<string, JobStatus>(
    options.jobs.map((job) => [
      job.name,
      { name: job.name, lastRunAt: null, lastOutcome: null, running: false },
    ]),
  );
  let started = false;

  const schedule = (job: JobSpec, delayMs: number) => {
    if (controller.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const tick = runOnce(job).finally(() => {
        running.delete(tick);
        schedule(job, job.intervalMs);
      });
      running.add(tick);
    }, delayMs);
    timer.unref();
    timers.add(timer);
  };

  async function runOnce(job: JobSpec): Promise<JobOutcome> {
    const record = status.get(job.name)!;
    const report = (outcome: JobOutcome) => {
      record.lastOutcome = outcome;
      if (outcome !== 'skipped') record.lastRunAt = now();
      options.onRun?.(job.name, outcome);
      return outcome;
    };
    let token: string | null;
    try {
      token = await options.coordinator.acquireLease(job.name, job.leaseMs);
    } catch (error) {
      options.logger.warn({ err: error, job: job.name }, 'job lease could not be taken');
      return report('skipped');
    }
    if (!token) return report('skipped');
    const heldToken = token;

    record.running = true;
    // Refresh well before expiry so a long run keeps its lease; losing it aborts nothing (the work is
    // idempotent) but is logged.
    const refresher = setInterval(
      () => {
        options.coordinator.refreshLease(job.name, heldToken, job.leaseMs).then(
          (held) => {
            if (!held) options.logger.warn({ job: job.name }, 'job lease lost while running');
          },
          () => {},
        );
      },
      Math.max(1000, Math.floor(job.leaseMs / 3)),
    );
    refresher.unref();
    try {
      await job.run(controller.signal);
      return report('ok');
    } catch (error) {
      if (!controller.signal.aborted) options.logger.warn({ err: error, job: job.name }, 'job failed');
      return report(controller.signal.aborted ? 'skipped' : 'error');
    } finally {
      clearInterval(refresher);
      record.running = false;
      await options.coordinator.releaseLease(job.name, heldToken).catch((error: unknown) => {
        options.logger.warn({ err: error, job: job.name }, 'job lease release failed');
      });
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      for (const job of options.jobs) schedule(job, job.firstDelayMs);
    },
    /** Runs one job now (operators and tests); honours the lease like a scheduled run. */
    runNow(name: string): Promise<JobOutcome> {
      const job = options.jobs.find((j) => j.name === name);
      if (!job) return Promise.reject(new Error(`no job named ${name}`));
      return runOnce(job);
    },
    status: (): JobStatus[] => [...status.values()].map((s) => ({ ...s })),
    /** Cancels the loops, aborts running work and resolves once every lease has been released. */
    async stop(): Promise<void> {
      controller.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
