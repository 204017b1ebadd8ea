import { describe, expect, it } from 'vitest';
import { AdmissionTimeoutError, createAdmission } from '../../src/poster/admission.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('render admission', () => {
  it('runs at most `slots` at once, the rest in arrival order', async () => {
    const admission = createAdmission(2, 0);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      admission.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(admission.inFlight()).toBe(2);
    expect(admission.queued()).toBe(2);
    gates[1]?.resolve();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(admission.inFlight()).toBe(0);
  });

  it('turns a waiter away after the queue timeout, and counts it', async () => {
    const admission = createAdmission(1, 30);
    const gate = deferred();
    const holder = admission.run(() => gate.promise);
    await expect(admission.run(async () => 'never')).rejects.toBeInstanceOf(AdmissionTimeoutError);
    expect(admission.saturatedCount()).toBe(1);
    expect(admission.queued()).toBe(0);
    gate.resolve();
    await holder;
    expect(await admission.run(async () => 'free again')).toBe('free again');
  });

  it('frees the slot when the work fails', async () => {
    const admission = createAdmission(1, 0);
    await expect(
      admission.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(admission.inFlight()).toBe(0);
    expect(await admission.run(async () => 1)).toBe(1);
  });
});
