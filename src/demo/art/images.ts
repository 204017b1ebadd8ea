/**
 * The TMDB image CDN imitation, mounted at `/tmdb-images/t/p`: `/{size}/{file}` where size is `original`,
 * `w{N}` or `h{N}`. Originals are drawn once and kept in a byte-bounded LRU with the resized variants;
 * concurrent requests for the same bytes share one rendering.
 */
import { LRUCache } from 'lru-cache';
import sharp from 'sharp';

// The fake upstream imports nothing of the service (test/unit/layers.test.ts), so it sets libvips'
// process-wide cache itself, as src/render/sharp.ts does: every image it makes is new.
sharp.cache(false);

import { bytes, json, type Reply, type RouteRequest } from '../http.ts';
import { type ArtAsset, registry as defaultRegistry, type Registry } from '../registry.ts';
import { renderOriginal } from './draw.ts';

const SIZE = /^(original|w(\d{2,4})|h(\d{2,4}))$/;
const MAX_EDGE = 4000;

function notFound(): Reply {
  return json(404, {
    success: false,
    status_code: 34,
    status_message: 'The resource you requested could not be found.',
  });
}

export class ImageService {
  readonly #registry: Registry;
  readonly #cache: LRUCache<string, Buffer>;
  readonly #pending = new Map<string, Promise<Buffer>>();

  constructor(registry: Registry = defaultRegistry, maxBytes = 96 * 1024 * 1024) {
    this.#registry = registry;
    this.#cache = new LRUCache<string, Buffer>({
      maxSize: maxBytes,
      sizeCalculation: (value) => value.length,
    });
  }

  async route(request: RouteRequest): Promise<Reply> {
    const match = /^\/([^/]+)(\/[^/]+)$/.exec(request.path);
    if (!match) return notFound();
    const size = SIZE.exec(match[1]!);
    const asset = this.#registry.file(match[2]!);
    if (!size || !asset) return notFound();
    const width = size[2] === undefined ? undefined : Number(size[2]);
    const height = size[3] === undefined ? undefined : Number(size[3]);
    if ((width ?? 1) < 1 || (width ?? 0) > MAX_EDGE || (height ?? 1) < 1 || (height ?? 0) > MAX_EDGE)
      return notFound();
    const body = await this.bytes(asset, width, height);
    return {
      ...bytes(200, body, asset.format === 'png' ? 'image/png' : 'image/jpeg', {
        'cache-control': 'public, max-age=31536000, immutable',
        etag: `"${asset.file.slice(1, 11)}-${width ?? 'w'}-${height ?? 'h'}"`,
      }),
      image: true,
    };
  }

  /** The encoded bytes of an asset at a size (undefined = original). */
  async bytes(asset: ArtAsset, width?: number, height?: number): Promise<Buffer> {
    const key = `${asset.file}|${width ?? ''}|${height ?? ''}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#produce(asset, width, height).finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    const value = await pending;
    this.#cache.set(key, value);
    return value;
  }

  async #produce(asset: ArtAsset, width?: number, height?: number): Promise<Buffer> {
    if (width === undefined && height === undefined) return renderOriginal(asset);
    const original = await this.bytes(asset);
    // The corrupt poster stays corrupt at every size; TMDB never upscales.
    if (asset.data.corrupt) return original;
    const resized = sharp(original).resize({ width, height, withoutEnlargement: true });
    return asset.format === 'png'
      ? resized.png().toBuffer()
      : resized.jpeg({ quality: 86, mozjpeg: true }).toBuffer();
  }
}
