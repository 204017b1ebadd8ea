/**
 * Composite cache key: the title, plus the first 16 hex of SHA-256 over the fully
 * resolved style and every server setting that changes pixels. Hashing the resolved style (not the raw
 * query) makes every spelling of one look one key: defaults given or omitted, aliases, /p presets and the
 * equivalent /poster URL, `shape=poster|portrait|absent`.
 */
import { createHash } from 'node:crypto';

/** Bumped whenever rendering changes visibly: old composites then miss and re-render (2: badge mode 4 without tokens draws nothing). */
export const RENDER_VERSION = '2';

/** JSON with sorted object keys at every depth, so equal values always serialise equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface CompositeKeyInput {
  tmdbId: string;
  mediaType: 'movie' | 'tv';
  /** The resolved style (PosterStyle) and any request-level options that change pixels. */
  style: unknown;
  /**
   * Server settings that change pixels: format, quality, art-choice knobs, rating floors, demo mode …
   * An undefined setting is left out of the hash, so adding one keeps every existing key.
   */
  server: Record<string, string | number | boolean | undefined>;
}

export function compositeKey(input: CompositeKeyInput): string {
  const material = `${canonicalJson(input.style)}|${canonicalJson(input.server)}|render=${RENDER_VERSION}`;
  const hash = createHash('sha256').update(material).digest('hex').slice(0, 16);
  return `poster:${input.tmdbId}:${input.mediaType}:${hash}`;
}
