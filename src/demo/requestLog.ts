/** A bounded log of recent requests (secrets redacted) plus unbounded per-service counters. */
import type { ServiceName } from './http.ts';

export interface RequestRecord {
  /** ISO timestamp of arrival. */
  at: string;
  method: string;
  /** Path and query as received, with key-like query values replaced by REDACTED. */
  path: string;
  service: ServiceName | null;
  /** Status sent; null while pending, for hung requests and for dropped connections. */
  status: number | null;
  durationMs: number | null;
}

const SECRET_PARAMS = /^(api_?key|apikey|access_?key|key|token|auth|password|secret|mdblist_key|tmdb_key)$/i;

/** Replaces the values of key-like query parameters with REDACTED; never throws. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const pairs = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // keep the raw name
      }
      return eq >= 0 && SECRET_PARAMS.test(name) ? `${rawName}=REDACTED` : pair;
    });
  return `${url.slice(0, mark)}?${pairs.join('&')}`;
}

export class RequestLog {
  readonly #limit: number;
  #records: RequestRecord[] = [];
  readonly #counts = new Map<ServiceName | 'other', number>();

  constructor(limit = 500) {
    this.#limit = Math.max(1, limit);
  }

  /** Records an arrival; the returned record is completed by the server when it answers. */
  start(method: string, url: string, service: ServiceName | null): RequestRecord {
    const record: RequestRecord = {
      at: new Date().toISOString(),
      method,
      path: redactUrl(url.length > 2048 ? `${url.slice(0, 2048)}…` : url),
      service,
      status: null,
      durationMs: null,
    };
    this.#records.push(record);
    if (this.#records.length > this.#limit) this.#records = this.#records.slice(-this.#limit);
    const key = service ?? 'other';
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    return record;
  }

  /** Copies of the recent records, oldest first (optionally one service's). */
  entries(service?: ServiceName): RequestRecord[] {
    return this.#records.filter((r) => service === undefined || r.service === service).map((r) => ({ ...r }));
  }

  /** Requests received since start / the last clear(): for a service, or in total. */
  count(service?: ServiceName): number {
    if (service !== undefined) return this.#counts.get(service) ?? 0;
    let total = 0;
    for (const value of this.#counts.values()) total += value;
    return total;
  }

  /** Requests to one service whose path (below the mount, query excluded) contains `fragment`. */
  countMatching(service: ServiceName, fragment: string): number {
    return this.#records.filter((r) => r.service === service && r.path.split('?')[0]!.includes(fragment))
      .length;
  }

  clear(): void {
    this.#records = [];
    this.#counts.clear();
  }
}
