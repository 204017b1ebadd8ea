import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultStyle } from '../../src/domain/style.ts';
import { createRenderPool, RenderTimeoutError } from '../../src/render/index.ts';
import { MAX_CONSECUTIVE_DEATHS } from '../../src/render/pool.ts';
import { logoPng, posterJpeg } from './fixtures/art.ts';
import { baseFacts } from './fixtures/facts.ts';
import { TEXT_FILE } from './fixtures/hostile.ts';

const pool = createRenderPool({ size: 2 });
afterAll(() => pool.close());

describe('render worker pool', () => {
  it('renders posters on worker threads, several in flight', async () => {
    const art = await posterJpeg();
    const logo = await logoPng();
    const results = await Promise.all(
      (['jpeg', 'webp', 'jpeg'] as const).map((format) =>
        pool.render({
          art,
          logo,
          facts: baseFacts(),
          style: defaultStyle(),
          output: { format, quality: 80 },
        }),
      ),
    );
    for (const r of results) {
      const m = await sharp(r.bytes).metadata();
      expect([m.width, m.height]).toEqual([500, 750]);
      expect(r.artSource).toBe('poster');
      expect(r.summary.title).toBe('logo');
    }
    expect(results.map((r) => r.contentType)).toEqual(['image/jpeg', 'image/webp', 'image/jpeg']);
    // WebP is encoded from the raw surface, JPEG by Skia: the same poster either way.
    const [jpeg, webp] = await Promise.all([
      sharp(results[0]!.bytes).stats(),
      sharp(results[1]!.bytes).stats(),
    ]);
    for (let ch = 0; ch < 3; ch++)
      expect(Math.abs(jpeg.channels[ch]!.mean - webp.channels[ch]!.mean)).toBeLessThan(3);
  });

  it('answers bad artwork with the fallback poster, not a rejection', async () => {
    const r = await pool.render({
      art: TEXT_FILE,
      logo: null,
      facts: baseFacts(),
      style: defaultStyle(),
      output: { format: 'jpeg', quality: 80 },
    });
    expect(r.artSource).toBe('fallback_canvas');
  });

  it('abandons a render past its deadline, then keeps serving', async () => {
    const art = await posterJpeg();
    const late = pool.render({
      art,
      logo: null,
      facts: baseFacts(),
      style: defaultStyle(),
      output: { format: 'webp', quality: 80 },
      deadlineMs: 1,
    });
    await expect(late).rejects.toBeInstanceOf(RenderTimeoutError);
    const next = await pool.render({
      art,
      logo: null,
      facts: baseFacts(),
      style: defaultStyle(),
      output: { format: 'jpeg', quality: 80 },
    });
    expect(next.artSource).toBe('poster');
    expect(pool.pending()).toBe(0);
  });
});

describe('render workers on demand', () => {
  const input = async () => ({
    art: await posterJpeg(),
    logo: null,
    facts: baseFacts(),
    style: defaultStyle(),
    output: { format: 'jpeg' as const, quality: 80 },
  });

  it('starts no worker before the first render and never more than its size', async () => {
    const lazy = createRenderPool({ size: 2 });
    try {
      expect(lazy.workers()).toBe(0);
      const job = await input();
      const results = await Promise.all([1, 2, 3, 4].map(() => lazy.render(job)));
      expect(results.every((r) => r.artSource === 'poster')).toBe(true);
      expect(lazy.workers()).toBe(2);
    } finally {
      await lazy.close();
    }
    expect(lazy.workers()).toBe(0);
  });

  it('stops a worker left idle past idleMs, and starts one again for the next render', async () => {
    const idle = createRenderPool({ size: 1, idleMs: 50 });
    try {
      const job = await input();
      await idle.render(job);
      expect(idle.workers()).toBe(1);
      await vi.waitFor(() => expect(idle.workers()).toBe(0), { timeout: 5000, interval: 20 });
      const again = await idle.render(job);
      expect(again.artSource).toBe('poster');
    } finally {
      await idle.close();
    }
  });

  it('keeps started workers when idleMs is 0', async () => {
    const kept = createRenderPool({ size: 1, idleMs: 0 });
    try {
      await kept.render(await input());
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(kept.workers()).toBe(1);
    } finally {
      await kept.close();
    }
  });
});

describe('render worker pool with workers that cannot start', () => {
  it('rejects instead of hanging, and stops respawning', async () => {
    const broken = createRenderPool({
      size: 1,
      workerUrl: new URL('./fixtures/brokenWorker.ts', import.meta.url),
    });
    const input = {
      art: null,
      logo: null,
      facts: baseFacts(),
      style: defaultStyle(),
      output: { format: 'jpeg' as const, quality: 80 },
    };
    const results = await Promise.allSettled(
      Array.from({ length: MAX_CONSECUTIVE_DEATHS + 1 }, () => broken.render(input)),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    await expect(broken.render(input)).rejects.toThrow(/keep dying/);
    expect(broken.pending()).toBe(0);
    await broken.close();
  });
});
