import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  languageChain,
  normaliseLanguageId,
  resolveLanguage,
} from '../../src/domain/languages.ts';

describe('normaliseLanguageId', () => {
  it.each([
    ['en', 'en'],
    ['pt-BR', 'pt-br'],
    ['pt_BR', 'pt-br'],
    ['  DE  ', 'de'],
    // Every underscore, not just the first: a three-part locale keeps one spelling.
    ['zh_Hant_TW', 'zh-hant-tw'],
    ['pt_br_x', 'pt-br-x'],
    ['sr-Latn_RS', 'sr-latn-rs'],
    ['', ''],
    ['   ', ''],
    [null, ''],
    [undefined, ''],
    [42, ''],
    [['pt-BR'], ''],
  ])('%j → %j', (id, normalised) => {
    expect(normaliseLanguageId(id)).toBe(normalised);
  });
});

describe('resolveLanguage', () => {
  it.each([
    ['pt_BR', 'pt-br'],
    ['PT-br', 'pt-br'],
    ['pt_br_x', 'pt'],
    ['es_MX', 'es'],
    ['zh_Hant_TW', 'en'],
    ['ja', 'en'],
    [null, 'en'],
  ])('%j → %s', (id, language) => {
    expect(resolveLanguage(id)).toBe(language);
  });

  it('is the head of the lookup chain for every shipped language, in any spelling', () => {
    for (const language of LANGUAGES) {
      const spelled = ` ${language.toUpperCase().replace('-', '_')} `;
      expect(resolveLanguage(spelled)).toBe(language);
      expect(languageChain(spelled)[0]).toBe(language);
      expect(languageChain(spelled).at(-1)).toBe('en');
    }
  });
});
