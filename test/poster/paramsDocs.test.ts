import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderParamsDoc } from '../../src/poster/params/docs.ts';
import { LEGACY_PARAMS, POSTER_PARAMS } from '../../src/poster/params.ts';

describe('docs/PARAMETERS.md', () => {
  const committed = readFileSync(new URL('../../docs/PARAMETERS.md', import.meta.url), 'utf8');

  it('matches the parameter table (run `npx node scripts/params-docs.ts` after changing it)', () => {
    expect(committed).toBe(renderParamsDoc());
  });

  it('documents every parameter and legacy spelling', () => {
    for (const spec of POSTER_PARAMS) expect(committed).toContain(`| \`${spec.name}\` |`);
    for (const legacy of LEGACY_PARAMS) expect(committed).toContain(`| \`${legacy.name}\` |`);
  });
});
