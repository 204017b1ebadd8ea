/**
 * Clean-room emulator of AIOMetadata's custom-art pattern resolution, written from the behaviour
 * described in shared/reference/clients.md §1.3 (no client code): a fixed table of placeholder names,
 * every one of them required except `{blur}` and `{thumbnail}`; one required placeholder without a value
 * makes the whole URL null (the addon keeps its own art); anything not in the table — `{tmdb_id?}`,
 * `{shape}` — stays in the URL literally; values go in raw, never URL-encoded.
 */
import { idsFromMetaId, type MetaItem } from './item.ts';

const REQUIRED = [
  'id',
  'tmdb_id',
  'imdb_id',
  'tvdb_id',
  'mal_id',
  'kitsu_id',
  'anilist_id',
  'anidb_id',
  'type',
  'season',
  'episode',
  'language',
  'language_short',
  'tmdb_key',
  'rpdb_key',
  'top_key',
  'mdblist_key',
  'fanart_key',
  'user_agent',
] as const;
const OPTIONAL = ['blur', 'thumbnail'] as const;

export interface AioContext {
  language?: string;
  userAgent?: string;
  keys?: Partial<Record<'tmdb_key' | 'rpdb_key' | 'top_key' | 'mdblist_key' | 'fanart_key', string>>;
  season?: string;
  episode?: string;
  blur?: string;
  thumbnail?: string;
}

function values(item: MetaItem, context: AioContext): Record<string, string> {
  const fromId = idsFromMetaId(item.id);
  const language = context.language ?? 'en-US';
  return {
    ...fromId,
    id: item.id,
    imdb_id: item.imdbId ?? fromId.imdb_id ?? '',
    tmdb_id: fromId.tmdb_id ?? item.extraTmdbId ?? '',
    tvdb_id: fromId.tvdb_id ?? item.extraTvdbId ?? '',
    type: item.type,
    language,
    language_short: language.split('-')[0] ?? '',
    user_agent: context.userAgent ?? '',
    season: context.season ?? '',
    episode: context.episode ?? '',
    ...context.keys,
  };
}

/** The URL AIOMetadata would put in `meta.poster`, or null when it keeps the addon's own art. */
export function resolveAio(template: string, item: MetaItem, context: AioContext = {}): string | null {
  const known = values(item, context);
  let url = template;
  for (const name of REQUIRED) {
    const token = `{${name}}`;
    if (!url.includes(token)) continue;
    const value = known[name] ?? '';
    if (value === '') return null;
    url = url.split(token).join(value);
  }
  for (const name of OPTIONAL) url = url.split(`{${name}}`).join(context[name] ?? '');
  return url;
}
