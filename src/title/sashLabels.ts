/**
 * Translated poster vocabulary: sash labels, release windows, month names, the trending and dated
 * templates and language names.
 *
 * Keys are the exact English strings the sash logic produces, so an untranslated key simply prints
 * in English. Lookup order for `pt-BR` is pt-br → pt → en, per key: a regional table only carries
 * what differs from its base language.
 */
import { type Language, languageChain, resolveLanguage } from '../domain/languages.ts';

/** Every fixed sash label (the English text doubles as the translation key). */
export const SASH_LABEL_KEYS = [
  'Oscar Winner',
  'Oscar Nominee',
  'Emmy Winner',
  'Emmy Nominee',
  'Globe Winner',
  'Globe Nominee',
  "Palme d'Or",
  'Golden Lion',
  'Golden Bear',
  'Golden Leopard',
  'Sundance GJ',
  'Cannes Winner',
  'Venice Winner',
  'Berlin Winner',
  'Locarno Winner',
  'Sundance Winner',
  'Must-See',
  'Premiere',
  'New',
  'Just Added',
  'New Season',
  'Season Finale',
  'Returning',
  'Cult Classic',
  'Foreign',
  'True Story',
  'Short Film',
  'Mini Series',
  'Binge Ready',
  'Airing',
  'Ended',
  'Cancelled',
  'Production',
  'Cinema',
  'Streaming',
  'Physical',
] as const;
export type SashLabelKey = (typeof SASH_LABEL_KEYS)[number];

interface Templates {
  /** `{rank}` */
  trendingToday: string;
  /** `{month} {day} {window}` — a date less than a year away. */
  releaseDay: string;
  /** `{month} {year} {window}` — a year or more away, where the day is noise TMDB will revise. */
  releaseMonth: string;
}

export interface LanguageTable {
  months?: readonly string[];
  templates?: Partial<Templates>;
  labels?: Partial<Record<SashLabelKey, string>>;
}

