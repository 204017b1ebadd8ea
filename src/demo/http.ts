/** Reply values produced by the route modules, and small helpers shared by them. */

export type ServiceName = 'tmdb' | 'images' | 'mdblist' | 'addon' | 'aiostreams' | 'arctic' | 'metahub';

export const SERVICES: readonly ServiceName[] = [
  'tmdb',
  'images',
  'mdblist',
  'addon',
  'aiostreams',
  'arctic',
  'metahub',
];

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Marks image bytes (the brokenImage fault truncates only these). */
  image?: boolean;
}

export interface RouteRequest {
  method: string;
  /** Path below the service mount, e.g. '/movie/550' for `/tmdb/3/movie/550`. */
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The fake's clock, read once per request. */
  now: Date;
  /** Absolute origin of the fake (http://127.0.0.1:port), for URLs inside bodies. */
  origin: string;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
    body: Buffer.from(JSON.stringify(value)),
  };
}

export function bytes(
  status: number,
  body: Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { 'content-type': contentType, ...headers }, body };
}

/** A proxy-style HTML error page (what a CDN in front of an API sends for 502). */
export function htmlError(status: number, reason: string): Reply {
  const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'content-type': 'text/html' }, body: Buffer.from(body) };
}

/** A positive integer from a query value, or the fallback; NaN-safe. */
export function intParam(value: string | null, fallback: number): number {
  if (value === null || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) ? n : Number.NaN;
}

/** A plain numeric id (TMDB also accepts slugs such as '550-fight-club': the leading digits count). */
export function numericId(segment: string | undefined): number | null {
  if (segment === undefined) return null;
  const match = /^(\d{1,9})(?:-[\w-]*)?$/.exec(segment);
  return match ? Number(match[1]) : null;
}

export function headerValue(headers: RouteRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
