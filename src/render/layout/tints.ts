/**
 * Colours derived from the art: the shared frost tint, tinted vignette colours and ink (text) colour
 * on a background. Pure.
 */
import type { PosterStyle, Rgb } from '../../domain/style.ts';
import { clamp, fromHsl, luma, mix, toHsl } from '../analysis/color.ts';
import type { DominantColors } from '../analysis/dominant.ts';

/**
 * One whole-poster colour for every frosted element and the poster-coloured sash, so they match.
 * Default is a pastel (light, calm) version of the dominant hue; `frost_reference` keeps the poster's
 * true colour, only kept out of the extremes so text on it stays legible.
 */
export function frostTint(dom: DominantColors, reference: boolean): Rgb {
  const hsl = toHsl(dom.primary);
  if (reference) return fromHsl({ h: hsl.h, s: clamp(hsl.s, 0, 0.75), l: clamp(hsl.l, 0.16, 0.42) });
  return fromHsl({ h: hsl.h, s: clamp(hsl.s * 0.6, 0, 0.45), l: 0.8 });
}

/**
 * Colour(s) of a poster-tinted vignette band. Saturation and lightness scale the dominant hue, then the
 * lightness is kept dark enough that the band still does a vignette's job (white text stays legible).
 * `local` blends the colour at the band's seam with the whole poster's; `ramp` spreads two hues across.
 */
export function vignetteColors(
  global: DominantColors,
  seam: DominantColors,
  style: Pick<
    PosterStyle,
    'vignetteColorSaturation' | 'vignetteColorLightness' | 'vignetteColorRamp' | 'vignetteColorLocal'
  >,
): { left: Rgb; right: Rgb } {
  const base = style.vignetteColorLocal ? mix(global.primary, seam.primary, 0.65) : global.primary;
  const second = style.vignetteColorLocal ? mix(global.secondary, seam.secondary, 0.65) : global.secondary;
  const tone = (c: Rgb): Rgb => {
    const hsl = toHsl(c);
    return fromHsl({
      h: hsl.h,
      s: clamp(hsl.s * style.vignetteColorSaturation * 0.5, 0, 0.9),
      l: clamp(hsl.l * style.vignetteColorLightness * 0.45, 0.06, 0.3),
    });
  };
  const left = tone(base);
  return { left, right: style.vignetteColorRamp ? tone(second) : left };
}

const LIGHT_INK: Rgb = [245, 245, 245];
const DARK_INK: Rgb = [28, 28, 32];

/** Dark or light text for a background colour. */
export function inkFor(background: Rgb): Rgb {
  return luma(background) > 0.6 ? DARK_INK : LIGHT_INK;
}
