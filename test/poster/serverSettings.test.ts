import { describe, expect, it } from 'vitest';
import { serverSettingsOf } from '../../src/app/serverSettings.ts';
import { loadConfig } from '../../src/config/load.ts';
import { canonicalJson } from '../../src/poster/cacheKey.ts';
import { type ServerSettings, serverKeyPart } from '../../src/poster/serverSettings.ts';
import { startFactsHarness } from '../helpers/factsHarness.ts';

describe('server settings', () => {
  it('are built once per config: the facts side assembles with the very values the key holds', async () => {
    const harness = await startFactsHarness({ TMDB_POSTER_MIN_VOTES: '7', TRENDING_FETCH_COUNT: '12' });
    try {
      const settings = serverSettingsOf(harness.config);
      expect(serverSettingsOf(harness.config)).toBe(settings);
      const { imageUrl, metahubLogoUrl: _metahub, ...factSettings } = harness.facts.settings;
      expect(factSettings).toEqual(settings.facts);
      expect(typeof imageUrl).toBe('function');
      expect(settings.facts.posterMinVotes).toBe(7);
      expect(serverKeyPart(settings).trending).toMatch(/^12\//);
    } finally {
      await harness.close();
    }
  });

  it('every setting changes the composite key part', () => {
    const base = serverSettingsOf(loadConfig({}));
    const baseKey = canonicalJson(serverKeyPart(base));
    for (const field of Object.keys(base.facts) as (keyof ServerSettings['facts'])[]) {
      const bumped: ServerSettings = { ...base, facts: { ...base.facts, [field]: base.facts[field] + 1 } };
      expect(canonicalJson(serverKeyPart(bumped)), field).not.toBe(baseKey);
    }
    const jpeg: ServerSettings = { ...base, output: { format: 'jpeg', quality: base.output.quality } };
    expect(canonicalJson(serverKeyPart(jpeg))).not.toBe(baseKey);
    const quality: ServerSettings = { ...base, output: { ...base.output, quality: base.output.quality - 1 } };
    expect(canonicalJson(serverKeyPart(quality))).not.toBe(baseKey);
  });

  it('the key part keeps its names and encodings (stored composites stay reachable)', () => {
    // A real instance (a TMDB key): the part real composites were stored under.
    const part = serverKeyPart(serverSettingsOf(loadConfig({ TMDB_API_KEY: 'k' })));
    expect(Object.keys(part).sort()).toEqual([
      'cinemaMaxAgeYears',
      'format',
      'posterMaxScoreDrop',
      'posterMinVotes',
      'quality',
      'ratingMinVotes',
      'trending',
    ]);
    expect(part.format).toBe('webp');
    expect(part.quality).toBe(85);
    expect(part.trending).toMatch(/^\d+\/\d+$/);
  });

  it('demo mode keys its composites apart from real ones', () => {
    const demo = serverKeyPart(serverSettingsOf(loadConfig({})));
    const real = serverKeyPart(serverSettingsOf(loadConfig({ TMDB_API_KEY: 'k' })));
    expect(demo.demo).toBe(true);
    expect(canonicalJson(demo)).not.toBe(canonicalJson(real));
  });
});
