import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import {
  BACKEND_LATCH_MS,
  BackendTimeoutError,
  backendLatched,
  boundedWait,
  waitForBackend,
} from '../../src/ports/wait.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const never = () => new Promise<never>(() => {});

it('boundedWait settles like the work, or rejects with BackendTimeoutError after the bound', async () => {
  await expect(boundedWait(Promise.resolve(7), 100)).resolves.toBe(7);
  await expect(boundedWait(Promise.reject(new Error('refused')), 100)).rejects.toThrow('refused');
  const hung = boundedWait(never(), 100);
  const assertion = expect(hung).rejects.toBeInstanceOf(BackendTimeoutError);
  await vi.advanceTimersByTimeAsync(100);
  await assertion;
});

it('a timeout latches that backend only: its next calls fail at once, without being made', async () => {
  const hungBackend = {};
  const otherBackend = {};
  const first = waitForBackend(hungBackend, never, 1500);
  const assertion = expect(first).rejects.toBeInstanceOf(BackendTimeoutError);
  await vi.advanceTimersByTimeAsync(1500);
  await assertion;
  expect(backendLatched(hungBackend)).toBe(true);

  const call = vi.fn(async () => 'answer');
  await expect(waitForBackend(hungBackend, call)).rejects.toBeInstanceOf(BackendTimeoutError);
  expect(call).not.toHaveBeenCalled();
  await expect(waitForBackend(otherBackend, call)).resolves.toBe('answer');

  // After the latch, the backend is asked again.
  await vi.advanceTimersByTimeAsync(BACKEND_LATCH_MS);
  expect(backendLatched(hungBackend)).toBe(false);
  await expect(waitForBackend(hungBackend, call)).resolves.toBe('answer');
});

it('an error that is not a timeout (a backend that is down) does not latch', async () => {
  const downBackend = {};
  await expect(
    waitForBackend(downBackend, () => Promise.reject(new Error('connect ECONNREFUSED'))),
  ).rejects.toThrow('ECONNREFUSED');
  expect(backendLatched(downBackend)).toBe(false);
});
