/**
 * The shipped fonts (assets/fonts, OFL) and which one each use gets. Pure data: registration with the
 * canvas lives in ../fonts.ts, glyph coverage in ./coverage.ts.
 */
import type { FontFamily, FontSpec } from '../../domain/scene.ts';

export interface FontFile {
  file: string;
  family: FontFamily;
  weight: FontSpec['weight'];
}

export const FONT_FILES: readonly FontFile[] = [
  { file: 'Inter_400Regular.ttf', family: 'Inter', weight: 400 },
  { file: 'Inter_600SemiBold.ttf', family: 'Inter', weight: 600 },
  { file: 'Inter_700Bold.ttf', family: 'Inter', weight: 700 },
  { file: 'Inter_800ExtraBold.ttf', family: 'Inter', weight: 800 },
  { file: 'BebasNeue_400Regular.ttf', family: 'Bebas Neue', weight: 400 },
  { file: 'Creepster_400Regular.ttf', family: 'Creepster', weight: 400 },
  { file: 'Pacifico_400Regular.ttf', family: 'Pacifico', weight: 400 },
  { file: 'PlayfairDisplay_700Bold.ttf', family: 'Playfair Display', weight: 700 },
  { file: 'Oswald_600SemiBold.ttf', family: 'Oswald', weight: 600 },
  { file: 'NotoSerif_700Bold.ttf', family: 'Noto Serif', weight: 700 },
];

export const FONTS_DIR = new URL('../../../assets/fonts/', import.meta.url);

/** The one weight each display family ships in (Inter ships four). */
export function displayWeight(family: FontFamily): FontSpec['weight'] {
  return FONT_FILES.find((f) => f.family === family && f.family !== 'Inter')?.weight ?? 700;
}

/** Genre-themed font of the fallback title. */
export function titleFamilyFor(genre: string | null): FontFamily {
  switch (genre) {
    case 'Horror':
    case 'Thriller':
    case 'Mystery':
      return 'Creepster';
    case 'Action':
    case 'Sci-Fi':
    case 'Adventure':
    case 'Fantasy':
    case 'Western':
      return 'Bebas Neue';
    case 'Comedy':
    case 'Animation':
    case 'Family':
      return 'Pacifico';
    case 'Drama':
    case 'Romance':
    case 'History':
    case 'Music':
      return 'Playfair Display';
    case 'Crime':
    case 'War':
    case 'Documentary':
      return 'Oswald';
    default:
      return 'Noto Serif';
  }
}

/** Families tried, in order, when the genre font lacks a glyph of the title. */
export const TITLE_FALLBACK_FAMILIES: readonly FontFamily[] = ['Noto Serif', 'Inter'];
