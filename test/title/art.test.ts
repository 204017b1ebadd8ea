import { describe, expect, it } from 'vitest';
import {
  chooseArt,
  chooseLogo,
  chooseOriginalPoster,
  chooseTextlessPoster,
  type LogoPriority,
  logoLanguageOrder,
  logoReachesMetahub,
  rankImages,
} from '../../src/title/art.ts';
import type { TmdbImage } from '../../src/upstream/tmdb.ts';
import { imagesSchema } from '../../src/upstream/tmdbSchemas.ts';
import { fixture } from '../helpers/fixtures.ts';

const img = (
  filePath: string,
  language: string | null,
  voteAverage: number,
  voteCount: number,
  width = 1000,
): TmdbImage => ({
  filePath,
  language,
  voteAverage,
  voteCount,
  width,
  height: 1500,
});

describe('rankImages', () => {
  it('orders by average, then count, then width — zero votes included', () => {
    const ranked = rankImages([
      img('/a', null, 0, 0),
      img('/b', null, 5.3, 2),
      img('/c', null, 5.3, 9),
      img('/d', null, 5.3, 9, 2000),
    ]);
    expect(ranked.map((i) => i.filePath)).toEqual(['/d', '/c', '/b', '/a']);
  });
});

describe('chooseTextlessPoster', () => {
  it.each([
    [
      'the best textless when it is well voted',
      [img('/t1', null, 5.6, 10), img('/t2', null, 5.2, 40)],
      '/t1',
    ],
    [
      'a well-voted one within the drop window beats a thinly voted best',
      [img('/t1', null, 6.0, 1), img('/t2', null, 5.4, 12)],
      '/t2',
    ],
    [
      'but not when it rates more than the drop worse',
      [img('/t1', null, 6.5, 1), img('/t2', null, 5.0, 12)],
      '/t1',
    ],
    ['texted posters never count', [img('/en', 'en', 9, 99), img('/t', null, 1, 0)], '/t'],
    ['no textless poster at all', [img('/en', 'en', 9, 99)], null],
  ])('%s', (_name, posters, expected) => {
    expect(chooseTextlessPoster(posters, 3, 1.0)?.filePath ?? null).toBe(expected);
  });
});

describe('logoLanguageOrder', () => {
  it.each([
    // The default chain ends in English (then Metahub, then the drawn title).
    ['native_original', 'fr', 'ko', null, ['fr', 'ko', 'en']],
    ['native_original', 'de', 'ja', null, ['de', 'ja', 'en']],
    ['original_native', 'en', 'ko', null, ['ko', 'en']],
    ['original_native', 'fr', 'ko', null, ['ko', 'fr', 'en']],
    ['native_if_original_english', 'de', 'en', null, ['de', 'en']],
    ['native_if_original_english', 'de', 'ko', null, ['de']],
    ['native_text', 'pt-BR', 'en', null, ['pt']],
    ['native_custom_text', 'es', 'en', 'it', ['es', 'it']],
    ['native_custom_original_text', 'es', 'ja', 'it', ['es', 'it', 'ja']],
    ['native_original', 'en', 'en', null, ['en']],
  ])(
    '%s (native %s, original %s, secondary %s)',
    (priority, logoLanguage, originalLanguage, secondaryLanguage, expected) => {
      expect(
        logoLanguageOrder({
          logoPriority: priority as LogoPriority,
          logoLanguage,
          originalLanguage,
          secondaryLanguage,
        }),
      ).toEqual(expected);
    },
  );
});

describe('the logo fallback chain', () => {
  const order = logoLanguageOrder({
    logoPriority: 'native_original',
    logoLanguage: 'de',
    originalLanguage: 'ja',
    secondaryLanguage: null,
  });
  it('requested, then original, then English', () => {
    const ja = img('/ja.png', 'ja', 5, 1);
    const en = img('/en.png', 'en', 5, 1);
    const de = img('/de.png', 'de', 5, 1);
    expect(chooseLogo([en, ja, de], order)?.filePath).toBe('/de.png');
    expect(chooseLogo([en, ja], order)?.filePath).toBe('/ja.png');
    expect(chooseLogo([en, img('/fr.png', 'fr', 9, 9)], order)?.filePath).toBe('/en.png');
    expect(chooseLogo([img('/fr.png', 'fr', 9, 9)], order)).toBeNull();
  });
  it('only the default chains go on to Metahub; *_text priorities draw the title as they say', () => {
    expect(logoReachesMetahub('native_original')).toBe(true);
    expect(logoReachesMetahub('original_native')).toBe(true);
    expect(logoReachesMetahub('native_text')).toBe(false);
    expect(logoReachesMetahub('native_custom_text')).toBe(false);
  });
});

