import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SASH_PRIORITY,
  DIFF_SEED,
  formatPriority,
  parsePriority,
} from '../../src/title/sashPriority.ts';
import { resolveSlotToken, SASH_SLOTS, type SashSlot, SLOT_TYPES } from '../../src/title/sashSlots.ts';

const DEFAULT = [...DEFAULT_SASH_PRIORITY];
const without = (...slots: string[]) => DEFAULT.filter((slot) => !slots.includes(slot));

describe('slots', () => {
  it('the default is the 30-slot upstream order', () => {
    expect(DEFAULT).toEqual([
      'wins',
      'gg_wins',
      'festival',
      'pic_noms',
      'metacritic',
      'gg_noms',
      'trending',
      'trending_broad',
      'premiere',
      'new_release',
      'just_added',
      'new_season',
      'season_finale',
      'studio',
      'director',
      'cast',
      'cult',
      'foreign',
      'true_story',
      'short_film',
      'mini_series',
      'binge_ready',
      'returning',
      'airing',
      'cancelled',
      'ended',
      'physical',
      'streaming',
      'cinema',
      'production',
    ]);
    expect(new Set(DEFAULT).size).toBe(30);
  });

  it('no slot is called like the diff seed', () => {
    expect(SASH_SLOTS).not.toContain(DIFF_SEED);
  });

  it.each([
    ['wins', 'win'],
    ['gg_wins', 'win'],
    ['festival', 'win'],
    ['pic_noms', 'nom'],
    ['gg_noms', 'nom'],
    ['noms', 'nom'],
    ['metacritic', 'nom'],
    ['trending', 'trending'],
    ['trending_broad', 'trending'],
    ['cult', 'trending'],
    ['studio', 'prestige'],
    ['director', 'prestige'],
    ['cast', 'cast'],
    ['foreign', 'info'],
    ['true_story', 'info'],
    ['short_film', 'info'],
    ['mini_series', 'info'],
    ['binge_ready', 'info'],
    ['premiere', 'alert'],
    ['new_release', 'alert'],
    ['just_added', 'alert'],
    ['new_season', 'alert'],
    ['season_finale', 'alert'],
    ['returning', 'alert'],
    ['airing', 'alert'],
    ['cancelled', 'alert'],
    ['ended', 'alert'],
    ['physical', 'alert'],
    ['streaming', 'alert'],
    ['cinema', 'alert'],
    ['production', 'alert'],
  ] as const)('%s is %s', (slot, type) => {
    expect(SLOT_TYPES[slot]).toBe(type);
  });

  it.each([
    ['wins', ['wins']],
    ['WINS', ['wins']],
    ['emmy_noms', ['pic_noms']],
    ['digital_release', ['new_release']],
    ['structural', ['short_film', 'mini_series', 'binge_ready']],
    ['release_status', ['airing', 'cancelled', 'ended', 'physical', 'streaming', 'cinema', 'production']],
    ['watchlist', []],
    ['__proto__', []],
    ['', []],
  ])('token %s → %j', (token, slots) => {
    expect(resolveSlotToken(token)).toEqual(slots);
  });
});

describe('parsePriority: full form', () => {
  it.each([
    ['absent', undefined, DEFAULT],
    ['null', null, DEFAULT],
    ['empty', '', DEFAULT],
    ['blank', ' , ,', DEFAULT],
    ['an explicit list is authoritative', 'wins,gg_wins', ['wins', 'gg_wins']],
    ['exclusions are honoured', 'wins,gg_wins,-cult', ['wins', 'gg_wins']],
    ['all exclusions means no sashes', DEFAULT.map((slot) => `-${slot}`).join(','), []],
    ['one exclusion alone means no sashes', '-wins', []],
    [
      'legacy structural expands in place',
      'wins,structural',
      ['wins', 'short_film', 'mini_series', 'binge_ready'],
    ],
    ['legacy release_status expands in place', 'release_status,wins', [...DEFAULT.slice(-7), 'wins']],
    ['aliases resolve', 'emmy_noms,digital_release', ['pic_noms', 'new_release']],
    ['duplicates removed, first wins', 'cult,wins,cult,emmy_noms,pic_noms', ['cult', 'wins', 'pic_noms']],
    ['unknown slots ignored', 'wins,watchlist,blockbuster,cult', ['wins', 'cult']],
    ['only unknown slots → default', 'watchlist,blockbuster', DEFAULT],
    ['only unknown exclusions → default', '-watchlist', DEFAULT],
    ['case and spaces tolerated', ' Wins , CULT ', ['wins', 'cult']],
    ['an exclusion beats a mention', 'wins,cult,-cult', ['wins']],
    ['excluding an aggregate', 'wins,short_film,-structural', ['wins']],
    ['a position suffix in the full form reads the name', 'cult@3,wins', ['cult', 'wins']],
    ['legacy noms slot is valid', 'noms,wins', ['noms', 'wins']],
  ])('%s', (_name, raw, expected) => {
    expect(parsePriority(raw)).toEqual(expected);
  });
});

