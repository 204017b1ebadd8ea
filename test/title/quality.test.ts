import { describe, expect, it } from 'vitest';
import type { QualityToken } from '../../src/domain/facts.ts';
import {
  foldTokens,
  parseQualityTokens,
  qualityFromAioStreams,
  qualityFromStreams,
  qualityScore,
  qualityTier,
  streamText,
  tokensFromParsedFile,
  tokensFromStream,
  tokensInText,
} from '../../src/title/quality.ts';
import { fixture, fixtureNames } from '../helpers/fixtures.ts';

type Expectation = { perStream: QualityToken[][]; title: QualityToken[] };

/** Expected tokens for every recorded stream, in file order, and for the whole response (top 5). */
const STREAM_FIXTURES: Record<string, Expectation> = {
  'comet_movie_and_series_mixed.json': {
    perStream: [['1080P'], ['4K'], ['4K', 'WEBDL', 'HDR10']],
    title: ['4K', 'WEBDL', 'HDR10'],
  },
  'debridio_movie_and_series_mixed.json': {
    perStream: [['1080P'], ['4K', 'WEBDL', 'DV']],
    title: ['4K', 'WEBDL', 'DV'],
  },
  'empty_streams_brazuca_tt0063350.json': { perStream: [], title: [] },
  'mediafusion_movie_and_series_mixed.json': {
    perStream: [['4K', 'REMUX', 'DV'], [], ['1080P'], ['4K', 'REMUX', 'DV'], ['1080P']],
    title: ['4K', 'REMUX', 'DV'],
  },
  'misc_addons_name_description_only.json': {
    perStream: [['1080P'], ['4K', 'REMUX'], ['4K']],
    title: ['4K', 'REMUX'],
  },
  'orion_movie_and_series_mixed.json': {
    perStream: [
      ['4K', 'DV', 'ATMOS'],
      ['4K', 'DV', 'ATMOS'],
      ['4K', 'WEBDL', 'DV', 'ATMOS'],
    ],
    title: ['4K', 'WEBDL', 'DV', 'ATMOS'],
  },
  'peerflix_movie_and_series_mixed.json': {
    perStream: [['4K'], ['WEBDL'], ['4K'], ['WEBDL']],
    title: ['4K', 'WEBDL'],
  },
  'torrentio_movie_deadpool_tt1431045_debrid_masked_urls.json': {
    perStream: [['4K', 'DV', 'ATMOS'], ['1080P'], [], ['4K', 'REMUX', 'DV', 'ATMOS'], ['1080P'], []],
    title: ['4K', 'REMUX', 'DV', 'ATMOS'],
  },
  'torrentio_movie_deadpool_tt1431045_p2p.json': {
    perStream: [['4K', 'REMUX', 'DV', 'ATMOS'], [], ['1080P'], []],
    title: ['4K', 'REMUX', 'DV', 'ATMOS'],
  },
};

const streamsOf = (name: string): unknown[] => (fixture(`streams/${name}`) as { streams: unknown[] }).streams;

describe('recorded stream responses', () => {
  it('covers every file in the fixture folder', () => {
    expect(fixtureNames('streams').sort()).toEqual(Object.keys(STREAM_FIXTURES).sort());
  });

  const perStreamRows = Object.entries(STREAM_FIXTURES).flatMap(([name, expectation]) =>
    expectation.perStream.map((tokens, index) => [name, index, tokens] as const),
  );

  it.each(perStreamRows)('%s stream %d → %j', (name, index, tokens) => {
    const streams = streamsOf(name);
    expect(streams).toHaveLength(STREAM_FIXTURES[name]?.perStream.length ?? -1);
    expect(tokensFromStream(streams[index])).toEqual(tokens);
  });

  it.each(Object.entries(STREAM_FIXTURES))(
    '%s as a title → best per group of the top 5',
    (name, expectation) => {
      expect(qualityFromStreams(fixture(`streams/${name}`))).toEqual(expectation.title);
    },
  );

  it('reads only the first N streams', () => {
    const body = fixture('streams/torrentio_movie_deadpool_tt1431045_p2p.json');
    expect(qualityFromStreams(body, 1)).toEqual(['4K', 'REMUX', 'DV', 'ATMOS']);
    expect(
      qualityFromStreams({ streams: streamsOf('torrentio_movie_deadpool_tt1431045_p2p.json').slice(1) }, 1),
    ).toEqual([]);
    expect(qualityFromStreams(body, 0)).toEqual([]);
  });
});

