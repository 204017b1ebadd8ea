import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/http/errorCodes.ts';

/**
 * The error-code table (src/http/errorCodes.ts → docs/API.md) against the code: every code literal an
 * answer can carry must be in it, with the status its constructor maps to, and every row must still be
 * produced somewhere. src/demo/ is the fake internet, not the service: its answers are not ours.
 */
const SRC = new URL('../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'demo' ? [] : sources(path);
    return entry.name.endsWith('.ts') && entry.name !== 'errorCodes.ts' ? [path] : [];
  });
}

/** Domain constructors and the status src/http/errors.ts gives them. */
const CONSTRUCTOR_STATUS: Record<string, number> = {
  badRequest: 400,
  notFound: 404,
  unavailable: 503,
  badUpstream: 502,
};

interface Found {
  code: string;
  /** Known when the literal sits next to its status (a constructor, `fail(404, …)`, `.status(404)`). */
  status?: number;
  file: string;
}

function codesIn(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const rel = file.slice(SRC.length);
  const found: Found[] = [];
  for (const m of text.matchAll(/\b(badRequest|notFound|unavailable|badUpstream)\(\s*'([a-z_]+)'/g)) {
    found.push({ code: m[2]!, status: CONSTRUCTOR_STATUS[m[1]!], file: rel });
  }
  for (const m of text.matchAll(/\bfail\(\s*(\d{3}),\s*'([a-z_]+)'/g)) {
    found.push({ code: m[2]!, status: Number(m[1]), file: rel });
  }
  for (const m of text.matchAll(/\.status\((\d{3})\)\s*\.send\(\{\s*error: '([a-z_]+)'/g)) {
    found.push({ code: m[2]!, status: Number(m[1]), file: rel });
  }
  // Literals whose status is computed or stated apart (src/http/rawRefusal.ts, the plugins).
  for (const m of text.matchAll(/\b(?:error|code): (?:[^,\n]*\? )?'([a-z_]+)'(?: : '([a-z_]+)')?/g)) {
    for (const code of [m[1], m[2]]) if (code) found.push({ code, file: rel });
  }
  if (/\bforbidden\(/.test(text)) found.push({ code: 'forbidden', status: 403, file: rel });
  if (/\brateLimited\(/.test(text)) found.push({ code: 'rate_limited', status: 429, file: rel });
  return found;
}

const FOUND = sources(SRC).flatMap(codesIn);

describe('error-code table', () => {
  it('the scan finds the codes (a regex that matches nothing would pass everything)', () => {
    const codes = new Set(FOUND.map((f) => f.code));
    for (const code of ['invalid_imdb_id', 'missing_preset', 'saturated', 'headers_too_large', 'forbidden'])
      expect(codes).toContain(code);
  });

  it('lists every code an answer can carry, with its status', () => {
    const missing = FOUND.filter(
      (f) =>
        !ERROR_CODES.some(
          (row) => row.code === f.code && (f.status === undefined || row.status === f.status),
        ),
    ).map((f) => `${f.code}${f.status ? ` (${f.status})` : ''} in src/${f.file}`);
    expect(missing, 'add these to src/http/errorCodes.ts, then run `npm run docs:api`').toEqual([]);
  });

  it('lists no code that nothing returns any more', () => {
    const codes = new Set(FOUND.map((f) => f.code));
    expect(ERROR_CODES.filter((row) => !codes.has(row.code)).map((row) => row.code)).toEqual([]);
  });

  it('has one row per code and status in each table', () => {
    const keys = ERROR_CODES.map((row) => `${row.code} ${row.status} ${row.transport ?? false}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
