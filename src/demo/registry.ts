/**
 * Indexes over the catalogue: lookups by IMDb / TMDB / TVDB id and the artwork file table (every
 * `file_path` the fake hands out maps to one ArtAsset the image route can draw).
 */

import { drawableText } from './art/script.ts';
import { CATALOGUE } from './catalogue.ts';
import type { ArtData, CatalogueTitle, CompanyData, MediaKind } from './catalogueTypes.ts';
import { token } from './hash.ts';

export type ArtKind = 'poster' | 'backdrop' | 'logo';

export interface ArtAsset {
  /** TMDB-style path: '/' + 27 base-62 characters + '.jpg' | '.png'. */
  file: string;
  kind: ArtKind;
  title: CatalogueTitle;
  data: ArtData;
  /** Seed of the procedural drawing (stable per title and slot). */
  seed: string;
  /** Natural size (what `original` serves and what the TMDB JSON declares). */
  width: number;
  height: number;
  /** Text drawn on the image, or null (textless art never carries text). */
  text: string | null;
  format: 'jpeg' | 'png';
}

export interface TitleArt {
  posters: ArtAsset[];
  backdrops: ArtAsset[];
  /** null = the images response has no `logos` key. */
  logos: ArtAsset[] | null;
  seasonPosters: Map<number, ArtAsset>;
  lastEpisodeStill: ArtAsset | null;
}

export const POSTER_SIZE = { width: 780, height: 1170 } as const;
export const BACKDROP_SIZE = { width: 1280, height: 720 } as const;
const LOGO_WIDTH = 1000;

/** Logo canvas size from its text: one or two lines, aspect between 1.8 and 6.5. */
export function logoSize(text: string): { width: number; height: number } {
  const lines = splitTitle(text);
  const longest = Math.max(...lines.map((line) => [...line].length));
  const aspect = Math.min(6.5, Math.max(1.8, (longest * 0.62) / lines.length));
  return { width: LOGO_WIDTH, height: Math.round(LOGO_WIDTH / aspect) };
}

/** Splits a title into at most two balanced lines (only long titles with spaces are split). */
export function splitTitle(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if ([...text].length <= 14 || words.length < 2) return [text];
  let best: [string, string] = [text, ''];
  let bestScore = Number.POSITIVE_INFINITY;
  for (let i = 1; i < words.length; i++) {
    const first = words.slice(0, i).join(' ');
    const second = words.slice(i).join(' ');
    const score = Math.abs(first.length - second.length);
    if (score < bestScore) {
      bestScore = score;
      best = [first, second];
    }
  }
  return best;
}

function fileName(seed: string, format: 'jpeg' | 'png'): string {
  return `/${token(seed, 27)}.${format === 'jpeg' ? 'jpg' : 'png'}`;
}

export function titleKey(title: CatalogueTitle): string {
  return `${title.kind}:${title.tmdbId}`;
}

/** The IMDb id the fake exposes (null when the title models "TMDB has no IMDb link"). */
export function publicImdbId(title: CatalogueTitle): string | null {
  return title.quirks?.noImdbLink ? null : title.imdbId;
}

export class Registry {
  readonly titles: readonly CatalogueTitle[];
  readonly #byImdb = new Map<string, CatalogueTitle>();
  readonly #byTmdb = new Map<string, CatalogueTitle>();
  readonly #byTvdb = new Map<number, CatalogueTitle>();
  readonly #files = new Map<string, ArtAsset>();
  readonly #art = new Map<CatalogueTitle, TitleArt>();
  readonly #companyLogos = new Map<number, ArtAsset>();
  readonly #metahubLogos = new Map<CatalogueTitle, ArtAsset>();

  constructor(titles: readonly CatalogueTitle[]) {
    this.titles = titles;
    for (const title of titles) {
      const imdb = publicImdbId(title);
      if (imdb) this.#byImdb.set(imdb, title);
      this.#byTmdb.set(titleKey(title), title);
      if (title.tvdbId !== undefined) this.#byTvdb.set(title.tvdbId, title);
      this.#art.set(title, this.#buildArt(title));
    }
    for (const title of titles) {
      for (const company of [...title.companies, ...(title.tv?.networks ?? [])]) this.companyLogo(company);
    }
  }

  byImdb(id: string): CatalogueTitle | undefined {
    return this.#byImdb.get(id);
  }

  /** Any title with this IMDb id, including ones whose TMDB record hides it (stream addon, MDBList imdb route). */
  byAnyImdb(id: string): CatalogueTitle | undefined {
    return this.#byImdb.get(id) ?? this.titles.find((title) => title.imdbId === id);
  }

