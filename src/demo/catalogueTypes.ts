/**
 * Shape of the synthetic catalogue (catalogue.ts). Plain data: every TMDB/MDBList/addon response of the
 * fake upstream is derived from these records by the route modules.
 *
 * Dates are either absolute ('2019-05-30') or relative to the fake's clock ('-12d', '+45d'), so a
 * title can stay "in cinemas now" or "returning next week" whatever day the suite runs.
 */

export type MediaKind = 'movie' | 'tv';

/** 'YYYY-MM-DD' or a signed day offset from the fake's clock: '-12d', '+6d'. */
export type DateSpec = string;

export interface CompanyData {
  id: number;
  name: string;
  /** ISO 3166-1, or '' (a real quirk). */
  country: string;
  /** Whether TMDB has a logo file for it (logo_path is null otherwise). */
  logo?: boolean;
}

export interface CastData {
  name: string;
  character: string;
  gender?: 0 | 1 | 2;
}

export interface CrewData {
  name: string;
  job: string;
  department: string;
  gender?: 0 | 1 | 2;
}

/** One TMDB release_dates entry. type: 1 premiere, 2 limited, 3 theatrical, 4 digital, 5 physical, 6 TV. */
export interface ReleaseData {
  country: string;
  date: DateSpec;
  type: 1 | 2 | 3 | 4 | 5 | 6;
  certification?: string;
  note?: string;
}

export interface EpisodeData {
  season: number;
  episode: number;
  name: string;
  date: DateSpec;
  runtime?: number | null;
  episodeType?: 'standard' | 'finale' | 'mid_season';
}

export interface SeasonData {
  number: number;
  episodes: number;
  /** null = not announced (air_date: null). */
  date: DateSpec | null;
  /** Season poster exists (Specials often have none: poster_path null). */
  poster?: boolean;
}

/** One artwork item. lang null = language-neutral ("textless" for posters). */
export interface ArtData {
  lang: string | null;
  /** [vote_average, vote_count]; defaults to [0, 0] (a real quirk: many images have 0). */
  votes?: [number, number];
  /** Text drawn on a logo / texted poster when it differs from the English title (translations). */
  text?: string;
  /** Logo ink: light (default) or dark (a dark wordmark the renderer may need to whiten). */
  tone?: 'light' | 'dark';
  /** The served bytes are garbage behind a JPEG signature (the "corrupt poster" case). */
  corrupt?: boolean;
}

export interface ArtSet {
  posters: ArtData[];
  backdrops: ArtData[];
  /** null = the images response has no `logos` key at all (2017-era shape). */
  logos: ArtData[] | null;
}

/** [value, votes] on the source's own scale; letterboxd may add a scale (5 default, 10 as in the Jaws sample). */
export type RatingTuple =
  | [value: number, votes: number | null]
  | [value: number, votes: number, scale: 5 | 10];

/** MDBList sources in the order the new API lists them. */
export const RATING_SOURCES = [
  'imdb',
  'metacritic',
  'metacriticuser',
  'trakt',
  'tomatoes',
  'popcorn',
  'tmdb',
  'letterboxd',
  'rogerebert',
  'myanimelist',
] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

export interface MdblistData {
  /** MDBList keyword slugs (e.g. best-picture-winner, cult-film, based-on-true-story). */
  keywords: string[];
  ageRating: number | null;
  /** Common Sense badge: the new API has a boolean. */
  commonsense: boolean | null;
  traktId: number;
  /**
   * Per source; an absent source is listed with all-null fields, 'zero' is `value: 0, score: null`
   * (the "missing, not zero" quirk). rogerebert is 0–4 and always has score null.
   */
  ratings: Partial<Record<Exclude<RatingSource, 'rogerebert' | 'myanimelist'>, RatingTuple | 'zero'>> & {
    rogerebert?: number;
  };
  /** Streaming services in the MDBList `streams`/`watch_providers` lists. */
  providers?: string[];
}

/** One release that a stream addon knows about; the fake builds realistic release names from it. */
export interface StreamData {
  res: '2160p' | '1080p' | '720p' | '480p';
  source: 'REMUX' | 'BluRay' | 'WEB-DL' | 'WEBRip' | 'DVDRip' | 'HDTV';
  /** Streaming service tag of WEB releases: AMZN, NF, ATVP, HMAX, DSNP … */
  service?: string;
  /** Visual tags in release-name spelling: DV, HDR10, HDR10+, HDR. */
  hdr?: string[];
  /** Audio in release-name spelling, e.g. 'TrueHD.Atmos.7.1', 'DDP5.1.Atmos', 'DTS-HD.MA.5.1', 'DTS-X.7.1'. */
  audio?: string;
  codec: 'x264' | 'x265' | 'HEVC' | 'AVC' | 'H.264' | 'H.265';
  group: string;
  sizeGb: number;
  seeders: number;
}

export interface TitleQuirks {
  /** /find result without media_type (an older API shape). */
  findWithoutMediaType?: boolean;
  /** /find?external_source=tvdb_id also returns an unrelated episode (the tvdb id collision). */
  tvdbEpisodeCollision?: boolean;
  /** TMDB has no IMDb link for this title (imdb_id null everywhere, so it is addressable by TMDB id only). */
  noImdbLink?: boolean;
}

export interface CatalogueTitle {
  kind: MediaKind;
  tmdbId: number;
  /** Real IMDb id (also kept when quirks.noImdbLink hides it from responses). */
  imdbId: string;
  tvdbId?: number;
  title: string;
  originalTitle: string;
  originalLanguage: string;
  /** release_date (movies) / first_air_date (tv). */
  date: DateSpec;
  genres: number[];
  /** Movie runtime or typical episode runtime, minutes. */
  runtime: number;
  /** TMDB status: Released, Post Production, Returning Series, Ended … */
  status: string;
  overview: string;
  tagline: string;
  homepage: string;
  popularity: number;
  voteAverage: number;
  voteCount: number;
  budget?: number;
  revenue?: number;
  companies: CompanyData[];
  countries: string[];
  spokenLanguages: string[];
  cast: CastData[];
  crew: CrewData[];
  /** TMDB keyword names. */
  keywords: string[];
  /** Movies: release_dates. */
  releases?: ReleaseData[];
  /** TV: content_ratings as [country, rating]. */
  contentRatings?: [string, string][];
  /** TV only. */
  tv?: {
    createdBy: string[];
    networks: CompanyData[];
    seasons: SeasonData[];
    lastEpisode: EpisodeData | null;
    nextEpisode: EpisodeData | null;
    type: 'Scripted' | 'Miniseries' | 'Documentary' | 'Reality';
    inProduction: boolean;
    lastAirDate: DateSpec | null;
  };
  art: ArtSet;
  mdblist: MdblistData;
  /** Releases known to the stream addon; [] = nothing out yet. */
  streams: StreamData[];
  /** Days before the fake's clock at which r/movieleaks posted about its digital release. */
  digitalPostDaysAgo?: number;
  quirks?: TitleQuirks;
  /** One line on why this title is in the catalogue (shown by the CLI and in reports). */
  note: string;
}

export interface TrendingData {
  movie: { day: string[]; week: string[] };
  tv: { day: string[]; week: string[] };
}
