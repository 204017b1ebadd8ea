import { describe, expect, it } from 'vitest';
import { missingGlyphs } from '../../src/render/text/coverage.ts';
import { LABEL_TABLES, LANGUAGE_NAMES, languageLabel } from '../../src/title/sashLabels.ts';

/**
 * Sash and release labels come translated from the facts layer and are drawn in Inter: every string of
 * every shipped language table (and every foreign-language name) must have its glyphs in the shipped font,
 * or a poster would silently fall back to a host font or draw boxes.
 */
describe('glyph coverage of the facts layer labels', () => {
  it('the checker itself sees a missing glyph', () => {
    expect(missingGlyphs('Oscar 気', 'Inter')).toEqual(['気']);
  });

  for (const [language, table] of Object.entries(LABEL_TABLES)) {
    it(`${language}: labels, months and templates are drawable in Inter`, () => {
      const strings = [
        ...Object.values(table.labels ?? {}),
        ...(table.months ?? []),
        ...Object.values(table.templates ?? {}).map((t) => String(t).replace(/\{[a-z]+\}/g, '')),
      ];
      expect(strings.length).toBeGreaterThan(0);
      const missing = strings.flatMap((text) =>
        missingGlyphs(String(text), 'Inter').map((ch) => `${text}: ${ch}`),
      );
      expect(missing).toEqual([]);
    });
  }

  it('foreign-language names (the "foreign" sash) are drawable in every label language', () => {
    const missing: string[] = [];
    for (const language of Object.keys(LABEL_TABLES)) {
      for (const code of LANGUAGE_NAMES.keys()) {
        const label = languageLabel(code, language);
        for (const ch of missingGlyphs(label, 'Inter')) missing.push(`${language}/${code} "${label}": ${ch}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
