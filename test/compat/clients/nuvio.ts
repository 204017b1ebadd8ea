/**
 * Clean-room emulator of Nuvio's custom poster URL resolution, written from the behaviour described in
 * shared/reference/clients.md §2.2 (no client code). Order matters and is Nuvio's:
 *   1. `{name?}` optional placeholders → the value or '' (a name used this way is then settled: a
 *      required `{name}` of the same name later in the template stays literal);
 *   2. `{a|b|c}` pipes → the first name with a value; none → the whole URL is null;
 *   3. `{name}` required placeholders of known names → the value; none → null.
 * Unknown names (`{tmdb_key}`, `{language}`) are sent as they are. Values are never URL-encoded.
 * With `{shape}` in the template every item gets two URLs (its own shape, and landscape); without it
 * only portrait-shaped items get a custom URL at all.
 */
import { idsFromMetaId, type MetaItem } from './item.ts';

const NAMES = [
  'id',
  'id_type',
  'typed_id',
  'type',
  'shape',
  'imdb_id',
  'tmdb_id',
  'tvdb_id',
  'kitsu_id',
  'anilist_id',
  'mal_id',
  'anidb_id',
] as const;

type Shape = 'poster' | 'landscape' | 'square';

function values(item: MetaItem, shape: Shape): Record<string, string> {
  const ids = idsFromMetaId(item.id);
  if (item.imdbId) ids.imdb_id = item.imdbId;
  const colon = item.id.indexOf(':');
  const idType = /^tt\d/.test(item.id) ? 'imdb' : colon > 0 ? item.id.slice(0, colon) : 'unknown';
  const raw = colon > 0 ? item.id.slice(colon + 1) : item.id;
  const typedId =
    idType === 'imdb' ? item.id : idType === 'tmdb' || idType === 'tvdb' ? `${item.type}-${raw}` : raw;
  return { ...ids, id: item.id, id_type: idType, typed_id: typedId, type: item.type, shape };
}

export function resolveNuvio(template: string, item: MetaItem, shape: Shape): string | null {
  const known = values(item, shape);
  const settled = new Set<string>();
  let url = template.replace(/\{([a-z_]+)\?\}/g, (_match, name: string) => {
    settled.add(name);
    return known[name] ?? '';
  });
  let missing = false;
  url = url.replace(/\{([a-z_]+(?:\|[a-z_]+)+)\}/g, (_match, names: string) => {
    const value = names
      .split('|')
      .map((name) => known[name] ?? '')
      .find((candidate) => candidate !== '');
    if (value === undefined) missing = true;
    return value ?? '';
  });
  url = url.replace(/\{([a-z_]+)\}/g, (match, name: string) => {
    if (settled.has(name) || !(NAMES as readonly string[]).includes(name)) return match;
    const value = known[name] ?? '';
    if (value === '') missing = true;
    return value;
  });
  return missing ? null : url;
}

/** Every URL Nuvio builds for one item: the card's own, and the landscape one when `{shape}` is used. */
export function nuvioUrls(
  template: string,
  item: MetaItem,
): { own: string | null; landscape: string | null } {
  const shape = item.posterShape ?? 'poster';
  if (!template.includes('{shape}')) {
    return { own: shape === 'poster' ? resolveNuvio(template, item, 'poster') : null, landscape: null };
  }
  return { own: resolveNuvio(template, item, shape), landscape: resolveNuvio(template, item, 'landscape') };
}
