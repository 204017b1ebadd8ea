import { describe, expect, it } from 'vitest';
import { LANGUAGES as LABEL_LANGUAGES, languageChain } from '../../src/domain/languages.ts';
import {
  datedLabel,
  LABEL_TABLES,
  LANGUAGE_NAMES,
  languageLabel,
  monthName,
  SASH_LABEL_KEYS,
  translateLabel,
  trendingLabel,
} from '../../src/title/sashLabels.ts';

const NON_ENGLISH = LABEL_LANGUAGES.filter((lang) => lang !== 'en');

describe('languageChain', () => {
  it.each([
    ['en', ['en']],
    ['pt-BR', ['pt-br', 'pt', 'en']],
    ['pt_br', ['pt-br', 'pt', 'en']],
    ['pt-PT', ['pt', 'en']],
    ['fr-FR', ['fr', 'en']],
    ['DE', ['de', 'en']],
    ['ja', ['en']],
    ['', ['en']],
    [null, ['en']],
    [undefined, ['en']],
  ])('%j → %j', (lang, chain) => {
    expect(languageChain(lang)).toEqual(chain);
  });
});

describe('every label is translated in every shipped language', () => {
  // pt-br is a regional table: it inherits from pt and only carries what differs.
  const BASE = NON_ENGLISH.filter((lang) => lang !== 'pt-br');
  const rows = BASE.flatMap((lang) => SASH_LABEL_KEYS.map((key) => [lang, key] as const));
  it.each(rows)('%s has an explicit entry for %s', (lang, key) => {
    const text = LABEL_TABLES[lang].labels?.[key];
    expect(text).toBeTypeOf('string');
    expect(text?.trim().length).toBeGreaterThan(0);
    expect(translateLabel(key, lang)).toBe(text);
  });

  it.each(BASE)('%s carries all three templates with their placeholders', (lang) => {
    const templates = LABEL_TABLES[lang].templates;
    expect(templates?.trendingToday).toContain('{rank}');
    for (const key of ['releaseDay', 'releaseMonth'] as const) {
      expect(templates?.[key]).toContain('{month}');
      expect(templates?.[key]).toContain('{window}');
    }
    expect(templates?.releaseDay).toContain('{day}');
    expect(templates?.releaseMonth).toContain('{year}');
  });

  it.each(NON_ENGLISH)('%s: most labels differ from English', (lang) => {
    const differing = SASH_LABEL_KEYS.filter((key) => translateLabel(key, lang) !== key);
    expect(differing.length).toBeGreaterThan(SASH_LABEL_KEYS.length * 0.75);
  });

  it.each(LABEL_LANGUAGES)('%s: twelve distinct month names', (lang) => {
    const months = Array.from({ length: 12 }, (_, index) => monthName(index + 1, lang));
    expect(new Set(months).size).toBe(12);
  });
});

describe('translateLabel', () => {
  it.each([
    ['Oscar Winner', 'en', 'Oscar Winner'],
    ['Oscar Winner', 'es', 'Ganadora del Óscar'],
    ['Oscar Winner', 'pt', 'Vencedor do Óscar'],
    ['Oscar Winner', 'pt-BR', 'Vencedor do Oscar'],
    ['Emmy Winner', 'pt-BR', 'Vencedor do Emmy'],
    ['New Season', 'fr', 'Nouvelle saison'],
    ['New Season', 'de', 'Neue Staffel'],
    ['Cinema', 'it', 'Al cinema'],
    ['Cinema', 'es', 'En cines'],
    ['Streaming', 'de', 'Streaming'],
    ["Palme d'Or", 'de', 'Goldene Palme'],
    ['Golden Lion', 'it', "Leone d'Oro"],
    ['Cinema', 'ja', 'Cinema'],
    ['A24 Films', 'fr', 'A24 Films'],
    ['constructor', 'fr', 'constructor'],
  ])('%s in %s → %s', (key, lang, text) => {
    expect(translateLabel(key, lang)).toBe(text);
  });
});

describe('templates', () => {
  it.each([
    [3, 'en', '#3 Today'],
    [3, 'es', '#3 Hoy'],
    [12, 'fr', '#12 du jour'],
    [1, 'it', '#1 Oggi'],
    [40, 'pt-BR', '#40 Hoje'],
    [7, 'de', '#7 Heute'],
  ])('trending %d in %s', (rank, lang, text) => {
    expect(trendingLabel(rank, lang)).toBe(text);
  });

  it.each([
    [{ form: 'day', year: 2026, month: 10, day: 16, window: 'Cinema' }, 'en', 'Oct 16 Cinema'],
    [{ form: 'month', year: 2027, month: 12, day: 15, window: 'Streaming' }, 'en', 'Dec 2027 Streaming'],
    [{ form: 'day', year: 2026, month: 10, day: 16, window: 'Cinema' }, 'fr', 'Au cinéma 16 Oct'],
    [{ form: 'month', year: 2027, month: 2, day: 1, window: 'Physical' }, 'de', 'Auf Disc Feb 2027'],
  ] as const)('%j in %s', (parts, lang, text) => {
    expect(datedLabel(parts, lang)).toBe(text);
  });
});

describe('languageLabel (foreign sash)', () => {
  it.each([
    ['ko', 'en', 'Korean'],
    ['fr', 'en', 'French'],
    ['cn', 'en', 'Cantonese'],
    ['KO', 'en', 'Korean'],
    ['ko', 'fr', 'Coréen'],
    ['ja', 'de', 'Japanisch'],
    ['es', 'es', 'Español'],
    ['cn', 'it', 'Cantonese'],
    ['zh', 'pt-BR', 'Chinês'],
    ['xx', 'en', 'Foreign'],
    ['xx', 'fr', 'Étranger'],
    ['', 'de', 'Fremdsprachig'],
  ])('%s in %s → %s', (code, lang, text) => {
    expect(languageLabel(code, lang)).toBe(text);
  });

  it('covers about fifty languages, never English', () => {
    expect(LANGUAGE_NAMES.size).toBeGreaterThanOrEqual(50);
    expect(LANGUAGE_NAMES.has('en')).toBe(false);
  });
});
