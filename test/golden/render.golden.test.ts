import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paintPoster } from '../../src/render/renderLocal.ts';
import { GOLDEN_CASES } from './cases.ts';
import { checkGolden, countDiff, GOLDEN_DIR, halfSize, MAX_DIFF_PIXELS, rawOf } from './compare.ts';
import { inputFor } from './inputs.ts';

describe('golden posters', () => {
  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const painted = await paintPoster(await inputFor(c));
    const outcome = await checkGolden(name, await halfSize(painted.canvas));
    if (outcome.status === 'missing') {
      expect.fail(`no golden for ${name}: run UPDATE_GOLDENS=1 npx vitest run test/golden, then look at it`);
    }
    if (outcome.status === 'compared') {
      expect(outcome.diffPixels, `see test/golden/__diff__/${name}.diff.png`).toBeLessThanOrEqual(
        MAX_DIFF_PIXELS,
      );
    }
  });

  it('has no golden without a case (stale files would hide a renamed case)', () => {
    const files = readdirSync(GOLDEN_DIR)
      .filter((f) => f.endsWith('.png'))
      .map((f) => f.slice(0, -4));
    expect(files.sort()).toEqual(GOLDEN_CASES.map((c) => c.name).sort());
  });

  it('is sensitive enough to catch a 10-point score change on the score bar', async () => {
    const base = GOLDEN_CASES.find((c) => c.name === 'display-1-score-bar');
    if (!base) throw new Error('case missing');
    const changed = { ...base, facts: { ...base.facts, score: (base.facts.score ?? 0) - 10 } };
    const painted = await paintPoster(await inputFor(changed));
    const expected = await rawOf(`${GOLDEN_DIR}display-1-score-bar.png`);
    expect(countDiff(expected, await halfSize(painted.canvas))).toBeGreaterThan(MAX_DIFF_PIXELS);
  });
});
