/** Shared helpers for the fake-upstream tests: fixtures, key sets and JSON types. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES =
  process.env.UPSTREAM_FIXTURES_DIR ?? fileURLToPath(new URL('../fixtures/upstream', import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: fixtures are untyped JSON read for shape comparison.
export type AnyJson = any;

export function fixture(relative: string): AnyJson {
  return JSON.parse(readFileSync(join(FIXTURES, relative), 'utf8'));
}

export function keys(value: AnyJson): string[] {
  return Object.keys(value as object).sort();
}

/** 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean'. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Map of key → JSON type, for comparing field types with a recorded response. */
export function typeMap(value: AnyJson): Record<string, string> {
  return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, jsonType(v)]));
}

/** Union of the keys of a list of objects. */
export function keyUnion(items: AnyJson[]): Set<string> {
  const set = new Set<string>();
  for (const item of items) for (const key of Object.keys(item as object)) set.add(key);
  return set;
}

export async function getJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: AnyJson; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export async function getBytes(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: Buffer; type: string }> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    body: Buffer.from(await response.arrayBuffer()),
    type: response.headers.get('content-type') ?? '',
  };
}
