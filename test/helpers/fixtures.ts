import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The founders' recorded upstream responses, copied verbatim from shared/fixtures/upstream (with their
 * README of provenance and quirks) so the repository's tests need nothing outside it.
 */
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures/upstream');

export function fixture(relativePath: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, relativePath), 'utf8')) as unknown;
}

export function fixtureNames(folder: string): string[] {
  return readdirSync(path.join(FIXTURES_DIR, folder)).filter((name) => name.endsWith('.json'));
}
