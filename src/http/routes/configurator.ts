/**
 * The configurator page (issue #8): `GET /` serves web/index.html and `GET /web/*` its
 * scripts, styles and icons, all read from web/ once at startup and held in memory (a few dozen KB), so
 * a request is a map lookup: no path from the URL ever reaches the file system.
 *
 * Every response carries an ETag (304 on If-None-Match), `Cache-Control: no-cache` (revalidate each
 * time: a new release must show at once, and the ETag keeps that cheap) and a strict CSP: scripts and
 * styles from this origin only, no inline code, nothing from another origin. The page holds no secret,
 * so it is public; the data it reads (/server-caps, /poster, …) enforces the access rules itself.
 *
 * Two helpers the page needs and no other endpoint gives:
 *  - `GET /configurator/normalize?<style query>` — the server's own parse → shrink of a style query, so
 *    the copied URL is exactly what /poster reads back (defaults omitted, sash_priority in its shorter
 *    form) and an imported URL's malformed values come back as notes. Pure; no keys are read.
 *  - `GET /configurator/presets` — the gallery with each preset's query, for "Load preset" on an
 *    unlocked page (/server-caps lists presets only when the public tier is on, and never their query).
 *  - `GET /configurator/thumb/{file}` — a search result's small TMDB poster through this instance: the
 *    strict CSP allows no other image origin, the demo catalogue's images live on a loopback port the
 *    browser may not reach, and the viewer's browser never talks to TMDB.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { ifNoneMatchHits } from '../../poster/cachePolicy.ts';
import {
  PER_TITLE_PARAMS,
  parsePosterParams,
  serializePosterParams,
  TRANSPORT_PARAMS,
} from '../../poster/params.ts';
import { findPreset, presetCatalogue } from '../../poster/presets.ts';
import { requireOperator } from '../access.ts';
import type { AppDeps } from '../deps.ts';
import { NEVER_OMITTED_PARAMS } from './caps.ts';

const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.webmanifest': 'application/manifest+json',
};

/**
 * No inline script or style, no eval, nothing from elsewhere. `blob:` is the rendered preview (fetched
 * so a failed render can show its reason); `data:` only for images (CSS-drawn icons). The one other
 * origin ever allowed is the operator's own poster CDN (OBJECT_STORE_PUBLIC_URL), where /poster
 * redirects cached posters.
 */
export function configuratorCsp(posterCdnUrl = ''): string {
  let cdn = '';
  try {
    if (posterCdnUrl) cdn = ` ${new URL(posterCdnUrl).origin}`;
  } catch {
    cdn = '';
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' blob: data:${cdn}`,
    `connect-src 'self'${cdn}`,
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // Copied URLs carry keys: never let a navigation leak this page's URL (?access_key=) as a referrer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export interface StaticAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** Every servable file under web/ keyed by URL path (`/web/app/main.js`); index.html is also `/`. */
export function loadWebAssets(root: string = WEB_ROOT): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      // Type declarations and tsconfig are for the type checker, not the browser.
      if (entry.name.endsWith('.d.ts')) continue;
      const contentType = CONTENT_TYPES[path.extname(entry.name)];
      if (!contentType) continue;
      const body = readFileSync(full);
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
      const urlPath = `/web/${path.relative(root, full).split(path.sep).join('/')}`;
      assets.set(urlPath, { body, contentType, etag });
    }
  };
  walk(root);
  return assets;
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: StaticAsset, csp: string) {
  reply.headers(SECURITY_HEADERS);
  reply.header('content-security-policy', csp);
  reply.header('cache-control', 'no-cache');
  reply.header('etag', asset.etag);
  if (ifNoneMatchHits(request.headers['if-none-match'], asset.etag)) return reply.status(304).send();
  return reply.type(asset.contentType).send(asset.body);
}

// Per-title parameters (quality=, season=) describe one poster, not a look: an imported Plex URL must
// not pin its tokens on every poster of the copied template.
const TRANSPORT = new Set([...TRANSPORT_PARAMS, ...PER_TITLE_PARAMS]);

/** The style query of a request: identity, keys and transport parameters never enter (nor are echoed). */
function styleQuery(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [name, raw] of Object.entries(query)) {
    if (TRANSPORT.has(name) || name === 'preset') continue;
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string') style[name] = value;
  }
  return style;
}

export interface NormalizedStyle {
  /** Canonical, shrunk query: what a copied /poster URL carries after its identity and keys. */
  query: string;
  /** The effective sash priority, active slots in order (the page's re-orderable list). */
  sash_priority: string[];
  /** One line per malformed, clamped or unknown parameter (never a value of a key). */
  notes: string[];
}

const NEVER_OMITTED: ReadonlySet<string> = new Set(NEVER_OMITTED_PARAMS);

/**
 * `,` `:` and `@` are legal in a query (RFC 3986 pchar) and every client passes them through; left
 * percent-encoded, a sash list or weights map costs three characters per separator.
 */