describe('real release names', () => {
  it.each([
    ['UHD.BluRay.2160p.TrueHD.Atmos.7.1.DV.HEVC.HYBRiD.REMUX-FraMeSToR', ['4K', 'REMUX', 'DV', 'ATMOS']],
    ['A Simple Favor 2018 DVDRip x264 ESub [MW]', []],
    ['Deadpool.2016.4K.HDR.DV.2160p.BDRemux Ita Eng x265-NAHOM.mkv', ['4K', 'REMUX', 'DV']],
    ['Reacher.S03E07.ITA.ENG.2160p.AMZN.WEB-DL.DDP5.1.DV.HDR.H.265-MeM.GP.mkv', ['4K', 'WEBDL', 'DV']],
    ['Black Snow S01 MULTi HDR 2160p WEB H265-BraD', ['4K', 'WEBDL', 'HDR10']],
    ['Deadpool (2016) 2160p [4K] BluRay SDR [HINDI-ENG-5.1] 10bit HEVC - PeruGuy.mkv', ['4K']],
    ['Deadpool 2016 BluRay 1080p DTS-ES AC3 x264-3Li.mkv', ['1080P']],
    ['Interstellar.2014.UHD.BluRay.2160p.DTS-HD.MA.5.1.HEVC.REMUX-FraMeSToR', ['4K', 'REMUX']],
    ['Deadpool (2016) 720p BluRay x264 [Dual Audio] [Hindi (Line Audio) - English] ESubs', []],
    ['Deadpool [4K UHD 2160p HEVC X265][DTS 5.1 Castellano DTS 5.1-Ingles+Subs][ES-EN]', ['4K']],
    [
      'Reacher S03E07 L A Story 2160p AMZN WEB-DL DDP5 1 Atmos DV HDR H 265-FLUX mkv',
      ['4K', 'WEBDL', 'DV', 'ATMOS'],
    ],
  ] as const)('%s → %j', (text, tokens) => {
    expect(foldTokens(tokensInText(text))).toEqual(tokens);
  });
});

describe('tricky spellings', () => {
  it.each([
    ['2160P', ['4K']],
    ['2160p', ['4K']],
    ['4k', ['4K']],
    ['[4K]', ['4K']],
    ['UHD BDRip', ['4K']],
    ['1080i', ['1080P']],
    ['1080p60', ['1080P']],
    ['720p', []],
    ['3840x2160', []],
    ['Torrentio\n4k DV | HDR', ['4K', 'DV']],
    ['WEB-DL', ['WEBDL']],
    ['WEBDL', ['WEBDL']],
    ['WEB.DL', ['WEBDL']],
    ['WEBRip', ['WEBDL']],
    ['WEB-DLRip', ['WEBDL']],
    ['2160p WEB H265', ['4K', 'WEBDL']],
    ['webm sample', []],
    ['Website rip', []],
    ['BluRay REMUX', ['REMUX']],
    ['BDRemux', ['REMUX']],
    ['HDR10+', ['HDR10+']],
    ['HDR10Plus', ['HDR10+']],
    ['HDR10 Plus', ['HDR10+']],
    ['HDR10', ['HDR10']],
    ['HDR', ['HDR10']],
    ['DV HDR10+', ['DV']],
    ['HDRip XviD', []],
    ['SDR', []],
    ['Dolby Vision', ['DV']],
    ['Dolby.Vision', ['DV']],
    ['DoVi', ['DV']],
    ['[DV]', ['DV']],
    ['DVD5', []],
    ['DVDRip', []],
    ['DVB', []],
    ['Dolby Digital', []],
    ['DTS-X', ['DTSX']],
    ['DTS:X', ['DTSX']],
    ['DTSX', ['DTSX']],
    ['DTS.X.7.1', ['DTSX']],
    ['DTS-HD MA', []],
    ['DTS X265', []],
    ['TrueHD.Atmos', ['ATMOS']],
    ['DDP5.1 Atmos DTS:X', ['ATMOS']],
    ['Atmosphere', []],
  ] as const)('%j → %j', (text, tokens) => {
    expect(foldTokens(tokensInText(text))).toEqual(tokens);
  });

  it('keeps every raw token before folding', () => {
    expect([...tokensInText('2160p 1080p DV HDR10+ HDR Atmos DTS:X REMUX WEB-DL')].sort()).toEqual(
      ['4K', '1080P', 'DV', 'HDR10+', 'HDR10', 'ATMOS', 'DTSX', 'REMUX', 'WEBDL'].sort(),
    );
  });
});

