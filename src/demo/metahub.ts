/**
 * Metahub's logo CDN (`https://images.metahub.space/logo/{small|medium|large}/{imdb_id}/img`), mounted
 * at `/metahub`: a PNG wordmark for every catalogue title by IMDb id, 404 for any other id — the last
 * logo source before the poster draws its title as text.
 */
import type { ImageService } from './art/images.ts';
import type { Reply, RouteRequest } from './http.ts';
import type { Registry } from './registry.ts';

const LOGO_PATH = /^\/logo\/(small|medium|large)\/(tt\d{1,10})\/img$/;
const WIDTH = { small: 300, medium: 500, large: 1000 } as const;

const notFound = (): Reply => ({
  status: 404,
  headers: { 'content-type': 'text/plain' },
  body: Buffer.from('Not Found'),
});

export async function metahubRoute(
  request: RouteRequest,
  registry: Registry,
  images: ImageService,
): Promise<Reply> {
  const match = LOGO_PATH.exec(request.path);
  const title = match ? registry.byAnyImdb(match[2]!) : undefined;
  if (!match || !title) return notFound();
  const body = await images.bytes(registry.metahubLogo(title), WIDTH[match[1] as keyof typeof WIDTH]);
  return {
    status: 200,
    headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' },
    body,
    image: true,
  };
}
