/**
 * Display words only. Every value, default, range and description comes from the server's table;
 * these just make names read like English where a snake_case name would not.
 */

/** @type {Readonly<Record<string, string>>} */
const PARAM_LABELS = {
  primary_client: 'Client app',
  logo_language: 'Language',
  rating_display_mode: 'Rating display',
  sash_mode: 'Award label',
  badge_display_mode: 'Quality badges',
  score_color_mode: 'Score colours',
  score_custom_palette: 'Custom palette',
  sash_priority: 'Which fact the label shows',
  fallback_bg_style: 'Background when there is no art',
  textless: 'Art only (no logo, no title)',
  muted: 'Muted sash',
  hide_genre: 'Hide genre',
};

/** @type {Readonly<Record<string, string>>} */
const WORDS = {
  w: 'width',
  h: 'height',
  x: 'X',
  y: 'Y',
  gg: 'Golden Globe',
  imdb: 'IMDb',
  tmdb: 'TMDB',
  tv: 'TV',
  oa: 'original art',
  pos: 'position',
  10: '10',
};

/** @param {string} name */
export function paramLabel(name) {
  const fixed = PARAM_LABELS[name];
  if (fixed) return fixed;
  const words = name.split('_').map((word) => WORDS[word] ?? word);
  const text = words.join(' ').replace(/ ratio$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** @type {Readonly<Record<string, string>>} */
const CLIENTS = {
  stremio_tv_nuvio: 'Stremio TV / Nuvio',
  stremio_desktop_web: 'Stremio desktop / web',
  plex: 'Plex',
  jellyfin: 'Jellyfin',
};

/** @type {Readonly<Record<string, string>>} */
const SLOTS = {
  wins: 'Oscar / Emmy winner',
  gg_wins: 'Golden Globe winner',
  festival: 'Festival top prize',
  pic_noms: 'Oscar / Emmy nominee',
  metacritic: 'Metacritic must-see',
  gg_noms: 'Golden Globe nominee',
  noms: 'All nominations (legacy)',
  trending: 'Trending today (top)',
  trending_broad: 'Trending today (wider)',
  premiere: 'Series premiere',
  new_release: 'New release',
  just_added: 'Just added',
  new_season: 'New season',
  season_finale: 'Season finale',
  studio: 'Notable studio',
  director: 'Notable director',
  cast: 'Notable cast',
  cult: 'Cult classic',
  foreign: 'Foreign language',
  true_story: 'True story',
  short_film: 'Short film',
  mini_series: 'Mini series',
  binge_ready: 'Binge ready',
  returning: 'Returning series',
  airing: 'Airing',
  cancelled: 'Cancelled',
  ended: 'Ended',
  physical: 'Physical release',
  streaming: 'Streaming',
  cinema: 'In cinemas',
  production: 'In production',
};

/** @type {Readonly<Record<string, string>>} */
const SOURCES = {
  letterboxd: 'Letterboxd',
  trakt: 'Trakt',
  tomatoes: 'Rotten Tomatoes',
  popcorn: 'RT audience',
  imdb: 'IMDb',
  metacritic: 'Metacritic',
  metacriticuser: 'Metacritic users',
  tmdb: 'TMDB',
  rogerebert: 'Roger Ebert',
  myanimelist: 'MyAnimeList',
  anilist: 'AniList',
  kitsu: 'Kitsu',
};

/** @param {string} source a rating source as the weights parameter names it */
export const sourceLabel = (source) => SOURCES[source] ?? source;

/** @param {string} slot */
export const slotLabel = (slot) => SLOTS[slot] ?? slot.replaceAll('_', ' ');

/**
 * The text of one enum or mode value. Integer modes take their words from the table's doc
 * ("0 none, 1 score bar, …"), so a new mode needs no page change.
 * @param {string} name
 * @param {string | number} value
 * @param {string} doc
 */
export function valueLabel(name, value, doc) {
  const text = String(value);
  if (name === 'primary_client') return CLIENTS[text] ?? text;
  if (typeof value === 'number') {
    const match = new RegExp(`(?:^|[\\s:,])${value} ((?:[^,(]|\\([^)]*\\))+)`).exec(doc);
    return match?.[1] ? `${value} · ${match[1].trim()}` : text;
  }
  return text.replaceAll('_', ' ');
}