/** The shipped tables; exported so tests can prove coverage. Regional tables hold only differences. */
export const LABEL_TABLES: Readonly<Record<Language, LanguageTable>> = {
  en: {
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    templates: {
      trendingToday: '#{rank} Today',
      releaseDay: '{month} {day} {window}',
      releaseMonth: '{month} {year} {window}',
    },
  },
  es: {
    months: ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'],
    templates: {
      trendingToday: '#{rank} Hoy',
      releaseDay: '{window} {day} {month}',
      releaseMonth: '{window} {month} {year}',
    },
    labels: {
      'Oscar Winner': 'Ganadora del Óscar',
      'Oscar Nominee': 'Nominada al Óscar',
      'Emmy Winner': 'Ganadora del Emmy',
      'Emmy Nominee': 'Nominada al Emmy',
      'Globe Winner': 'Globo de Oro',
      'Globe Nominee': 'Nominada Globo de Oro',
      "Palme d'Or": 'Palma de Oro',
      'Golden Lion': 'León de Oro',
      'Golden Bear': 'Oso de Oro',
      'Golden Leopard': 'Leopardo de Oro',
      'Sundance GJ': 'Gran Jurado Sundance',
      'Cannes Winner': 'Premiada en Cannes',
      'Venice Winner': 'Premiada en Venecia',
      'Berlin Winner': 'Premiada en Berlín',
      'Locarno Winner': 'Premiada en Locarno',
      'Sundance Winner': 'Premiada en Sundance',
      'Must-See': 'Imprescindible',
      Premiere: 'Estreno',
      New: 'Nuevo',
      'Just Added': 'Recién añadido',
      'New Season': 'Nueva temporada',
      'Season Finale': 'Final de temporada',
      Returning: 'Vuelve',
      'Cult Classic': 'De culto',
      Foreign: 'Extranjera',
      'True Story': 'Historia real',
      'Short Film': 'Cortometraje',
      'Mini Series': 'Miniserie',
      'Binge Ready': 'Para maratón',
      Airing: 'En emisión',
      Ended: 'Finalizada',
      Cancelled: 'Cancelada',
      Production: 'En producción',
      Cinema: 'En cines',
      Streaming: 'Streaming',
      Physical: 'Formato físico',
    },
  },
  fr: {
    months: ['Janv', 'Févr', 'Mars', 'Avr', 'Mai', 'Juin', 'Juil', 'Août', 'Sept', 'Oct', 'Nov', 'Déc'],
    templates: {
      trendingToday: '#{rank} du jour',
      releaseDay: '{window} {day} {month}',
      releaseMonth: '{window} {month} {year}',
    },
    labels: {
      'Oscar Winner': 'Oscarisé',
      'Oscar Nominee': 'Nommé aux Oscars',
      'Emmy Winner': 'Lauréat Emmy',
      'Emmy Nominee': 'Nommé aux Emmy',
      'Globe Winner': 'Golden Globe',
      'Globe Nominee': 'Nommé Golden Globe',
      "Palme d'Or": "Palme d'Or",
      'Golden Lion': "Lion d'Or",
      'Golden Bear': "Ours d'Or",
      'Golden Leopard': "Léopard d'Or",
      'Sundance GJ': 'Grand Prix Sundance',
      'Cannes Winner': 'Primé à Cannes',
      'Venice Winner': 'Primé à Venise',
      'Berlin Winner': 'Primé à Berlin',
      'Locarno Winner': 'Primé à Locarno',
      'Sundance Winner': 'Primé à Sundance',
      'Must-See': 'Incontournable',
      Premiere: 'Première',
      New: 'Nouveau',
      'Just Added': "Vient d'arriver",
      'New Season': 'Nouvelle saison',
      'Season Finale': 'Fin de saison',
      Returning: 'De retour',
      'Cult Classic': 'Film culte',
      Foreign: 'Étranger',
      'True Story': 'Histoire vraie',
      'Short Film': 'Court métrage',
      'Mini Series': 'Mini-série',
      'Binge Ready': 'À dévorer',
      Airing: 'En cours',
      Ended: 'Terminée',
      Cancelled: 'Annulée',
      Production: 'En production',
      Cinema: 'Au cinéma',
      Streaming: 'Streaming',
      Physical: 'Support physique',
    },
  },
  it: {
    months: ['Gen', 'Feb', 'Mar', 'Apr', 'Mag', 'Giu', 'Lug', 'Ago', 'Set', 'Ott', 'Nov', 'Dic'],
    templates: {
      trendingToday: '#{rank} Oggi',
      releaseDay: '{window} {day} {month}',
      releaseMonth: '{window} {month} {year}',
    },
    labels: {
      'Oscar Winner': 'Premio Oscar',
      'Oscar Nominee': 'Candidato Oscar',
      'Emmy Winner': 'Vincitore Emmy',
      'Emmy Nominee': 'Candidato Emmy',
      'Globe Winner': 'Golden Globe',
      'Globe Nominee': 'Candidato Golden Globe',
      "Palme d'Or": "Palma d'Oro",
      'Golden Lion': "Leone d'Oro",
      'Golden Bear': "Orso d'Oro",
      'Golden Leopard': "Pardo d'Oro",
      'Sundance GJ': 'Gran Premio Sundance',
      'Cannes Winner': 'Premiato a Cannes',
      'Venice Winner': 'Premiato a Venezia',
      'Berlin Winner': 'Premiato a Berlino',
      'Locarno Winner': 'Premiato a Locarno',
      'Sundance Winner': 'Premiato al Sundance',
      'Must-See': 'Da non perdere',
      Premiere: 'Prima visione',
      New: 'Novità',
      'Just Added': 'Appena aggiunto',
      'New Season': 'Nuova stagione',
      'Season Finale': 'Finale di stagione',
      Returning: 'Di ritorno',
      'Cult Classic': 'Cult',
      Foreign: 'Straniero',
      'True Story': 'Storia vera',
      'Short Film': 'Cortometraggio',
      'Mini Series': 'Miniserie',
      'Binge Ready': 'Da maratona',
      Airing: 'In onda',
      Ended: 'Conclusa',
      Cancelled: 'Cancellata',
      Production: 'In produzione',
      Cinema: 'Al cinema',
      Streaming: 'Streaming',
      Physical: 'Home video',
    },
  },
  pt: {
    months: ['Jan', 'Fev', 'Mar', 'Abr', 'Mai', 'Jun', 'Jul', 'Ago', 'Set', 'Out', 'Nov', 'Dez'],
    templates: {
      trendingToday: '#{rank} Hoje',
      releaseDay: '{window} {day} {month}',
      releaseMonth: '{window} {month} {year}',
    },
    labels: {
      'Oscar Winner': 'Vencedor do Óscar',
      'Oscar Nominee': 'Nomeado ao Óscar',
      'Emmy Winner': 'Vencedor do Emmy',
      'Emmy Nominee': 'Nomeado ao Emmy',
      'Globe Winner': 'Globo de Ouro',
      'Globe Nominee': 'Nomeado Globo de Ouro',
      "Palme d'Or": 'Palma de Ouro',
      'Golden Lion': 'Leão de Ouro',
      'Golden Bear': 'Urso de Ouro',
      'Golden Leopard': 'Leopardo de Ouro',
      'Sundance GJ': 'Grande Júri Sundance',
      'Cannes Winner': 'Premiado em Cannes',
      'Venice Winner': 'Premiado em Veneza',
      'Berlin Winner': 'Premiado em Berlim',
      'Locarno Winner': 'Premiado em Locarno',
      'Sundance Winner': 'Premiado em Sundance',
      'Must-See': 'Imperdível',
      Premiere: 'Estreia',
      New: 'Novo',
      'Just Added': 'Acabado de chegar',
      'New Season': 'Nova temporada',
      'Season Finale': 'Final de temporada',
      Returning: 'Está de volta',
      'Cult Classic': 'Clássico de culto',
      Foreign: 'Estrangeiro',
      'True Story': 'História verídica',
      'Short Film': 'Curta-metragem',
      'Mini Series': 'Minissérie',
      'Binge Ready': 'Para maratonar',
      Airing: 'Em exibição',
      Ended: 'Terminada',
      Cancelled: 'Cancelada',
      Production: 'Em produção',
      Cinema: 'No cinema',
      Streaming: 'Streaming',
      Physical: 'Formato físico',
    },
  },
  'pt-br': {
    labels: {
      'Oscar Winner': 'Vencedor do Oscar',
      'Oscar Nominee': 'Indicado ao Oscar',
      'Emmy Nominee': 'Indicado ao Emmy',
      'Globe Nominee': 'Indicado Globo de Ouro',
      'Just Added': 'Recém-chegado',
      Returning: 'De volta',
      'Cult Classic': 'Clássico cult',
      'True Story': 'História real',
      Ended: 'Finalizada',
      Cinema: 'Nos cinemas',
      Physical: 'Mídia física',
    },
  },
  de: {
    months: ['Jan', 'Feb', 'März', 'Apr', 'Mai', 'Juni', 'Juli', 'Aug', 'Sept', 'Okt', 'Nov', 'Dez'],
    templates: {
      trendingToday: '#{rank} Heute',
      releaseDay: '{window} {day}. {month}',
      releaseMonth: '{window} {month} {year}',
    },
    labels: {
      'Oscar Winner': 'Oscar-Gewinner',
      'Oscar Nominee': 'Oscar-nominiert',
      'Emmy Winner': 'Emmy-Gewinner',
      'Emmy Nominee': 'Emmy-nominiert',
      'Globe Winner': 'Golden Globe',
      'Globe Nominee': 'Globe-nominiert',
      "Palme d'Or": 'Goldene Palme',
      'Golden Lion': 'Goldener Löwe',
      'Golden Bear': 'Goldener Bär',
      'Golden Leopard': 'Goldener Leopard',
      'Sundance GJ': 'Sundance-Jurypreis',
      'Cannes Winner': 'Preis in Cannes',
      'Venice Winner': 'Preis in Venedig',
      'Berlin Winner': 'Preis der Berlinale',
      'Locarno Winner': 'Preis in Locarno',
      'Sundance Winner': 'Preis in Sundance',
      'Must-See': 'Pflichtprogramm',
      Premiere: 'Premiere',
      New: 'Neu',
      'Just Added': 'Neu hinzugefügt',
      'New Season': 'Neue Staffel',
      'Season Finale': 'Staffelfinale',
      Returning: 'Geht weiter',
      'Cult Classic': 'Kultfilm',
      Foreign: 'Fremdsprachig',
      'True Story': 'Wahre Geschichte',
      'Short Film': 'Kurzfilm',
      'Mini Series': 'Miniserie',
      'Binge Ready': 'Zum Durchschauen',
      Airing: 'Läuft',
      Ended: 'Beendet',
      Cancelled: 'Abgesetzt',
      Production: 'In Produktion',
      Cinema: 'Im Kino',
      Streaming: 'Streaming',
      Physical: 'Auf Disc',
    },
  },
};