describe('choices over recorded TMDB images', () => {
  const fightClub = imagesSchema.parse(fixture('tmdb/movie_550_images_fight_club.json'));
  const images = {
    posters: fightClub.posters.map((p) => ({
      filePath: p.file_path,
      width: p.width,
      height: p.height,
      language: p.iso_639_1,
      voteAverage: p.vote_average,
      voteCount: p.vote_count,
    })),
    backdrops: fightClub.backdrops.map((p) => ({
      filePath: p.file_path,
      width: p.width,
      height: p.height,
      language: p.iso_639_1,
      voteAverage: p.vote_average,
      voteCount: p.vote_count,
    })),
    logos: fightClub.logos.map((p) => ({
      filePath: p.file_path,
      width: p.width,
      height: p.height,
      language: p.iso_639_1,
      voteAverage: p.vote_average,
      voteCount: p.vote_count,
    })),
    posterPath: '/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg',
  };

  it('Fight Club: its one textless poster, a neutral backdrop and an English logo', () => {
    const choice = chooseArt(images, {
      posterMinVotes: 3,
      posterMaxScoreDrop: 1,
      logoLanguage: 'en',
      originalLanguage: 'en',
      secondaryLanguage: null,
      logoPriority: 'native_original',
    });
    expect(choice.posterIsTextless).toBe(true);
    expect((choice.poster as TmdbImage).language).toBeNull();
    expect(choice.backdrop?.language).toBeNull();
    expect(choice.textBackdrop?.language).not.toBeNull();
    expect(choice.logo?.language).toBe('en');
    const bestEnglish = rankImages(images.logos.filter((l) => l.language === 'en'))[0];
    expect(choice.logo?.filePath).toBe(bestEnglish?.filePath);
  });

  it('falls back to the original language, and to no logo (title text) when none matches', () => {
    const logos = images.logos;
    const languages = new Set(logos.map((l) => l.language));
    expect(languages.has('xx')).toBe(false);
    expect(chooseLogo(logos, ['xx'])).toBeNull();
    expect(chooseLogo(logos, ['xx', 'en'])?.language).toBe('en');
  });

  it('without any textless poster, uses the primary poster and says it carries text', () => {
    const choice = chooseArt(
      { posters: [img('/en', 'en', 5, 5)], backdrops: [], logos: [], posterPath: '/primary.jpg' },
      {
        posterMinVotes: 3,
        posterMaxScoreDrop: 1,
        logoLanguage: 'en',
        originalLanguage: 'en',
        secondaryLanguage: null,
        logoPriority: 'native_original',
      },
    );
    expect(choice.poster?.filePath).toBe('/primary.jpg');
    expect(choice.posterIsTextless).toBe(false);
    expect(choice.backdrop).toBeNull();
    expect(choice.logo).toBeNull();
  });
});

describe('chooseOriginalPoster (use_original_art)', () => {
  const posters = [
    img('/en-low', 'en', 5, 2),
    img('/en-top', 'en', 7, 40),
    img('/fr', 'fr', 6, 9),
    img('/t', null, 9, 99),
  ];

  it.each([
    ['primary, English: TMDB’s main poster', 'primary', ['en'], '/main.jpg'],
    ['primary, French: the best French poster', 'primary', ['fr', 'en'], '/fr'],
    ['top_rated, English: the best-voted English poster', 'top_rated', ['en'], '/en-top'],
    ['top_rated, no poster in the language: the next language', 'top_rated', ['de', 'en'], '/en-top'],
    ['nothing in any language: the main poster', 'top_rated', ['ja'], '/main.jpg'],
  ] as const)('%s', (_name, source, languages, expected) => {
    expect(chooseOriginalPoster(posters, '/main.jpg', languages, source)?.filePath).toBe(expected);
  });

  it('never picks a textless poster, and gives null without any poster', () => {
    expect(chooseOriginalPoster([img('/t', null, 9, 99)], null, ['en'], 'top_rated')).toBeNull();
  });
});