describe('parsePriority: diff form', () => {
  it.each([
    ['the bare seed is the default', 'default', DEFAULT],
    ['a removal drops exactly one slot', 'default,-cult', without('cult')],
    ['removals compose', 'default,-cult,-foreign,-true_story', without('cult', 'foreign', 'true_story')],
    ['removing an aggregate', 'default,-structural', without('short_film', 'mini_series', 'binge_ready')],
    ['removing an alias', 'default,-emmy_noms', without('pic_noms')],
    ['a move promotes', 'default,festival@0', ['festival', ...without('festival')]],
    [
      'moves apply left to right',
      'default,cult@0,festival@0',
      ['festival', 'cult', ...without('festival', 'cult')],
    ],
    ['a position past the end lands at the end', 'default,wins@999', [...without('wins'), 'wins']],
    ['removals and moves compose', 'default,-cult,festival@0', ['festival', ...without('cult', 'festival')]],
    ['a removed slot can be added back (appended)', 'default,-cult,cult', [...without('cult'), 'cult']],
    ['a slot the default lacks is appended', 'default,noms', [...DEFAULT, 'noms']],
    ['a slot the default lacks is inserted', 'default,noms@1', ['wins', 'noms', ...DEFAULT.slice(1)]],
    [
      'an aggregate moves as a block',
      'default,structural@0',
      ['short_film', 'mini_series', 'binge_ready', ...without('short_film', 'mini_series', 'binge_ready')],
    ],
    ['adding a present slot changes nothing', 'default,wins', DEFAULT],
    ['unknown move skipped', 'default,notaslot@2', DEFAULT],
    ['bad position skipped', 'default,festival@notanumber', DEFAULT],
    ['negative position skipped', 'default,festival@-1', DEFAULT],
    ['unknown removal skipped', 'default,-notaslot', DEFAULT],
    ['a repeated seed is ignored', 'default,default,-wins', without('wins')],
    ['seed is case-insensitive', 'DEFAULT,-wins', without('wins')],
  ])('%s', (_name, raw, expected) => {
    expect(parsePriority(raw)).toEqual(expected);
  });

  it('removing everything is empty, not default', () => {
    expect(parsePriority(`default,${DEFAULT.map((slot) => `-${slot}`).join(',')}`)).toEqual([]);
  });
});

describe('parsePriority never throws', () => {
  it.each([
    ['huge input', 'wins,'.repeat(100_000)],
    ['only commas', ','.repeat(10_000)],
    ['unicode', 'wïns,ставка,🎬'],
    ['at signs', '@,@@,wins@,@3,default@0'],
  ])('%s', (_name, raw) => {
    expect(() => parsePriority(raw)).not.toThrow();
  });

  it('any string parses to a duplicate-free list of known slots', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const result = parsePriority(raw);
        expect(new Set(result).size).toBe(result.length);
        for (const slot of result) expect(SASH_SLOTS).toContain(slot);
      }),
    );
  });
});

describe('formatPriority', () => {
  it.each([
    ['the default', DEFAULT, 'default'],
    ['one removal', without('cult'), 'default,-cult'],
    ['one promotion', ['festival', ...without('festival')], 'default,festival@0'],
    ['removal and promotion', ['festival', ...without('cult', 'festival')], 'default,-cult,festival@0'],
    ['a short explicit list stays full', ['wins', 'gg_wins'], 'wins,gg_wins'],
    ['nothing at all', [], '-wins'],
    ['a new slot appended', [...DEFAULT, 'noms'], 'default,noms'],
  ] as const)('%s → %s', (_name, list, text) => {
    expect(formatPriority(list)).toBe(text);
    expect(parsePriority(formatPriority(list))).toEqual(list);
  });

  it('drops unknown slots and duplicates and expands legacy tokens before writing', () => {
    expect(formatPriority(['wins', 'bogus', 'wins', 'structural'])).toBe(
      'wins,short_film,mini_series,binge_ready',
    );
  });

  it('round-trips any list of slots and is never longer than the full form', () => {
    const slotList = fc.uniqueArray(fc.constantFrom(...SASH_SLOTS), { maxLength: SASH_SLOTS.length });
    fc.assert(
      fc.property(slotList, (list: SashSlot[]) => {
        const text = formatPriority(list);
        expect(parsePriority(text)).toEqual(list);
        if (list.length > 0) expect(text.length).toBeLessThanOrEqual(list.join(',').length);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips near-default edits in a short diff', () => {
    const edit = fc.record({
      removed: fc.uniqueArray(fc.constantFrom(...DEFAULT), { maxLength: 3 }),
      moved: fc.constantFrom(...DEFAULT),
      to: fc.nat(29),
    });
    fc.assert(
      fc.property(edit, ({ removed, moved, to }) => {
        const list = DEFAULT.filter((slot) => !removed.includes(slot) && slot !== moved);
        list.splice(Math.min(to, list.length), 0, moved);
        const text = formatPriority(list);
        expect(parsePriority(text)).toEqual(list);
        expect(text.startsWith('default')).toBe(true);
        expect(text.split(',').length).toBeLessThanOrEqual(1 + removed.length + 2);
      }),
      { numRuns: 300 },
    );
  });
});
