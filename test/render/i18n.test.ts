import { describe, expect, it } from 'vitest';
import { LANGUAGES, resolveLanguage } from '../../src/domain/languages.ts';
import { FONT_FAMILIES } from '../../src/domain/scene.ts';
import { GENRE_KEYS, genreLabel, LABELS, UI_KEYS, uiLabel } from '../../src/render/i18n.ts';
import { STAR } from '../../src/render/layout/labels.ts';
import { codePointsOf, missingGlyphs } from '../../src/render/text/coverage.ts';

describe('label translations', () => {
  it('every language has every genre and UI label, non-empty', () => {
    for (const lang of LANGUAGES) {
      for (const key of [...GENRE_KEYS, ...UI_KEYS])
        expect(LABELS[lang][key]?.trim(), `${lang}:${key}`).toBeTruthy();
    }
  });

  it('translates (not just copies) where the language has its own word', () => {
    expect(genreLabel('Comedy', 'es')).toBe('Comedia');
    expect(genreLabel('Comedy', 'fr')).toBe('Comédie');
    expect(genreLabel('Comedy', 'it')).toBe('Commedia');
    expect(genreLabel('Comedy', 'pt')).toBe('Comédia');
    expect(genreLabel('Comedy', 'de')).toBe('Komödie');
    expect(genreLabel('Thriller', 'pt-br')).toBe('Suspense');
    expect(genreLabel('Documentary', 'en')).toBe('Doc');
    expect(uiLabel('N/A', 'de')).toBe('k. A.');
  });

  it('unknown genres print as given', () => {
    expect(genreLabel('Rom-Com', 'fr')).toBe('Rom-Com');
  });

  it.each([
    ['en', 'en'],
    ['pt-BR', 'pt-br'],
    ['pt_br', 'pt-br'],
    ['es-MX', 'es'],
    ['DE', 'de'],
    ['ja', 'en'],
    ['', 'en'],
  ])('resolveLanguage(%j) → %s', (code, lang) => {
    expect(resolveLanguage(code)).toBe(lang);
  });

  it('every label and symbol drawn in Inter has a glyph in the shipped Inter', () => {
    for (const lang of LANGUAGES) {
      for (const text of Object.values(LABELS[lang]))
        expect(missingGlyphs(text, 'Inter'), `${lang}: ${text}`).toEqual([]);
    }
    expect(missingGlyphs(`${STAR}•·0123456789.#`, 'Inter')).toEqual([]);
    for (const q of ['4K', '1080p', 'Remux', 'Web', 'DV', 'HDR10+', 'HDR', 'SDR', 'HD', 'PG-13', 'TV-MA']) {
      expect(missingGlyphs(q, 'Inter')).toEqual([]);
    }
  });

  it('every shipped family reads (cmap parsed, Latin covered)', () => {
    for (const family of FONT_FAMILIES) {
      const set = codePointsOf(family);
      expect(set.size, family).toBeGreaterThan(200);
      for (const ch of 'AZaz09') expect(set.has(ch.codePointAt(0)!), `${family} ${ch}`).toBe(true);
    }
  });

  it('reports glyphs a face lacks (so the title falls back)', () => {
    expect(missingGlyphs('★', 'Creepster')).toEqual(['★']);
    expect(missingGlyphs('東京', 'Inter')).toEqual(['東', '京']);
  });
});
