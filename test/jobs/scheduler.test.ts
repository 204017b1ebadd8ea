import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createInProcessCoordinator } from '../../src/adapters/coordination/inprocess.ts';
import { createScheduler, type JobSpec } from '../../src/jobs/scheduler.ts';

const silent = pino({ level: 'silent' });

const job = (name: string, run: JobSpec['run'], leaseMs = 60_000): JobSpec => ({
  name,
  firstDelayMs: 10,
  intervalMs: 60_000,
  leaseMs,
  run,
});

describe('lease-guarded scheduler', () => {
  it('runs a job on exactly one of two replicas sharing a coordinator', async () => {
    const coordinator = createInProcessCoordinator();
    let runs = 0;
    const work = job('cache-prune', async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 50));
    });
    const a = createScheduler({ coordinator, logger: silent, jobs: [work] });
    const b = createScheduler({ coordinator, logger: silent, jobs: [work] });
    const outcomes = await Promise.all([a.runNow('cache-prune'), b.runNow('cache-prune')]);
    expect(outcomes.sort()).toEqual(['ok', 'skipped']);
    expect(runs).toBe(1);
    // Released in the finally: the next run may go ahead at once.
    expect(await b.runNow('cache-prune')).toBe('ok');
  });

  it('refuses the lease while a crashed holder still has it, and takes it once it expires', async () => {
    const coordinator = createInProcessCoordinator();
    const crashed = await coordinator.acquireLease('trending-fetch', 120); // never released
    expect(crashed).not.toBeNull();
    const scheduler = createScheduler({
      coordinator,
      logger: silent,
      jobs: [job('trending-fetch', async () => {})],
    });
    expect(await scheduler.runNow('trending-fetch')).toBe('skipped');
    await new Promise((r) => setTimeout(r, 160));
    expect(await scheduler.runNow('trending-fetch')).toBe('ok');
  });

  it('stop() aborts running work and resolves only after the lease is released', async () => {
    const coordinator = createInProcessCoordinator();
    let sawAbort = false;
    const long = job('digital-release-poll', (signal) => {
      return new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          sawAbort = true;
          setTimeout(resolve, 30); // cleanup takes a moment
        });
      });
    });
    const scheduler = createScheduler({ coordinator, logger: silent, jobs: [long] });
    scheduler.start();
    await new Promise((r) => setTimeout(r, 40)); // first run starts after 10 ms
    expect(scheduler.status()[0]?.running).toBe(true);
    await scheduler.stop();
    expect(sawAbort).toBe(true);
    // The lease is free the moment stop() resolves.
    const token = await coordinator.acquireLease('digital-release-poll', 1000);
    expect(token).not.toBeNull();
  });

  it('keeps its lease alive while a long job runs (refresh), so a second replica cannot start it', async () => {
    const coordinator = createInProcessCoordinator();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    // Lease 3 s, refreshed every ≥1 s; the run lasts 4 s: without refreshes it would expire mid-run.
    const slow = job('cache-prune', () => gate, 3000);
    const a = createScheduler({ coordinator, logger: silent, jobs: [slow] });
    const b = createScheduler({ coordinator, logger: silent, jobs: [slow] });
    const running = a.runNow('cache-prune');
    await new Promise((r) => setTimeout(r, 3500));
    expect(await b.runNow('cache-prune')).toBe('skipped');
    release();
    expect(await running).toBe('ok');
  });

  it('reports every run and its outcome', async () => {
    const coordinator = createInProcessCoordinator();
    const seen: string[] = [];
    const scheduler = createScheduler({
      coordinator,
      logger: silent,
      jobs: [
        job('good', async () => {}),
        job('bad', async () => {
          throw new Error('boom');
        }),
      ],
      onRun: (name, outcome) => seen.push(`${name}:${outcome}`),
    });
    await scheduler.runNow('good');
    await scheduler.runNow('bad');
    expect(seen).toEqual(['good:ok', 'bad:error']);
    expect(scheduler.status().map((s) => s.lastOutcome)).toEqual(['ok', 'error']);
  });
});
