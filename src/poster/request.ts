/** One poster request as the use case sees it (already parsed and clamped), and its answer. */
import type { PosterStyle } from '../domain/style.ts';
import type { Identity } from './identity.ts';
import type { PosterOptions } from './params/table.ts';

export interface PosterRequest {
  identity: Identity;
  style: PosterStyle;
  options: PosterOptions;
  notes: string[];
  tmdbKey?: string;
  mdblistKey?: string;
  debug: boolean;
  /** Re-render and re-store (operator only; the route checks the access key). */
  nocache: boolean;
  /** `preset`: the anonymous public tier (cache-only facts, its own Cache-Control). */
  tier: 'operator' | 'preset';
  receivedAt: number;
}

export type PosterAnswer =
  | {
      kind: 'image';
      bytes: Buffer;
      contentType: string;
      etag: string | null;
      cacheControl: string | null;
      xCache: 'HIT' | 'MISS' | 'PROVISIONAL';
    }
  | { kind: 'redirect'; location: string; cacheControl: string | null }
  | { kind: 'debug'; body: unknown };