const readableQuery = (params: URLSearchParams) =>
  params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%40', '@');

/**
 * The server's reading of a style query, written back shrunk: defaults omitted except the style
 * parameters /server-caps lists as never omitted (the client profile and its insets), table order.
 */
export function normalizeStyle(query: Record<string, string>): NormalizedStyle {
  const { style, options, notes } = parsePosterParams(query);
  const shrunk = serializePosterParams(style, options, { omitDefaults: true });
  const out = new URLSearchParams();
  for (const [name, value] of serializePosterParams(style, options, { omitDefaults: false })) {
    if (shrunk.has(name) || NEVER_OMITTED.has(name)) out.set(name, value);
  }
  return { query: readableQuery(out), sash_priority: [...options.sashPriority], notes };
}

/** A TMDB image file name as search results carry it (`/abc123.jpg`); nothing else is fetched. */
const THUMB_FILE = /^[A-Za-z0-9_-]{1,100}\.(?:jpg|jpeg|png|webp)$/;
const THUMB_SIZE = 'w185';
/** w185 posters are ~10–30 KB; a few hundred cover every search a session makes. */
const THUMB_CACHE_BYTES = 16 * 1024 * 1024;
const MAX_THUMB_BYTES = 1024 * 1024;

/** The image type of some bytes by their signature, or null (never trust an upstream's label). */
function imageType(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export function registerConfiguratorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const assets = loadWebAssets();
  const index = assets.get('/web/index.html');
  if (!index) throw new Error(`configurator page missing: ${path.join(WEB_ROOT, 'index.html')}`);
  const csp = configuratorCsp(deps.config.OBJECT_STORE_PUBLIC_URL);

  app.get('/', { schema: { hide: true } }, async (request, reply) => sendAsset(request, reply, index, csp));

  app.get('/web/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '';
    const asset = assets.get(decodeURI(urlPath));
    if (!asset) {
      reply.header('cache-control', 'no-cache');
      return reply.status(404).send({ error: 'not_found', message: 'no such asset', request_id: request.id });
    }
    return sendAsset(request, reply, asset, csp);
  });

  app.get('/configurator/normalize', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, string | string[] | undefined>;
    reply.header('cache-control', 'no-store');
    const presetId = typeof query.preset === 'string' ? query.preset : undefined;
    if (presetId !== undefined) {
      const preset = findPreset(presetId);
      if (!preset) {
        return reply
          .status(404)
          .send({ error: 'unknown_preset', message: 'no such preset', request_id: request.id });
      }
      return normalizeStyle(Object.fromEntries(new URLSearchParams(preset.query)));
    }
    return normalizeStyle(styleQuery(query));
  });

  const thumbs = new LRUCache<string, { bytes: Buffer; type: string }>({
    maxSize: THUMB_CACHE_BYTES,
    sizeCalculation: (entry) => entry.bytes.length || 1,
  });
  app.get('/configurator/thumb/:file', { schema: { hide: true } }, async (request, reply) => {
    // Same gate as /search, whose results these are.
    if (!deps.config.PRESET_ENABLED) {
      requireOperator(deps.config, (request.query as Record<string, unknown>).access_key);
    }
    const file = (request.params as { file?: string }).file ?? '';
    if (!THUMB_FILE.test(file)) {
      return reply
        .status(400)
        .send({ error: 'invalid_file', message: 'not a TMDB image name', request_id: request.id });
    }
    let entry = thumbs.get(file);
    if (!entry) {
      const url = deps.facts.tmdb.imageUrl(`/${file}`, THUMB_SIZE);
      let bytes: Buffer | null = null;
      try {
        bytes = url ? await deps.facts.tmdb.image(url) : null;
      } catch {
        bytes = null;
      }
      const type = bytes && bytes.length <= MAX_THUMB_BYTES ? imageType(bytes) : null;
      if (!bytes || !type) {
        reply.header('cache-control', 'no-store');
        return reply
          .status(404)
          .send({ error: 'no_image', message: 'no such thumbnail', request_id: request.id });
      }
      entry = { bytes, type };
      thumbs.set(file, entry);
    }
    reply.header('cache-control', 'private, max-age=86400');
    reply.header('x-content-type-options', 'nosniff');
    return reply.type(entry.type).send(entry.bytes);
  });

  app.get('/configurator/presets', { schema: { hide: true } }, async (request, reply) => {
    // The looks themselves are public (/p), but this list feeds the unlocked page: same gate as /poster.
    requireOperator(deps.config, (request.query as Record<string, unknown>).access_key);
    reply.header('cache-control', 'no-store');
    return {
      presets: presetCatalogue().map((preset) => ({
        id: preset.id,
        name: preset.name,
        description: preset.description,
        query: normalizeStyle(Object.fromEntries(new URLSearchParams(preset.query))).query,
      })),
    };
  });
}
