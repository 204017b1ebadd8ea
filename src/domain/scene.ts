/**
 * A poster as a typed list of drawable layers, produced by the pure scene builder
 * (src/render/layout) and painted by the pixel layer (src/render/draw). Shared types only: this
 * module imports nothing, so geometry can be tested without an image library.
 *
 * Coordinates are canvas pixels (origin top-left); colours are RGBA with alpha 0–1.
 */

export type Rgba = readonly [number, number, number, number];

export interface ColorStop {
  /** 0–1 along the gradient. */
  offset: number;
  color: Rgba;
}

export type Paint =
  | { kind: 'solid'; color: Rgba }
  | { kind: 'linear'; x0: number; y0: number; x1: number; y1: number; stops: readonly ColorStop[] };

export interface Shadow {
  color: Rgba;
  blur: number;
  offsetX: number;
  offsetY: number;
}

export type Shape =
  /** Rounded rectangle; radii clockwise from top-left. */
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      radii: readonly [number, number, number, number];
    }
  /** Closed polygon; a corner radius rounds every vertex (the bookmark's soft tips). */
  | { kind: 'polygon'; points: readonly (readonly [number, number])[]; cornerRadius: number };

export const FONT_FAMILIES = [
  'Inter',
  'Bebas Neue',
  'Creepster',
  'Pacifico',
  'Playfair Display',
  'Oswald',
  'Noto Serif',
] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

export interface FontSpec {
  family: FontFamily;
  weight: 400 | 600 | 700 | 800;
  /** Pixel size (em). */
  size: number;
  /** Extra tracking in px (0 = none). */
  letterSpacing: number;
}

export interface FillLayer {
  kind: 'fill';
  shape: Shape;
  paint: Paint;
  /** Gaussian blur of the shape itself in px (glows); 0 = crisp. */
  blur: number;
  shadow: Shadow | null;
  stroke: { paint: Paint; width: number } | null;
}

/**
 * A vignette band: colour varies horizontally (one colour, or a two-tone ramp), alpha varies vertically.
 * Painted as colour × alpha mask, which a single canvas gradient cannot express.
 */
export interface BandLayer {
  kind: 'band';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Horizontal colour ramp (alpha of these colours is ignored). */
  colors: readonly ColorStop[];
  /** Vertical alpha profile, top (0) to bottom (1). */
  alpha: readonly { offset: number; alpha: number }[];
}

/** Frosted glass: the art under the shape, blurred and re-saturated, then tinted. */
export interface FrostLayer {
  kind: 'frost';
  shape: Shape;
  blur: number;
  saturation: number;
  tint: Rgba;
}

export interface TextLayer {
  kind: 'text';
  text: string;
  /** Anchor x (see align) and alphabetic baseline y. */
  x: number;
  y: number;
  align: 'left' | 'center' | 'right';
  font: FontSpec;
  fill: Paint;
  shadow: Shadow | null;
}

export interface ImageLayer {
  kind: 'image';
  /** Which decoded input image; the logo is the only one placed by the scene. */
  source: 'logo';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Source crop (the logo's opaque bounds) in source pixels. */
  crop: { x: number; y: number; w: number; h: number };
  /** Paint every opaque pixel this colour, keeping alpha (whitening dark wordmarks). */
  recolor: readonly [number, number, number] | null;
  shadow: Shadow | null;
}

/**
 * Layers drawn under a transform (the diagonal sash). `opacity` multiplies every child; `shadow` is cast
 * by the first child (the group's body), so painters need no offscreen pass.
 */
export interface GroupLayer {
  kind: 'group';
  /** Applied in order: translate, then rotate (radians) about the new origin. */
  translateX: number;
  translateY: number;
  rotate: number;
  opacity: number;
  shadow: Shadow | null;
  layers: readonly Layer[];
}

export type Layer = FillLayer | BandLayer | FrostLayer | TextLayer | ImageLayer | GroupLayer;

/** What the scene decided, for tests, debug output and metrics. */
export interface SceneSummary {
  ratingMode: number;
  scoreShown: boolean;
  sash: 'none' | 'sash' | 'notch';
  badge: number | null;
  title: 'logo' | 'text' | 'none';
  greyscale: boolean;
  topBand: 'off' | 'black' | 'tinted';
  bottomBand: 'off' | 'black' | 'tinted';
}

export interface Scene {
  width: number;
  height: number;
  /** Treatment of the base art before any layer is drawn. */
  art: { greyscale: boolean };
  layers: readonly Layer[];
  summary: SceneSummary;
}
