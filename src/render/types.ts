/** The render engine's public input and output shapes. */
import type { Facts } from '../domain/facts.ts';
import type { SceneSummary } from '../domain/scene.ts';
import type { PosterStyle } from '../domain/style.ts';
import type { OutputFormat } from './draw/encode.ts';
import type { ArtSource } from './layout/context.ts';

export type { ArtSource, OutputFormat };

export interface RenderInput {
  /** Poster art bytes (textless if facts.posterIsTextless); null = none. */
  art: Uint8Array | null;
  /** Textless backdrop bytes, used when there is no usable textless poster. */
  backdrop?: Uint8Array | null;
  logo: Uint8Array | null;
  facts: Facts;
  style: PosterStyle;
  output: { format: OutputFormat; quality: number };
  /** Wall-clock budget for this render; past it the render is abandoned with RenderTimeoutError. */
  deadlineMs?: number;
}

export interface RenderResult {
  bytes: Buffer;
  contentType: string;
  width: 500;
  height: 750;
  artSource: ArtSource;
  /** Non-fatal problems (e.g. `art_rejected:truncated`, `logo_rejected:not_an_image`). */
  warnings: string[];
  summary: SceneSummary;
}

/** The render did not finish within its deadline (the caller answers 503, not a broken poster). */
export class RenderTimeoutError extends Error {
  readonly deadlineMs: number;
  constructor(deadlineMs: number) {
    super(`render exceeded its ${deadlineMs} ms deadline`);
    this.name = 'RenderTimeoutError';
    this.deadlineMs = deadlineMs;
  }
}

export const DEFAULT_DEADLINE_MS = 10_000;
