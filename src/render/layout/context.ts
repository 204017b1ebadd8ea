/**
 * What every scene builder step reads: the inputs plus the decisions made once up front (genre label,
 * sash label, dominant colours). Pure.
 */
import type { Facts } from '../../domain/facts.ts';
import type { Language } from '../../domain/languages.ts';
import type { PosterStyle, Rgb } from '../../domain/style.ts';
import type { DominantColors } from '../analysis/dominant.ts';
import type { Thumbnail } from '../analysis/thumbnail.ts';
import type { TextMetrics } from './metrics.ts';

export type ArtSource = 'poster' | 'backdrop_crop' | 'fallback_canvas';

/** What the pixel layer learned about the decoded logo. */
export interface LogoInfo {
  /** Opaque bounds (alpha > 32) in source pixels; the logo is drawn from this crop. */
  bounds: { x: number; y: number; w: number; h: number };
  /** Dark, colourless wordmark that disappears on dark art unless whitened. */
  darkAchromatic: boolean;
}

export interface LayoutInput {
  facts: Facts;
  style: PosterStyle;
  art: {
    source: ArtSource;
    /** False when the art has a title baked in (a text-bearing official poster): no logo or title then. */
    textless: boolean;
    thumb: Thumbnail;
  };
  logo: LogoInfo | null;
  metrics: TextMetrics;
}

export interface LayoutContext extends LayoutInput {
  W: number;
  H: number;
  lang: Language;
  /** Translated genre label, '' when hidden or unknown. */
  genre: string;
  year: string;
  /** The sash label (with the winner star when asked) for the label append modes, drawn or not. */
  sashText: string | null;
  /** The label of the drawn sash/notch; null when sash_mode is hidden or there is no sash. */
  sashLabel: string | null;
  sashShape: 'none' | 'sash' | 'notch';
  global: DominantColors;
  /** The shared frost tint. */
  frost: Rgb;
  /** The poster's own colour, kept out of the extremes (the `sample` accent, poster-tinted sash). */
  sample: Rgb;
}

export const CANVAS_WIDTH = 500;
export const CANVAS_HEIGHT = 750;