  byTmdb(kind: MediaKind, id: number): CatalogueTitle | undefined {
    return this.#byTmdb.get(`${kind}:${id}`);
  }

  byTvdb(id: number): CatalogueTitle | undefined {
    return this.#byTvdb.get(id);
  }

  /** The asset behind a file path such as '/AbC….jpg'. */
  file(path: string): ArtAsset | undefined {
    return this.#files.get(path);
  }

  art(title: CatalogueTitle): TitleArt {
    const art = this.#art.get(title);
    if (!art) throw new Error(`title not in registry: ${titleKey(title)}`);
    return art;
  }

  /** The English wordmark Metahub serves for a title (its own file, apart from the TMDB logos). */
  metahubLogo(title: CatalogueTitle): ArtAsset {
    let asset = this.#metahubLogos.get(title);
    if (!asset) {
      const seed = `${titleKey(title)}:metahub`;
      const text = drawableText(title.title, title.title);
      asset = {
        file: fileName(seed, 'png'),
        kind: 'logo',
        title,
        data: { lang: 'en', text: title.title },
        seed,
        ...logoSize(text),
        text,
        format: 'png',
      };
      this.#metahubLogos.set(title, asset);
    }
    return asset;
  }

  /** logo_path for a production company / network with a logo, else null. */
  companyLogo(company: CompanyData): string | null {
    if (!company.logo) return null;
    let asset = this.#companyLogos.get(company.id);
    if (!asset) {
      const seed = `company:${company.id}`;
      // Company logos are drawn with the company's name; the "title" only lends its genre palette.
      const owner = this.titles[company.id % this.titles.length]!;
      asset = {
        file: fileName(seed, 'png'),
        kind: 'logo',
        title: owner,
        data: { lang: null, text: company.name },
        seed,
        ...logoSize(drawableText(company.name, 'Studio')),
        text: drawableText(company.name, 'Studio'),
        format: 'png',
      };
      this.#companyLogos.set(company.id, asset);
      this.#files.set(asset.file, asset);
    }
    return asset.file;
  }

  #register(asset: ArtAsset): ArtAsset {
    this.#files.set(asset.file, asset);
    return asset;
  }

  #buildArt(title: CatalogueTitle): TitleArt {
    const key = titleKey(title);
    const posters = title.art.posters.map((data, i) => {
      const seed = `${key}:poster:${i}`;
      return this.#register({
        file: fileName(seed, 'jpeg'),
        kind: 'poster',
        title,
        data,
        seed,
        ...POSTER_SIZE,
        text: data.lang === null ? null : drawableText(data.text ?? title.title, title.title),
        format: 'jpeg',
      });
    });
    const backdrops = title.art.backdrops.map((data, i) => {
      const seed = `${key}:backdrop:${i}`;
      return this.#register({
        file: fileName(seed, 'jpeg'),
        kind: 'backdrop',
        title,
        data,
        seed,
        ...BACKDROP_SIZE,
        text: data.lang === null ? null : drawableText(data.text ?? title.title, title.title),
        format: 'jpeg',
      });
    });
    const logos =
      title.art.logos === null
        ? null
        : title.art.logos.map((data, i) => {
            const seed = `${key}:logo:${i}`;
            const text = drawableText(data.text ?? title.title, title.title);
            return this.#register({
              file: fileName(seed, 'png'),
              kind: 'logo',
              title,
              data,
              seed,
              ...logoSize(text),
              text,
              format: 'png',
            });
          });
    const seasonPosters = new Map<number, ArtAsset>();
    for (const season of title.tv?.seasons ?? []) {
      if (!season.poster) continue;
      const seed = `${key}:season:${season.number}`;
      seasonPosters.set(
        season.number,
        this.#register({
          file: fileName(seed, 'jpeg'),
          kind: 'poster',
          title,
          data: { lang: null },
          seed,
          ...POSTER_SIZE,
          text: null,
          format: 'jpeg',
        }),
      );
    }
    let lastEpisodeStill: ArtAsset | null = null;
    if (title.tv?.lastEpisode) {
      const seed = `${key}:still:${title.tv.lastEpisode.season}x${title.tv.lastEpisode.episode}`;
      lastEpisodeStill = this.#register({
        file: fileName(seed, 'jpeg'),
        kind: 'backdrop',
        title,
        data: { lang: null },
        seed,
        ...BACKDROP_SIZE,
        text: null,
        format: 'jpeg',
      });
    }
    return { posters, backdrops, logos, seasonPosters, lastEpisodeStill };
  }
}

/** The registry over the built-in catalogue (built once; pure data). */
export const registry = new Registry(CATALOGUE);
