/**
 * The layer rule of ARCHITECTURE.md, checked on every import in src/: arrows point down only.
 *
 *   domain · config · observability   (foundations: import nothing of ours but each other's types)
 *   ports
 *   render · title · upstream · adapters
 *   poster · jobs                     (use cases)
 *   http
 *   app
 *   main.ts
 *
 * Besides the ranks: render/ imports only domain/; domain/ imports nothing; only app/ and main.ts pick
 * adapters; demo/ (the fake upstream) imports nothing of ours and only app/ starts it; only render/ and
 * demo/ load the native image libraries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

const RANK: Record<string, number> = {
  domain: 0,
  config: 0,
  observability: 0,
  ports: 1,
  render: 2,
  title: 2,
  upstream: 2,
  adapters: 2,
  poster: 3,
  jobs: 3,
  http: 4,
  app: 5,
  'main.ts': 6,
};

/** Same-rank imports that are part of the design (the gatherer reads through the upstream clients). */
const SAME_RANK_ALLOWED = new Set(['title→upstream']);

/** Imports allowed by rank but not by the design. */
const FORBIDDEN: Record<string, readonly string[]> = {
  domain: ['config', 'observability'],
  config: ['observability'],
  render: ['config', 'observability', 'ports'],
  poster: ['adapters'],
  jobs: ['adapters'],
  http: ['adapters'],
};

const NATIVE_IMAGE_PACKAGES = ['sharp', '@napi-rs/canvas'];
const NATIVE_IMAGE_HOMES = new Set(['render', 'demo']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier of static imports, re-exports and dynamic `import('…')` with a literal. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1] as string);
  // Side-effect imports: `import './x.ts';`
  for (const match of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(match[1] as string);
  return found;
}

/** The top-level part of src/ a file belongs to: a folder name, or the file name at the root. */
function partOf(file: string): string {
  const relative = path.relative(SRC, file).split(path.sep);
  return relative[0] as string;
}

interface Violation {
  file: string;
  imports: string;
  why: string;
}

function checkImport(fromPart: string, target: string): string | null {
  if (fromPart === target) return null;
  if (fromPart === 'demo') return 'demo/ is a fake upstream: it imports nothing of the service';
  if (target === 'demo') return fromPart === 'app' ? null : 'only app/ starts the fake upstream';
  const fromRank = RANK[fromPart];
  const toRank = RANK[target];
  if (fromRank === undefined) return `${fromPart} has no place in the layer table`;
  if (toRank === undefined) return `${target} has no place in the layer table`;
  if (fromPart === 'render' && target !== 'domain') return 'render/ imports only domain/';
  if (FORBIDDEN[fromPart]?.includes(target)) return `${fromPart}/ must not import ${target}/`;
  if (toRank > fromRank)
    return `${fromPart}/ (layer ${fromRank}) imports up into ${target}/ (layer ${toRank})`;
  if (toRank === fromRank && !SAME_RANK_ALLOWED.has(`${fromPart}→${target}`))
    return `${fromPart}/ and ${target}/ are siblings; neither imports the other`;
  return null;
}

function violations(): Violation[] {
  const found: Violation[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = partOf(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const name = path.relative(SRC, file);
      if (NATIVE_IMAGE_PACKAGES.some((pkg) => spec === pkg || spec.startsWith(`${pkg}/`))) {
        if (!NATIVE_IMAGE_HOMES.has(from))
          found.push({ file: name, imports: spec, why: 'only render/ (and demo/) load sharp or the canvas' });
        continue;
      }
      if (!spec.startsWith('.')) continue;
      const resolved = path.resolve(path.dirname(file), spec);
      if (!resolved.startsWith(SRC)) continue;
      const why = checkImport(from, partOf(resolved));
      if (why) found.push({ file: name, imports: path.relative(SRC, resolved), why });
    }
  }
  return found;
}

describe('layers', () => {
  it('every import in src/ points down the layers', () => {
    const list = violations().map((v) => `${v.file} → ${v.imports}: ${v.why}`);
    expect(list).toEqual([]);
  });

  it('every part of src/ has a place in the table', () => {
    const parts = new Set(sourceFiles(SRC).map(partOf));
    parts.delete('demo');
    expect([...parts].filter((part) => RANK[part] === undefined)).toEqual([]);
  });

  it('the checker itself catches the back-imports it exists for', () => {
    expect(checkImport('poster', 'http')).toMatch(/imports up/);
    expect(checkImport('poster', 'app')).toMatch(/imports up/);
    expect(checkImport('jobs', 'app')).toMatch(/imports up/);
    expect(checkImport('http', 'app')).toMatch(/imports up/);
    expect(checkImport('render', 'title')).toMatch(/only domain/);
    expect(checkImport('render', 'config')).toMatch(/only domain/);
    expect(checkImport('domain', 'config')).not.toBeNull();
    expect(checkImport('upstream', 'title')).toMatch(/siblings/);
    expect(checkImport('http', 'adapters')).not.toBeNull();
    expect(checkImport('poster', 'demo')).not.toBeNull();
    expect(checkImport('title', 'upstream')).toBeNull();
    expect(checkImport('app', 'adapters')).toBeNull();
    expect(checkImport('main.ts', 'app')).toBeNull();
  });

  it('finds imports in every form the code uses', () => {
    const text = [
      "import type { A } from '../a.ts';",
      "import {\n  b,\n  c,\n} from './b.ts';",
      "export { d } from '../d.ts';",
      "const e = await import('../e.ts');",
      "import './f.ts';",
    ].join('\n');
    expect(specifiers(text).sort()).toEqual(['../a.ts', '../d.ts', '../e.ts', './b.ts', './f.ts']);
  });
});
