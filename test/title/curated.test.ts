import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileCuratedLists,
  DEFAULT_CURATED_LISTS,
  loadCuratedLists,
  mergeOverrideText,
  normaliseName,
} from '../../src/title/curated.ts';
import awardsData from '../../src/title/data/awards.json' with { type: 'json' };
import festivalsData from '../../src/title/data/festivals.json' with { type: 'json' };
import notableData from '../../src/title/data/notable.json' with { type: 'json' };
import { SASH_LABEL_KEYS } from '../../src/title/sashLabels.ts';

describe('shipped data files', () => {
  it('festivals are the five, in prestige order, with translatable labels', () => {
    expect(DEFAULT_CURATED_LISTS.festivals.map((festival) => festival.id)).toEqual([
      'cannes',
      'venice',
      'berlin',
      'locarno',
      'sundance',
    ]);
    for (const festival of DEFAULT_CURATED_LISTS.festivals) {
      expect(SASH_LABEL_KEYS).toContain(festival.topPrize);
      expect(SASH_LABEL_KEYS).toContain(festival.winnerLabel);
      expect(festival.keyword).toBe(`festival-${festival.id}-winner`);
      expect(festival.topPrizeIds.size).toBeGreaterThanOrEqual(10);
    }
  });

  it.each([
    ['cannes', 680, 'Pulp Fiction'],
    ['cannes', 496243, 'Parasite'],
    ['venice', 426426, 'Roma'],
    ['berlin', 129, 'Spirited Away'],
    ['sundance', 244786, 'Whiplash'],
  ])('%s top prize includes %d (%s)', (id, tmdbId) => {
    expect(
      DEFAULT_CURATED_LISTS.festivals.find((festival) => festival.id === id)?.topPrizeIds.has(tmdbId),
    ).toBe(true);
  });

  it('no title is listed twice within one list', () => {
    const lists = [
      ...festivalsData.festivals.map((festival) => festival.topPrizeWinners),
      awardsData.emmy.winners,
      awardsData.emmy.nominees,
      awardsData.goldenGlobe.movie.winners,
      awardsData.goldenGlobe.movie.nominees,
      awardsData.goldenGlobe.tv.winners,
      awardsData.goldenGlobe.tv.nominees,
    ];
    for (const list of lists) {
      const ids = list.map((entry) => entry.tmdbId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('a nominee list never repeats its own winners', () => {
    const overlap = (winners: { tmdbId: number }[], nominees: { tmdbId: number }[]) =>
      nominees
        .filter((entry) => winners.some((winner) => winner.tmdbId === entry.tmdbId))
        .map((entry) => entry.tmdbId);
    expect(overlap(awardsData.emmy.winners, awardsData.emmy.nominees)).toEqual([]);
    expect(overlap(awardsData.goldenGlobe.movie.winners, awardsData.goldenGlobe.movie.nominees)).toEqual([]);
    expect(overlap(awardsData.goldenGlobe.tv.winners, awardsData.goldenGlobe.tv.nominees)).toEqual([]);
  });

  it('has a modest but real set of names', () => {
    expect(DEFAULT_CURATED_LISTS.studios.get('a24')).toBe('A24 Films');
    expect(DEFAULT_CURATED_LISTS.studios.get('neon')).toBe('NEON Rated');
    expect(DEFAULT_CURATED_LISTS.studios.size).toBeGreaterThanOrEqual(10);
    expect(DEFAULT_CURATED_LISTS.directors.size).toBeGreaterThanOrEqual(30);
    expect(DEFAULT_CURATED_LISTS.cast.size).toBeGreaterThanOrEqual(30);
    for (const labels of [notableData.studios, notableData.directors, notableData.cast]) {
      for (const label of Object.values(labels)) expect(label.length).toBeLessThanOrEqual(18);
    }
  });

  it.each([
    [
      'awards missing a section',
      { awards: { emmy: awardsData.emmy }, festivals: festivalsData, notable: notableData },
    ],
    [
      'a festival id that is not a number',
      {
        awards: awardsData,
        festivals: { festivals: [{ ...festivalsData.festivals[0], topPrizeWinners: [{ tmdbId: 'x' }] }] },
        notable: notableData,
      },
    ],
  ])('compileCuratedLists rejects malformed shipped data: %s', (_name, raw) => {
    expect(() => compileCuratedLists(raw)).toThrow();
  });
});

describe('normaliseName', () => {
  it.each([
    ['Bong Joon-ho', 'bong joon ho'],
    ['Bong Joon Ho', 'bong joon ho'],
    ['Alfonso Cuarón', 'alfonso cuaron'],
    ['Céline  Sciamma', 'celine sciamma'],
    ['Lupita Nyong’o', 'lupita nyongo'],
    ["Lupita Nyong'o", 'lupita nyongo'],
    ['Lucasfilm Ltd.', 'lucasfilm ltd'],
    ['  A24 ', 'a24'],
  ])('%s → %s', (name, folded) => {
    expect(normaliseName(name)).toBe(folded);
  });
});

describe('override merging (pure)', () => {
  interface OverrideRow {
    override: Record<string, unknown>;
    /** Expected studio labels by normalised name (undefined = absent). */
    studios: [string, string | undefined][];
    studiosSize: number | null;
    castSize: number | null;
  }
  const defaultStudios = DEFAULT_CURATED_LISTS.studios.size;
  it.each<[string, OverrideRow]>([
    [
      'replace (default mode) swaps the named section only',
      {
        override: { studios: { 'My Studio': 'Mine' } },
        studios: [
          ['my studio', 'Mine'],
          ['a24', undefined],
        ],
        studiosSize: 1,
        castSize: null,
      },
    ],
    [
      'merge adds to and overrides the defaults',
      {
        override: { mode: 'merge', studios: { A24: 'A24!', 'My Studio': 'Mine' } },
        studios: [
          ['a24', 'A24!'],
          ['my studio', 'Mine'],
          ['pixar', 'Pixar Studio'],
        ],
        studiosSize: defaultStudios + 1,
        castSize: null,
      },
    ],
    [
      'replace with an empty section empties it',
      {
        override: { mode: 'replace', cast: {} },
        studios: [['a24', 'A24 Films']],
        studiosSize: defaultStudios,
        castSize: 0,
      },
    ],
    [
      'an empty object changes nothing',
      { override: {}, studios: [['a24', 'A24 Films']], studiosSize: defaultStudios, castSize: null },
    ],
  ])('%s', (_name, row) => {
    const { lists, warnings } = mergeOverrideText(DEFAULT_CURATED_LISTS, JSON.stringify(row.override));
    expect(warnings).toEqual([]);
    for (const [name, label] of row.studios) expect(lists.studios.get(name)).toBe(label);
    if (row.studiosSize !== null) expect(lists.studios.size).toBe(row.studiosSize);
    if (row.castSize !== null) expect(lists.cast.size).toBe(row.castSize);
    // Sections the override does not name, and award/festival data, are never touched.
    expect(lists.directors).toBe(DEFAULT_CURATED_LISTS.directors);
    expect(lists.festivals).toBe(DEFAULT_CURATED_LISTS.festivals);
    expect(lists.globeWinners).toBe(DEFAULT_CURATED_LISTS.globeWinners);
  });

  it.each([
    ['not JSON', '{ studios: ', /not valid JSON/],
    ['an array', '[]', /ignored/],
    ['unknown mode', '{"mode":"append"}', /mode/],
    ['a label that is not a string', '{"studios":{"A24":5}}', /studios/],
    ['an empty label', '{"cast":{"Meryl Streep":"  "}}', /cast/],
    ['an unknown top-level key (typo)', '{"studio":{"A24":"x"}}', /ignored/],
    ['too large', `{"studios":{"a":"${'x'.repeat(1_000_001)}"}}`, /larger than/],
  ])('%s → defaults kept with a warning', (_name, text, warning) => {
    const { lists, warnings } = mergeOverrideText(DEFAULT_CURATED_LISTS, text, 'overrides.json');
    expect(lists).toBe(DEFAULT_CURATED_LISTS);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
  });

  it('a __proto__ key pollutes nothing', () => {
    const { lists } = mergeOverrideText(
      DEFAULT_CURATED_LISTS,
      '{"mode":"merge","studios":{"__proto__":{"x":1},"A24":"y"}}',
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    expect(lists.studios.has('__proto__')).toBe(false);
    expect(lists.studios.get('a24')).toBe('y');
  });
});

describe('loadCuratedLists', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'curated-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('no path → defaults, no warning', async () => {
    expect(await loadCuratedLists()).toEqual({ lists: DEFAULT_CURATED_LISTS, warnings: [] });
    expect(await loadCuratedLists('  ')).toEqual({ lists: DEFAULT_CURATED_LISTS, warnings: [] });
  });

  it('a valid file is merged', async () => {
    const file = path.join(dir, 'ok.json');
    await writeFile(file, JSON.stringify({ mode: 'merge', directors: { 'Céline Sciamma': 'Sciamma' } }));
    const { lists, warnings } = await loadCuratedLists(file);
    expect(warnings).toEqual([]);
    expect(lists.directors.get('celine sciamma')).toBe('Sciamma');
    expect(lists.directors.get('christopher nolan')).toBe('C. Nolan');
  });

  it.each([
    ['missing file', 'missing.json', null, /cannot read \(ENOENT\)/],
    ['broken JSON', 'broken.json', '{"studios": {', /not valid JSON/],
    ['wrong shape', 'shape.json', '{"studios": ["A24"]}', /studios/],
  ])('%s → defaults and a warning', async (_name, fileName, content, warning) => {
    const file = path.join(dir, fileName);
    if (content !== null) await writeFile(file, content);
    const { lists, warnings } = await loadCuratedLists(file);
    expect(lists).toBe(DEFAULT_CURATED_LISTS);
    expect(warnings[0]).toMatch(warning);
  });

  it('a directory is not a file', async () => {
    const { lists, warnings } = await loadCuratedLists(dir);
    expect(lists).toBe(DEFAULT_CURATED_LISTS);
    expect(warnings[0]).toMatch(/not a file/);
  });

  it('an oversized file is refused before it is read', async () => {
    const file = path.join(dir, 'big.json');
    await writeFile(file, `{"studios":{"a":"${'x'.repeat(1_100_000)}"}}`);
    const { lists, warnings } = await loadCuratedLists(file);
    expect(lists).toBe(DEFAULT_CURATED_LISTS);
    expect(warnings[0]).toMatch(/larger than/);
  });
});
