/**
 * The languages the poster's own words are translated into (sash labels, months and templates:
 * src/title/sashLabels.ts; genre names and UI words: src/render/i18n.ts), and how a requested
 * language id picks one of them. Data and pure functions only; imports nothing.
 *
 * A regional variant (pt-br) is listed only where its wording differs from the base language; every
 * other region falls back to its base, then to English.
 */
export const LANGUAGES = ['en', 'es', 'fr', 'it', 'pt', 'pt-br', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A language id as it arrives in a URL, in the list's spelling: trimmed, lower-case, every `_` read
 * as `-` (`pt_BR` → `pt-br`, `zh_Hant_TW` → `zh-hant-tw`). Anything but a string reads as ''.
 */
export function normaliseLanguageId(id: unknown): string {
  return typeof id === 'string' ? id.trim().toLowerCase().replaceAll('_', '-') : '';
}

export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/**
 * The lookup chain for a requested language, most specific first and always ending in English:
 * `pt-BR` → pt-br, pt, en; `fr-FR` → fr, en; unknown, blank or missing → en.
 */
export function languageChain(id: string | null | undefined): Language[] {
  const normalised = normaliseLanguageId(id);
  const chain: Language[] = [];
  if (isLanguage(normalised)) chain.push(normalised);
  const base = normalised.split('-')[0] ?? '';
  if (isLanguage(base) && !chain.includes(base)) chain.push(base);
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/** The one language a table is read in: the most specific shipped one (`es-MX` → es, `ja` → en). */
export function resolveLanguage(id: string | null | undefined): Language {
  return languageChain(id)[0] ?? 'en';
}
