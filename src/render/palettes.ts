/**
 * Score colours: every score maps to a pair of gradient colours, the bright "left"
 * end and the darker "right" end of a filled bar. Pure.
 */
import type { PaletteStop, Rgb, ScoreColorMode } from '../domain/style.ts';

export interface ScoreColors {
  left: Rgb;
  right: Rgb;
}

interface Band {
  /** Scores strictly below this use the band (the last band is open-ended). */
  below: number;
  colors: ScoreColors;
}

const FOUR_BAND: readonly Band[] = [
  { below: 50, colors: { left: [255, 80, 80], right: [160, 40, 40] } },
  { below: 70, colors: { left: [255, 210, 90], right: [200, 150, 40] } },
  { below: 85, colors: { left: [120, 255, 160], right: [40, 170, 90] } },
  { below: Infinity, colors: { left: [190, 140, 255], right: [186, 85, 211] } },
];

// Six bands at 17/34/50/67/84: dark red, red, dark amber, yellow, dark green, bright green.
const SIX_BAND: readonly Band[] = [
  { below: 17, colors: { left: [170, 30, 30], right: [110, 15, 15] } },
  { below: 34, colors: { left: [240, 70, 60], right: [165, 35, 30] } },
  { below: 50, colors: { left: [225, 135, 35], right: [160, 90, 20] } },
  { below: 67, colors: { left: [250, 215, 80], right: [195, 155, 35] } },
  { below: 84, colors: { left: [70, 180, 90], right: [35, 125, 60] } },
  { below: Infinity, colors: { left: [110, 245, 130], right: [45, 185, 85] } },
];

// Metal: grey, bronze, silver, gold — the default, it reads as "quality" rather than "grade".
const METAL: readonly Band[] = [
  { below: 50, colors: { left: [160, 160, 166], right: [100, 100, 106] } },
  { below: 70, colors: { left: [222, 150, 82], right: [140, 84, 40] } },
  { below: 85, colors: { left: [232, 235, 242], right: [150, 156, 168] } },
  { below: Infinity, colors: { left: [255, 220, 110], right: [190, 142, 36] } },
];

export const SCORE_BANDS: Readonly<Record<0 | 1 | 2, readonly Band[]>> = {
  0: FOUR_BAND,
  1: SIX_BAND,
  2: METAL,
};

/** The darker end of a custom colour (reference: colour × 0.72). */
export function darker(c: Rgb, factor = 0.72): Rgb {
  return [Math.round(c[0] * factor), Math.round(c[1] * factor), Math.round(c[2] * factor)];
}

function fromBands(bands: readonly Band[], score: number): ScoreColors {
  for (const band of bands) if (score < band.below) return band.colors;
  // Unreachable: the last band is open-ended. Keeps the type total without a non-null assertion.
  return METAL[3]!.colors;
}

/**
 * Colours for `score` (0–100). Mode 3 takes the highest threshold ≤ score; a score below every
 * threshold takes the lowest stop; no usable custom palette falls back to metal.
 */
export function scoreColors(
  score: number,
  mode: ScoreColorMode,
  custom: readonly PaletteStop[] | null = null,
): ScoreColors {
  if (mode === 3) {
    const stops = [...(custom ?? [])].sort((a, b) => a.threshold - b.threshold);
    const first = stops[0];
    if (!first) return fromBands(METAL, score);
    let chosen = first;
    for (const s of stops) if (s.threshold <= score) chosen = s;
    return { left: chosen.color, right: darker(chosen.color) };
  }
  return fromBands(SCORE_BANDS[mode], score);
}
