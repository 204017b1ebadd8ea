/**
 * A catalogue item as a Stremio addon hands it to a client: the meta id (`tt…`, `tmdb:…`, `tvdb:…`,
 * `kitsu:…`), its type, the card shape, and any extra ids the addon stamped on it. Each client emulator
 * derives its own placeholder values from this, by its own rules.
 */
export interface MetaItem {
  id: string;
  type: string;
  posterShape?: 'poster' | 'landscape' | 'square';
  /** meta.imdb_id */
  imdbId?: string;
  /** Extra ids some addons stamp on metas (AIOMetadata reads them; Nuvio does not). */
  extraTmdbId?: string;
  extraTvdbId?: string;
}

const NAMESPACES = ['tmdb', 'tvdb', 'kitsu', 'anilist', 'mal', 'anidb'] as const;

/**
 * Split ids from the meta id the way both clients do: `tt…` is an IMDb id; `ns:rest` fills `ns` with
 * everything after the first colon, kept raw (so `tmdb:tv:1399` gives `tv:1399`).
 */
export function idsFromMetaId(id: string): Record<string, string> {
  if (/^tt\d+/.test(id)) return { imdb_id: id.split(':')[0] ?? id };
  const colon = id.indexOf(':');
  if (colon <= 0) return {};
  const namespace = id.slice(0, colon).toLowerCase();
  const rest = id.slice(colon + 1);
  return (NAMESPACES as readonly string[]).includes(namespace) && rest ? { [`${namespace}_id`]: rest } : {};
}