describe('stream objects', () => {
  it.each([
    [
      'quality only in filename',
      { name: 'Addon', behaviorHints: { filename: 'x.2160p.REMUX.mkv' } },
      ['4K', 'REMUX'],
    ],
    [
      'quality only in bingeGroup',
      { name: 'Addon', behaviorHints: { bingeGroup: 'torrentio|4k|BluRay REMUX|hevc|DV' } },
      ['4K', 'REMUX', 'DV'],
    ],
    [
      'description instead of title',
      { name: 'X', description: 'Film.1080p.WEB-DL.DDP5.1.Atmos' },
      ['1080P', 'WEBDL', 'ATMOS'],
    ],
    ['no behaviorHints', { name: 'Peerflix 🇪🇸 4K', title: 'x' }, ['4K']],
    ['behaviorHints not an object', { name: '4k', behaviorHints: 'DV' }, ['4K']],
    ['fields of the wrong type', { name: 5, title: ['2160p'], description: { a: 1 } }, []],
    ['not an object', '2160p', []],
    ['null', null, []],
  ] as const)('%s', (_name, stream, tokens) => {
    expect(tokensFromStream(stream)).toEqual(tokens);
  });

  it('streamText joins the fields it reads', () => {
    expect(
      streamText({
        name: 'a',
        title: 'b',
        description: 'c',
        behaviorHints: { filename: 'd', bingeGroup: 'e' },
      }),
    ).toBe('a\nb\nc\nd\ne');
  });

  it.each([
    ['null', null],
    ['a string', 'streams'],
    ['streams not an array', { streams: 'x' }],
    ['empty', { streams: [] }],
  ])('%s response → no tokens', (_name, body) => {
    expect(qualityFromStreams(body)).toEqual([]);
  });

  it('accepts a bare array of streams', () => {
    expect(qualityFromStreams([{ name: '1080p' }, { name: '4k HDR10+' }])).toEqual(['4K', 'HDR10+']);
  });
});

