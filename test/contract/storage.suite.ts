/**
 * Conformance suite for the Storage port. Every adapter (SQLite now, PostgreSQL later) runs it.
 *
 * The suite never assumes an empty backend: each run writes under its own random key prefix and
 * checks counts as differences, so it can run against a shared database. Times that select rows by
 * expiry (prune, expired composites) live in eras no other test writes in.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_TABLES, type CacheTable, type CompositeRow, type Storage } from '../../src/ports/storage.ts';

export interface StorageContractTarget {
  /** A new handle on the backend under test; the suite closes every handle it opens. */
  open(): Promise<Storage>;
  /** True when data written through one handle is readable through a later open() after close(). */
  reopenable: boolean;
}

const HOUR = 3_600_000;
/** Prune tests write expiries in 2001; composite listing tests in 1971–72. Nothing else goes below 2020. */
const PRUNE_ERA = Date.UTC(2001, 0, 1);
const LIST_ERA = Date.UTC(1971, 0, 1);

export function describeStorageContract(name: string, target: StorageContractTarget): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    let run: string;
    const opened: Storage[] = [];
    const open = async () => {
      const handle = await target.open();
      opened.push(handle);
      return handle;
    };
    const k = (suffix: string) => `${run}:${suffix}`;

    beforeEach(async () => {
      run = randomUUID();
      storage = await open();
    });
    afterEach(async () => {
      for (const handle of opened.splice(0)) await handle.close();
    });

    function composite(suffix: string, overrides: Partial<CompositeRow> = {}): CompositeRow {
      return {
        key: k(suffix),
        blobKey: `${k(suffix)}~${randomUUID().slice(0, 16)}`,
        contentType: 'image/jpeg',
        etag: `"${suffix}"`,
        byteLength: 12345,
        cachedAt: Date.UTC(2030, 0, 1),
        expiresAt: Date.UTC(2030, 0, 8),
        tmdbId: `t-${run}`,
        mediaType: 'movie',
        params: 'style=a&score=b',
        ...overrides,
      };
    }

    describe('cache tables', () => {
      it('has a kind and answers ping', async () => {
        expect(storage.kind).toMatch(/\S/);
        await expect(storage.ping()).resolves.toBeUndefined();
      });

      it('returns null for a missing key', async () => {
        expect(await storage.get('rating_cache', k('missing'))).toBeNull();
      });

      it('round-trips a value in every cache table, separately per table', async () => {
        for (const table of CACHE_TABLES) {
          await storage.put(table, k('same-key'), { table }, HOUR);
        }
        for (const table of CACHE_TABLES) {
          expect((await storage.get(table, k('same-key')))?.value).toEqual({ table });
        }
      });

      it('rejects a table name outside CACHE_TABLES', async () => {
        const bogus = 'rating_cache; DROP TABLE rating_cache' as CacheTable;
        await expect(storage.get(bogus, k('x'))).rejects.toThrow();
        await expect(storage.put(bogus, k('x'), 1, null)).rejects.toThrow();
        await expect(storage.count(bogus)).rejects.toThrow();
        await storage.put('rating_cache', k('still-there'), 1, null);
        expect(await storage.get('rating_cache', k('still-there'))).not.toBeNull();
      });

      it('is fresh before expiry, stale (but still returned) after it', async () => {
        const t0 = Date.UTC(2030, 5, 1);
        await storage.put('quality_cache', k('ttl'), { tokens: ['4K'] }, 1000, t0);
        const fresh = await storage.get('quality_cache', k('ttl'), t0 + 999);
        expect(fresh).toEqual({ value: { tokens: ['4K'] }, cachedAt: t0, expiresAt: t0 + 1000, fresh: true });
        const atExpiry = await storage.get('quality_cache', k('ttl'), t0 + 1000);
        expect(atExpiry?.fresh).toBe(false);
        const stale = await storage.get('quality_cache', k('ttl'), t0 + 10 * HOUR);
        expect(stale).toEqual({
          value: { tokens: ['4K'] },
          cachedAt: t0,
          expiresAt: t0 + 1000,
          fresh: false,
        });
      });

      it('keeps a permanent row fresh forever', async () => {
        const t0 = Date.UTC(2030, 5, 1);
        await storage.put('imdb_to_tmdb_cache', k('perm'), '603', null, t0);
        const entry = await storage.get('imdb_to_tmdb_cache', k('perm'), Number.MAX_SAFE_INTEGER);
        expect(entry).toEqual({ value: '603', cachedAt: t0, expiresAt: null, fresh: true });
      });

      it('defaults the clock to now', async () => {
        const before = Date.now();
        await storage.put('trending_cache', k('clock'), 1, 60_000);
        const entry = await storage.get('trending_cache', k('clock'));
        expect(entry?.fresh).toBe(true);
        expect(entry?.cachedAt).toBeGreaterThanOrEqual(before - 1);
        expect(entry?.cachedAt).toBeLessThanOrEqual(Date.now() + 1);
        expect(entry?.expiresAt).toBe((entry?.cachedAt ?? 0) + 60_000);
        await storage.put('trending_cache', k('clock-short'), 1, 1);
        await sleep(20);
        expect((await storage.get('trending_cache', k('clock-short')))?.fresh).toBe(false);
      });

      it('replaces a row on put, including its expiry', async () => {
        const t0 = Date.UTC(2030, 5, 1);
        await storage.put('rating_cache', k('over'), { v: 1 }, 1000, t0);
        await storage.put('rating_cache', k('over'), { v: 2 }, null, t0 + 5);
        expect(await storage.get('rating_cache', k('over'), t0 + 10 * HOUR)).toEqual({
          value: { v: 2 },
          cachedAt: t0 + 5,
          expiresAt: null,
          fresh: true,
        });
      });

      it('round-trips every JSON shape, unicode and a large value exactly', async () => {
        const values: unknown[] = [
          0,
          -1.5,
          true,
          false,
          null,
          '',
          'plain',
          [],
          {},
          { nested: { list: [1, 'two', null, { three: [3] }] } },
          'Amélie — 千と千尋の神隠し — 🎬🍿 — עברית — \u0000 NUL — \u2028 — "quotes" \\ back',
          '\ud83d lone surrogate',
          { 'ключ 🔑': 'значение', "it's": "O'Brien" },
        ];
        for (const [i, value] of values.entries()) {
          await storage.put('tmdb_metadata_cache', k(`json-${i}`), value, HOUR);
        }
        for (const [i, value] of values.entries()) {
          expect((await storage.get('tmdb_metadata_cache', k(`json-${i}`)))?.value).toEqual(
            JSON.parse(JSON.stringify(value)),
          );
        }
        const large = {
          cast: Array.from({ length: 20_000 }, (_, i) => ({
            id: i,
            name: `Actor ${i} ✨`,
            character: 'x'.repeat(i % 50),
          })),
        };
        await storage.put('tmdb_metadata_cache', k('large'), large, HOUR);
        expect((await storage.get('tmdb_metadata_cache', k('large')))?.value).toEqual(large);
      });

      it('keeps keys exact: unicode, case and look-alike keys are distinct', async () => {
        const keys = ['tt0133093', 'TT0133093', 'tt0133093 ', 'kitsu:1', 'キー', "a'b", 'a%b', 'a_b'];
        for (const key of keys) await storage.put('rating_cache', k(key), key, HOUR);
        for (const key of keys) expect((await storage.get('rating_cache', k(key)))?.value).toBe(key);
      });

      it('rejects values that are not JSON and TTLs that are not finite', async () => {
        await expect(storage.put('rating_cache', k('undef'), undefined, HOUR)).rejects.toThrow();
        await expect(storage.put('rating_cache', k('nan'), 1, Number.NaN)).rejects.toThrow();
        await expect(storage.put('rating_cache', k('inf'), 1, Number.POSITIVE_INFINITY)).rejects.toThrow();
        expect(await storage.get('rating_cache', k('undef'))).toBeNull();
        expect(await storage.get('rating_cache', k('nan'))).toBeNull();
      });

      it('deletes a row; deleting a missing row is fine', async () => {
        await storage.put('release_status_cache', k('del'), 'x', HOUR);
        await storage.delete('release_status_cache', k('del'));
        expect(await storage.get('release_status_cache', k('del'))).toBeNull();
        await expect(storage.delete('release_status_cache', k('never'))).resolves.toBeUndefined();
      });

      it('counts rows per table', async () => {
        const before = await storage.count('digital_release_cache');
        const otherBefore = await storage.count('quality_cache');
        for (let i = 0; i < 7; i++) await storage.put('digital_release_cache', k(`count-${i}`), i, HOUR);
        await storage.put('digital_release_cache', k('count-0'), 'again', HOUR);
        expect(await storage.count('digital_release_cache')).toBe(before + 7);
        await storage.delete('digital_release_cache', k('count-3'));
        expect(await storage.count('digital_release_cache')).toBe(before + 6);
        expect(await storage.count('quality_cache')).toBe(otherBefore);
      });

      it('prunes rows whose expiry is older than the cut-off, and only those', async () => {
        const table: CacheTable = 'digital_release_cache';
        await storage.pruneExpired(table, PRUNE_ERA + 10 * HOUR); // leftovers of an interrupted run
        for (let i = 1; i <= 5; i++) await storage.put(table, k(`prune-${i}`), i, i * HOUR, PRUNE_ERA);
        await storage.put(table, k('prune-permanent'), 'p', null, PRUNE_ERA);
        await storage.put(table, k('prune-untouched'), 'u', 1000 * HOUR, PRUNE_ERA);
        const before = await storage.count(table);

        // Expiries are ERA+1h…ERA+5h; the cut-off is exclusive, so ERA+3h stays.
        expect(await storage.pruneExpired(table, PRUNE_ERA + 3 * HOUR)).toBe(2);
        expect(await storage.count(table)).toBe(before - 2);
        const left = [];
        for (let i = 1; i <= 5; i++) left.push((await storage.get(table, k(`prune-${i}`))) !== null);
        expect(left).toEqual([false, false, true, true, true]);
        expect(await storage.pruneExpired(table, PRUNE_ERA + 3 * HOUR)).toBe(0);
        expect(await storage.pruneExpired(table, PRUNE_ERA + 10 * HOUR)).toBe(3);
        expect((await storage.get(table, k('prune-permanent')))?.value).toBe('p');
        expect((await storage.get(table, k('prune-untouched')))?.value).toBe('u');
      });

      it('never prunes permanent rows, whatever the cut-off', async () => {
        await storage.put('imdb_to_tmdb_cache', k('forever'), '1', null);
        await storage.pruneExpired('imdb_to_tmdb_cache', Number.MAX_SAFE_INTEGER);
        expect((await storage.get('imdb_to_tmdb_cache', k('forever')))?.value).toBe('1');
      });

      it('survives concurrent writers: distinct keys all land, one key ends with one whole value', async () => {
        const before = await storage.count('trending_cache');
        await Promise.all(
          Array.from({ length: 50 }, (_, i) => storage.put('trending_cache', k(`conc-${i}`), { i }, HOUR)),
        );
        expect(await storage.count('trending_cache')).toBe(before + 50);
        const writes = Array.from({ length: 20 }, (_, i) => ({ writer: i, pad: 'y'.repeat(1000 * i) }));
        await Promise.all(writes.map((value) => storage.put('trending_cache', k('contended'), value, HOUR)));
        const final = (await storage.get('trending_cache', k('contended')))?.value;
        expect(writes).toContainEqual(final);
      });
    });

    describe('composites', () => {
      it('round-trips a row, replaces it on put, and deletes it returning the row', async () => {
        const row = composite('crud');
        expect(await storage.getComposite(row.key)).toBeNull();
        await storage.putComposite(row);
        expect(await storage.getComposite(row.key)).toEqual(row);

        const replaced = {
          ...row,
          blobKey: `${row.key}~v2`,
          etag: '"v2"',
          byteLength: 9,
          expiresAt: row.expiresAt + 1,
        };
        await storage.putComposite(replaced);
        expect(await storage.getComposite(row.key)).toEqual(replaced);

        expect(await storage.deleteComposite(row.key)).toEqual(replaced);
        expect(await storage.getComposite(row.key)).toBeNull();
        expect(await storage.deleteComposite(row.key)).toBeNull();
      });

      it('keeps unicode params and large numbers exactly', async () => {
        const row = composite('unicode', {
          params: `lang=日本語&label=🎬&q=a%26b&x=${'z'.repeat(4000)}`,
          byteLength: 5_000_000,
          cachedAt: 8.64e15,
          expiresAt: 8.64e15,
        });
        await storage.putComposite(row);
        expect(await storage.getComposite(row.key)).toEqual(row);
      });

      it('counts composites', async () => {
        const before = await storage.countComposites();
        for (let i = 0; i < 4; i++) await storage.putComposite(composite(`count-${i}`));
        await storage.putComposite(composite('count-0', { etag: '"again"' }));
        expect(await storage.countComposites()).toBe(before + 4);
        await storage.deleteComposite(k('count-1'));
        expect(await storage.countComposites()).toBe(before + 3);
      });

      it('lists expired rows oldest expiry first, up to the limit', async () => {
        for (const stale of await storage.listExpiredComposites(LIST_ERA + 1000 * HOUR, 10_000)) {
          await storage.deleteComposite(stale.key); // leftovers of an interrupted run
        }
        // Key order is the reverse of expiry order, so sorting by key cannot pass for sorting by expiry.
        const keyOf = (i: number) => k(`exp-${9 - i}`);
        const rows = new Map<number, CompositeRow>();
        for (const i of [4, 1, 5, 2, 3]) {
          const row = composite(`exp-${9 - i}`, { cachedAt: LIST_ERA, expiresAt: LIST_ERA + i * HOUR });
          rows.set(i, row);
          await storage.putComposite(row);
        }
        await storage.putComposite(
          composite('exp-later', { cachedAt: LIST_ERA, expiresAt: LIST_ERA + 999 * HOUR }),
        );

        const keys = async (now: number, limit: number) =>
          (await storage.listExpiredComposites(now, limit)).map((row) => row.key);
        expect(await storage.listExpiredComposites(LIST_ERA + 3 * HOUR + 1, 100)).toEqual([
          rows.get(1),
          rows.get(2),
          rows.get(3),
        ]);
        expect(await keys(LIST_ERA + 100 * HOUR, 2)).toEqual([keyOf(1), keyOf(2)]);
        expect(await keys(LIST_ERA + 100 * HOUR, 5)).toEqual([1, 2, 3, 4, 5].map(keyOf));
        // A row expiring exactly at `now` is no longer fresh, so it counts as expired.
        expect(await keys(LIST_ERA + 2 * HOUR, 100)).toEqual([keyOf(1), keyOf(2)]);
        expect(await keys(LIST_ERA + 1 * HOUR - 1, 100)).toEqual([]);
        expect(await keys(LIST_ERA + 100 * HOUR, 0)).toEqual([]);
        expect(await keys(LIST_ERA + 100 * HOUR, -1)).toEqual([]);
      });

      it('lists a title’s rows, treating tv and series as the same media type', async () => {
        const tmdbId = `title-${run}`;
        await storage.putComposite(composite('tv-a', { tmdbId, mediaType: 'tv' }));
        await storage.putComposite(composite('tv-b', { tmdbId, mediaType: 'series' }));
        await storage.putComposite(composite('movie', { tmdbId, mediaType: 'movie' }));
        await storage.putComposite(composite('other', { tmdbId: `${tmdbId}0`, mediaType: 'tv' }));

        const keysFor = async (mediaType: string) =>
          (await storage.listCompositesForTitle(tmdbId, mediaType)).map((row) => row.key).sort();
        expect(await keysFor('tv')).toEqual([k('tv-a'), k('tv-b')].sort());
        expect(await keysFor('series')).toEqual([k('tv-a'), k('tv-b')].sort());
        expect(await keysFor('movie')).toEqual([k('movie')]);
        expect(await storage.listCompositesForTitle(`missing-${run}`, 'tv')).toEqual([]);
        // Stored normalised, so every reader sees the one spelling.
        expect((await storage.getComposite(k('tv-b')))?.mediaType).toBe('tv');
      });
    });

    describe('lifecycle', () => {
      it('closes idempotently and stops answering after close', async () => {
        const handle = await open();
        await handle.close();
        await expect(handle.close()).resolves.toBeUndefined();
        await expect(handle.ping()).rejects.toThrow();
      });

      // Only for backends whose data outlives a handle; an in-memory adapter cannot promise this.
      if (!target.reopenable) return;

      it('lets two open handles see each other’s writes', async () => {
        const other = await open();
        await storage.put('rating_cache', k('shared'), { from: 'first' }, HOUR);
        expect((await other.get('rating_cache', k('shared')))?.value).toEqual({ from: 'first' });
      });

      it('keeps data across close and reopen', async () => {
        const t0 = Date.UTC(2030, 0, 1);
        await storage.put('rating_cache', k('persist'), { imdb: 8.7 }, HOUR, t0);
        await storage.put('imdb_to_tmdb_cache', k('persist'), '603', null, t0);
        const row = composite('persist');
        await storage.putComposite(row);
        await storage.close();

        const reopened = await open();
        expect(await reopened.get('rating_cache', k('persist'), t0)).toEqual({
          value: { imdb: 8.7 },
          cachedAt: t0,
          expiresAt: t0 + HOUR,
          fresh: true,
        });
        expect((await reopened.get('imdb_to_tmdb_cache', k('persist'), t0))?.value).toBe('603');
        expect(await reopened.getComposite(row.key)).toEqual(row);
      });
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