function lookup<T>(
  lang: string | null | undefined,
  read: (table: LanguageTable) => T | undefined,
): T | undefined {
  for (const code of languageChain(lang)) {
    const value = read(LABEL_TABLES[code]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function template(lang: string | null | undefined, key: keyof Templates): string {
  return lookup(lang, (table) => table.templates?.[key]) ?? '';
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : whole,
  );
}

function isLabelKey(text: string): text is SashLabelKey {
  return (SASH_LABEL_KEYS as readonly string[]).includes(text);
}

/** A fixed label in `lang`; text that is not a known key (curated studio labels …) is returned as-is. */
export function translateLabel(text: string, lang: string | null | undefined): string {
  if (!isLabelKey(text)) return text;
  return lookup(lang, (table) => table.labels?.[text]) ?? text;
}

/** Short month name, month 1–12. */
export function monthName(month: number, lang: string | null | undefined): string {
  return lookup(lang, (table) => table.months?.[month - 1]) ?? String(month);
}

/** "#3 Today" in `lang`. */
export function trendingLabel(rank: number, lang: string | null | undefined): string {
  return fill(template(lang, 'trendingToday'), { rank: String(rank) });
}

export type ReleaseWindowLabel = 'Cinema' | 'Streaming' | 'Physical';

/** "Oct 16 Cinema" (`form: 'day'`) or "Dec 2027 Cinema" (`form: 'month'`) in `lang`. */
export function datedLabel(
  parts: { form: 'day' | 'month'; year: number; month: number; day: number; window: ReleaseWindowLabel },
  lang: string | null | undefined,
): string {
  const values = {
    month: monthName(parts.month, lang),
    day: String(parts.day),
    year: String(parts.year),
    window: translateLabel(parts.window, lang),
  };
  return fill(template(lang, parts.form === 'day' ? 'releaseDay' : 'releaseMonth'), values).trim();
}

/**
 * ISO 639-1 code → English name for the `foreign` sash (≈50 languages; English itself is absent
 * because the slot only fires for non-English titles). TMDB's own `cn` is Cantonese.
 */
export const LANGUAGE_NAMES: ReadonlyMap<string, string> = new Map([
  ['fr', 'French'],
  ['de', 'German'],
  ['es', 'Spanish'],
  ['it', 'Italian'],
  ['pt', 'Portuguese'],
  ['ja', 'Japanese'],
  ['ko', 'Korean'],
  ['zh', 'Chinese'],
  ['cn', 'Cantonese'],
  ['da', 'Danish'],
  ['sv', 'Swedish'],
  ['no', 'Norwegian'],
  ['nb', 'Norwegian'],
  ['fi', 'Finnish'],
  ['nl', 'Dutch'],
  ['pl', 'Polish'],
  ['ru', 'Russian'],
  ['tr', 'Turkish'],
  ['ar', 'Arabic'],
  ['hi', 'Hindi'],
  ['fa', 'Persian'],
  ['ro', 'Romanian'],
  ['hu', 'Hungarian'],
  ['cs', 'Czech'],
  ['he', 'Hebrew'],
  ['el', 'Greek'],
  ['te', 'Telugu'],
  ['ta', 'Tamil'],
  ['ml', 'Malayalam'],
  ['kn', 'Kannada'],
  ['bn', 'Bengali'],
  ['mr', 'Marathi'],
  ['pa', 'Punjabi'],
  ['gu', 'Gujarati'],
  ['ur', 'Urdu'],
  ['th', 'Thai'],
  ['vi', 'Vietnamese'],
  ['id', 'Indonesian'],
  ['ms', 'Malay'],
  ['tl', 'Filipino'],
  ['uk', 'Ukrainian'],
  ['is', 'Icelandic'],
  ['ca', 'Catalan'],
  ['sr', 'Serbian'],
  ['hr', 'Croatian'],
  ['bg', 'Bulgarian'],
  ['sk', 'Slovak'],
  ['et', 'Estonian'],
  ['lv', 'Latvian'],
  ['lt', 'Lithuanian'],
  ['ka', 'Georgian'],
  ['af', 'Afrikaans'],
  ['sw', 'Swahili'],
]);

/** BCP 47 codes for Intl where TMDB's code is not one (`cn`) or names a different variety (`tl`). */
const INTL_CODE: ReadonlyMap<string, string> = new Map([
  ['cn', 'yue'],
  ['tl', 'fil'],
  ['nb', 'no'],
]);

/**
 * The `foreign` label for an original language: its name in `lang` (from the runtime's ICU data,
 * capitalised because it stands alone on the ribbon), "Foreign" for codes outside LANGUAGE_NAMES.
 */
export function languageLabel(code: string, lang: string | null | undefined): string {
  const key = code.trim().toLowerCase();
  const english = LANGUAGE_NAMES.get(key);
  if (english === undefined) return translateLabel('Foreign', lang);
  const target = resolveLanguage(lang);
  if (target === 'en') return english;
  try {
    const names = new Intl.DisplayNames([target], { type: 'language', fallback: 'none' });
    const name = names.of(INTL_CODE.get(key) ?? key);
    if (name === undefined || name === '') return english;
    return name.charAt(0).toLocaleUpperCase(target) + name.slice(1);
  } catch {
    return english;
  }
}