describe('AIOStreams parsedFile', () => {
  it.each([
    [
      {
        resolution: '2160p',
        quality: 'BluRay REMUX',
        visualTags: ['DV', 'HDR10'],
        audioTags: ['Atmos', 'TrueHD'],
      },
      ['4K', 'REMUX', 'DV', 'ATMOS'],
    ],
    [
      { resolution: '1080p', quality: 'WEB-DL', visualTags: ['HDR10+'], audioTags: ['DTS:X'] },
      ['1080P', 'WEBDL', 'HDR10+', 'DTSX'],
    ],
    [{ resolution: '720p', quality: 'WEBRip', visualTags: ['HDR'], audioTags: [] }, ['WEBDL', 'HDR10']],
    [{ resolution: '2160p', quality: 'BluRay', visualTags: ['Dolby Vision'] }, ['4K', 'DV']],
    [{ visualTags: ['DoVi'] }, ['DV']],
    [{ visualTags: 'DV' }, ['DV']],
    [{ audioTags: ['4K'], resolution: 'DV' }, []],
    [{ resolution: 5, visualTags: [null, 3] }, []],
    ['2160p', []],
    [null, []],
  ] as const)('%j → %j', (parsed, tokens) => {
    expect(tokensFromParsedFile(parsed)).toEqual(tokens);
  });

  const result = (parsedFile: unknown) => ({ parsedFile });
  it.each([
    [
      'success false',
      { success: false, data: { results: [result({ resolution: '2160p' })] } },
      { ok: false },
    ],
    ['no data', { success: true }, { ok: false }],
    [
      'errors and no results',
      { success: true, data: { results: [], errors: [{ title: 'x' }] } },
      { ok: false },
    ],
    ['empty without errors', { success: true, data: { results: [], errors: [] } }, { ok: true, tokens: [] }],
    [
      'best per group of the top results',
      {
        success: true,
        data: {
          results: [
            result({ resolution: '1080p', quality: 'WEB-DL' }),
            result({ resolution: '2160p', visualTags: ['HDR10'] }),
            'junk',
            result({ audioTags: ['Atmos'] }),
          ],
        },
      },
      { ok: true, tokens: ['4K', 'WEBDL', 'HDR10', 'ATMOS'] },
    ],
    [
      'results past the top 5 are ignored',
      {
        success: true,
        data: { results: [...Array.from({ length: 5 }, () => result({})), result({ resolution: '2160p' })] },
      },
      { ok: true, tokens: [] },
    ],
  ])('%s', (_name, body, expected) => {
    expect(qualityFromAioStreams(body)).toMatchObject(expected);
  });
});

describe('token lists (QualiCache, quality= parameter)', () => {
  it.each([
    ['4K,REMUX,DV,ATMOS', ['4K', 'REMUX', 'DV', 'ATMOS']],
    ['4k, hdr10+ ,dtsx', ['4K', 'HDR10+', 'DTSX']],
    ['1080P,4K', ['4K']],
    ['HDR10,HDR10+', ['HDR10+']],
    ['bogus,,WEBDL', ['WEBDL']],
    [
      ['WEBRIP', 'HDR10'],
      ['WEBDL', 'HDR10'],
    ],
    [
      ['BLURAY', 'DTS:X'],
      ['WEBDL', 'DTSX'],
    ],
    [['2160P', 7, null], ['4K']],
    ['', []],
    [null, []],
  ] as const)('%j → %j', (raw, tokens) => {
    expect(parseQualityTokens(raw)).toEqual(tokens);
  });
});

describe('tier score', () => {
  it.each([
    [[], 0, 'grey'],
    [['ATMOS', 'DTSX'], 0, 'grey'],
    [['1080P'], 1, 'grey'],
    [['WEBDL', 'ATMOS'], 1, 'grey'],
    [['4K'], 2, 'bronze'],
    [['1080P', 'WEBDL'], 2, 'bronze'],
    [['1080P', 'WEBDL', 'HDR10'], 3, 'bronze'],
    [['4K', 'WEBDL', 'HDR10'], 4, 'silver'],
    [['4K', 'REMUX'], 4, 'silver'],
    [['4K', 'WEBDL', 'DV'], 5, 'silver'],
    [['4K', 'REMUX', 'HDR10'], 5, 'silver'],
    [['4K', 'REMUX', 'DV'], 6, 'gold'],
    [['4K', 'REMUX', 'HDR10+', 'ATMOS'], 6, 'gold'],
    // per-category cap: unfolded input never scores more than 2 per group
    [['4K', '1080P', 'REMUX', 'WEBDL', 'DV', 'HDR10+', 'HDR10'], 6, 'gold'],
  ] as const)('%j → %d %s', (tokens, score, tier) => {
    expect(qualityScore(tokens)).toBe(score);
    expect(qualityTier(qualityScore(tokens))).toBe(tier);
  });

  it.each([
    [-1, 'grey'],
    [1, 'grey'],
    [2, 'bronze'],
    [3, 'bronze'],
    [4, 'silver'],
    [5, 'silver'],
    [6, 'gold'],
    [7, 'gold'],
  ] as const)('tier(%d) = %s', (score, tier) => {
    expect(qualityTier(score)).toBe(tier);
  });
});
