/** Deterministic hashing and seeded randomness: the same title always yields the same ids, files and pixels. */

/** 32-bit FNV-1a. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: string | number): () => number {
  let state = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A TMDB-looking token (e.g. file names are 27 base-62 characters). */
export function token(seed: string, length: number): string {
  const random = seededRandom(`token:${seed}`);
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[Math.floor(random() * 62)];
  return out;
}

/** A stable positive integer id in [min, min + span). */
export function stableId(seed: string, min: number, span: number): number {
  return min + (hash32(seed) % span);
}

/** 40-hex-digit infohash-like string. */
export function hex40(seed: string): string {
  const random = seededRandom(`hex:${seed}`);
  let out = '';
  for (let i = 0; i < 40; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}
