import { describe, expect, it } from 'vitest';
import { canonicalJson, compositeKey } from '../../src/poster/cacheKey.ts';
import {
  cacheControlFor,
  compositeLifetimeMs,
  etagFor,
  ifNoneMatchHits,
  keyFraction,
  parseCdnCacheTtl,
} from '../../src/poster/cachePolicy.ts';

const NOW = 1_800_000_000_000;
const DAY = 86_400_000;

describe('cacheControlFor', () => {
  it.each([
    ['auto: remaining life', NOW + 3600_000, 'auto', 'public, max-age=3600'],
    ['N below remaining', NOW + 3600_000, 600, 'public, max-age=600'],
    ['N above remaining is capped', NOW + 60_000, 86400, 'public, max-age=60'],
    ['0: no header', NOW + 3600_000, 0, null],
    ['expired: revalidate', NOW - 1, 'auto', 'public, max-age=0, must-revalidate'],
  ] as const)('%s', (_name, expiresAt, policy, expected) => {
    expect(cacheControlFor(expiresAt, NOW, policy)).toBe(expected);
  });

  it.each([
    ['auto', 'auto'],
    [' AUTO ', 'auto'],
    ['0', 0],
    ['86400', 86400],
    ['-5', null],
    ['soon', null],
  ])('parseCdnCacheTtl(%j)', (raw, expected) => {
    expect(parseCdnCacheTtl(raw)).toBe(expected);
  });
});

describe('compositeLifetimeMs', () => {
  const base = { baseTtlMs: 7 * DAY, jitterMs: 2 * DAY, sashSlot: null, releaseStatus: null };

  it('jitters deterministically per key within ±half the window', () => {
    const a = compositeLifetimeMs({ ...base, key: 'poster:278:movie:aaaa' });
    expect(compositeLifetimeMs({ ...base, key: 'poster:278:movie:aaaa' })).toBe(a);
    const spread = Array.from({ length: 200 }, (_, i) => compositeLifetimeMs({ ...base, key: `k${i}` }));
    expect(Math.min(...spread)).toBeGreaterThanOrEqual(6 * DAY);
    expect(Math.max(...spread)).toBeLessThanOrEqual(8 * DAY);
    expect(new Set(spread).size).toBeGreaterThan(150);
  });

  it.each([
    ['a trending sash', { sashSlot: 'trending' }],
    ['a new-season sash', { sashSlot: 'new_season' }],
    ['a title in cinemas', { releaseStatus: 'cinema' }],
  ])('shortens to about a day for %s', (_name, extra) => {
    const ttl = compositeLifetimeMs({ ...base, key: 'poster:1:movie:x', ...extra });
    expect(ttl).toBeGreaterThanOrEqual(DAY);
    expect(ttl).toBeLessThanOrEqual(DAY + 2 * 3600_000);
  });

  it('keeps the long life for award sashes of released titles', () => {
    expect(
      compositeLifetimeMs({ ...base, key: 'k', sashSlot: 'wins', releaseStatus: 'streaming' }),
    ).toBeGreaterThan(5 * DAY);
  });

  it('keyFraction is in [0, 1)', () => {
    for (let i = 0; i < 100; i += 1) {
      const f = keyFraction(String(i));
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });
});

describe('ETags', () => {
  it('are strong, quoted and change with the bytes', () => {
    const a = etagFor(Buffer.from('poster-a'));
    expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagFor(Buffer.from('poster-a'))).toBe(a);
    expect(etagFor(Buffer.from('poster-b'))).not.toBe(a);
  });

  it.each([
    ['exact', '"abc"', true],
    ['in a list', '"x", "abc"', true],
    ['weak form', 'W/"abc"', true],
    ['star', '*', true],
    ['other', '"nope"', false],
    ['absent', undefined, false],
  ])('If-None-Match %s', (_name, header, expected) => {
    expect(ifNoneMatchHits(header, '"abc"')).toBe(expected);
  });
});

describe('compositeKey', () => {
  const input = {
    tmdbId: '278',
    mediaType: 'movie' as const,
    style: { ratingDisplayMode: 1, nested: { b: 2, a: 1 } },
    server: { format: 'webp', quality: 85 },
  };

  it('names the title and a 16-hex hash', () => {
    expect(compositeKey(input)).toMatch(/^poster:278:movie:[0-9a-f]{16}$/);
  });

  it('ignores key order, and changes with any style or server difference', () => {
    const reordered = { ...input, style: { nested: { a: 1, b: 2 }, ratingDisplayMode: 1 } };
    expect(compositeKey(reordered)).toBe(compositeKey(input));
    expect(compositeKey({ ...input, style: { ...input.style, ratingDisplayMode: 2 } })).not.toBe(
      compositeKey(input),
    );
    expect(compositeKey({ ...input, server: { format: 'jpeg', quality: 85 } })).not.toBe(compositeKey(input));
  });

  it('canonicalJson sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: [{ d: 1, c: undefined, a: null }], a: 'x' })).toBe(
      '{"a":"x","b":[{"a":null,"d":1}]}',
    );
  });
});
