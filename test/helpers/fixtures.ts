import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The founders' recorded upstream responses (../shared/fixtures/upstream), read-only. */
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../../shared/fixtures/upstream');

export function fixture(relativePath: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, relativePath), 'utf8')) as unknown;
}

export function fixtureNames(folder: string): string[] {
  return readdirSync(path.join(FIXTURES_DIR, folder)).filter((name) => name.endsWith('.json'));
}
