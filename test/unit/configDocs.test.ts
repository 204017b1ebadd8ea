import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigTable, renderEnvExample, spliceReadme } from '../../src/config/docs.ts';
import { CONFIG_SCHEMA } from '../../src/config/schema.ts';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

describe('generated configuration docs', () => {
  it('README table matches the schema (run `npm run docs:config` after changing it)', () => {
    const readme = read('README.md');
    expect(spliceReadme(readme)).toBe(readme);
  });

  it('.env.example matches the schema (run `npm run docs:config` after changing it)', () => {
    expect(read('.env.example')).toBe(renderEnvExample());
  });

  it('names every variable in both outputs, and leaves secrets blank', () => {
    const table = renderConfigTable();
    const example = renderEnvExample();
    for (const [name, spec] of Object.entries(CONFIG_SCHEMA)) {
      expect(table).toContain(`\`${name}\``);
      expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
      if (spec.secret) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
    }
  });
});
