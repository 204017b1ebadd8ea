import { describe, expect, it } from 'vitest';
import { cooldownAfter429, quotaFromHeaders, titleBackoffMs } from '../../src/upstream/mdblistPolicy.ts';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const S = 1000;
const H = 3600 * S;

describe('cooldownAfter429', () => {
  it.each([
    ['Retry-After seconds', { 'retry-after': '120' }, 120 * S],
    ['Retry-After capped at 1 h', { 'retry-after': '86400' }, H],
    ['Retry-After as HTTP date', { 'retry-after': new Date(NOW + 90 * S).toUTCString() }, 90 * S],
    [
      'quota spent: until reset',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / S + (3 * H) / S) },
      3 * H,
    ],
    [
      'quota spent: at least 60 s',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / S + 5) },
      60 * S,
    ],
    [
      'quota spent: at most 24 h',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / S + 72 * 3600) },
      24 * H,
    ],
    ['nothing to go by: 1 h', {}, H],
    ['garbage Retry-After falls through', { 'retry-after': 'soon' }, H],
    [
      'quota left but 429 anyway: 1 h',
      { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': String(NOW / S + 60) },
      H,
    ],
  ])('%s', (_name, headers, expected) => {
    expect(cooldownAfter429(headers as Record<string, string>, NOW)).toBe(expected);
  });
});

describe('titleBackoffMs', () => {
  it.each([
    [0, 0],
    [1, 30 * S],
    [2, 120 * S],
    [3, 480 * S],
    [4, 1920 * S],
    [5, H],
    [12, H],
  ])('after %i failures waits %i ms', (failures, expected) => {
    expect(titleBackoffMs(failures)).toBe(expected);
  });
});

describe('quotaFromHeaders', () => {
  it('reads the daily quota and converts the reset epoch to ms', () => {
    expect(
      quotaFromHeaders({
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': '998',
        'x-ratelimit-reset': '1764374400',
      }),
    ).toEqual({ limit: 1000, remaining: 998, resetAt: 1764374400000 });
    expect(quotaFromHeaders({})).toEqual({ limit: null, remaining: null, resetAt: null });
  });
});
