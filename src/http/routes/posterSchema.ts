/**
 * The documented shape of `GET /poster`: identity, key and transport parameters by hand, every style
 * parameter from the parameter table (so a parameter added there is documented here at once).
 * Documentation only: the handler's lenient parser is the contract (see schemas.ts DOCUMENTED_ONLY).
 */
import { POSTER_PARAMS } from '../../poster/params.ts';
import { emptyResponse, error, imageResponse, POSTER_IMAGE_TYPES, rateLimited } from './schemas.ts';

const text = (description: string) => ({ type: 'string' as const, description });

/** Everything that is not a style parameter; the order is the one docs/API.md shows. */
export const POSTER_TRANSPORT_DOCS: Record<string, { type: 'string'; description: string }> = {
  tmdb_id: text(
    'TMDB id (digits; `tv:1399` / `movie:550` forms accepted). Empty or an unfilled `{tmdb_id?}` placeholder = absent.',
  ),
  imdb_id: text(
    'IMDb id (tt…). Resolved through TMDB /find when no tmdb_id is given. Empty/placeholder = absent.',
  ),
  stremio_id: text(
    'Raw Stremio meta id: tt…[:season:episode], tmdb:N, tmdb:movie:N, tmdb:tv:N or tvdb:N. Fills the ids not given.',
  ),
  type: text(
    'movie, tv or series. Any other value (anime, {type}) is a hint only: the type then comes from the id; required with a bare tmdb_id.',
  ),
  shape: text('poster / portrait / absent / unknown = portrait; landscape and square → 400.'),
  tmdb_key: text('Caller’s own TMDB key (own rate-limit bucket); never echoed or stored.'),
  mdblist_key: text('Caller’s own MDBList key; never echoed or stored.'),
  access_key: text('Operator key when ACCESS_KEY is set (required then).'),
  debug: text('1/true: JSON diagnostics instead of the image (never cached).'),
  nocache: text('1/true: re-render and re-store; honoured only with a configured and matching access_key.'),
  rv: text('Cache-buster of trending catalogues; ignored.'),
  share: text('Marker of shared configurator URLs; ignored.'),
  anilist_id: text('Anime ids: not supported yet (404 when nothing else identifies the title).'),
  kitsu_id: text('Anime ids: not supported yet.'),
  mal_id: text('Anime ids: not supported yet.'),
  anidb_id: text('Anime ids: not supported yet.'),
};

export const posterSchema = {
  summary: 'Poster of one title in one style',
  description:
    'Renders (or serves from cache) the 500×750 poster. Parsing is lenient: bad style values keep their default (listed by debug=1), numbers are clamped, repeated parameters take the first value, unfilled `{placeholders}` and empty values mean absent. Style parameters: docs/PARAMETERS.md. Operator endpoint: 403 when PRESET_ENABLED without ACCESS_KEY, or when ACCESS_KEY is set and not given.',
  tags: ['operator'],
  querystring: {
    type: 'object',
    properties: {
      ...POSTER_TRANSPORT_DOCS,
      ...Object.fromEntries(
        POSTER_PARAMS.map((spec) => [
          spec.name,
          {
            type: 'string',
            description: `${spec.doc} (${spec.kind}; default ${spec.defaultText || 'none'})`,
          },
        ]),
      ),
    },
    additionalProperties: true,
  },
  response: {
    200: {
      description:
        'The poster (IMAGE_FORMAT), or JSON diagnostics with debug=1. Strong ETag unless provisional; provisional posters are `no-store`.',
      content: {
        ...imageResponse('', POSTER_IMAGE_TYPES).content,
        // The serializer uses this one for debug=1: it must pass the diagnostics through untouched.
        'application/json': { schema: { type: 'object', additionalProperties: true } },
      },
    },
    302: emptyResponse('Cache hit served from the CDN (OBJECT_STORE_PUBLIC_URL)'),
    304: emptyResponse('If-None-Match matched the ETag'),
    400: error('Missing/invalid id, bare tmdb_id without type, unsupported shape'),
    403: error('Operator access denied (see description)'),
    404: error('Unknown title, or an anime id alone'),
    429: rateLimited,
    503: error('No TMDB key, upstream unavailable, render slots busy or render timeout (Retry-After)'),
  },
} as const;
