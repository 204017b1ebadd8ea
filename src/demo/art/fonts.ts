/**
 * The shipped OFL fonts (assets/fonts), registered explicitly under demo-private family names; the
 * generated art never uses system fonts.
 */
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';
import { isLatin } from './script.ts';

export type FontRole = 'bebas' | 'creepster' | 'pacifico' | 'playfair' | 'oswald' | 'noto' | 'inter';

const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

const FILES: Record<FontRole, string> = {
  bebas: 'BebasNeue_400Regular.ttf',
  creepster: 'Creepster_400Regular.ttf',
  pacifico: 'Pacifico_400Regular.ttf',
  playfair: 'PlayfairDisplay_700Bold.ttf',
  oswald: 'Oswald_600SemiBold.ttf',
  noto: 'NotoSerif_700Bold.ttf',
  inter: 'Inter_800ExtraBold.ttf',
};

/** Fonts with Cyrillic and Greek glyphs; the others are Latin-only. */
const WIDE_COVERAGE: ReadonlySet<FontRole> = new Set(['playfair', 'oswald', 'noto', 'inter']);

let registered = false;

function ensureFonts(): void {
  if (registered) return;
  for (const [role, file] of Object.entries(FILES)) {
    const key = GlobalFonts.registerFromPath(`${FONT_DIR}${file}`, familyName(role as FontRole));
    if (key === null) throw new Error(`cannot register font ${file} from ${FONT_DIR}`);
  }
  registered = true;
}

function familyName(role: FontRole): string {
  return `PostersPlusDemo-${role}`;
}

/** A CSS font string for canvas, registering the shipped fonts on first use. */
export function font(role: FontRole, sizePx: number): string {
  ensureFonts();
  return `${Math.round(sizePx)}px "${familyName(role)}"`;
}

/** The title font of a genre family (the reference's fallback-title mapping), or a wide-coverage one for non-Latin text. */
export function fontFor(genreFamily: string, text: string): FontRole {
  const role = GENRE_FONTS[genreFamily] ?? 'noto';
  if (isLatin(text) || WIDE_COVERAGE.has(role)) return role;
  return role === 'bebas' ? 'oswald' : 'noto';
}

const GENRE_FONTS: Readonly<Record<string, FontRole>> = {
  horror: 'creepster',
  thriller: 'bebas',
  mystery: 'playfair',
  scifi: 'bebas',
  fantasy: 'playfair',
  action: 'bebas',
  adventure: 'bebas',
  western: 'oswald',
  comedy: 'pacifico',
  animation: 'pacifico',
  family: 'pacifico',
  drama: 'playfair',
  romance: 'pacifico',
  history: 'playfair',
  music: 'playfair',
  crime: 'oswald',
  war: 'oswald',
  documentary: 'oswald',
};
