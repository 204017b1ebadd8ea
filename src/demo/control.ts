/**
 * The fault switch from outside the process: a small JSON API on the fake upstream, so a person can
 * make MDBList hang or TMDB answer 503 while the service runs (`npm run demo:fault`). Loopback callers
 * only: the fake may be bound to every interface (src/demo/cli.ts --host), and nobody else should be
 * able to break a demo.
 *
 *   GET    /_control/faults             every service's rule
 *   POST   /_control/faults/{service}   merge a JSON FaultRule into that service's rule
 *   DELETE /_control/faults/{service}   clear one rule;  DELETE /_control/faults  clear all
 */
import type { FaultController, FaultRule } from './faults.ts';
import { json, type Reply, SERVICES, type ServiceName } from './http.ts';

export const CONTROL_PREFIX = '/_control';

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 form. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

const NUMBER_FIELDS = ['latencyMs', 'status', 'rateLimit', 'failNext', 'failStatus'] as const;
const BOOLEAN_FIELDS = ['hang', 'drop', 'brokenImage', 'brokenJson'] as const;
const LIMITS: Record<(typeof NUMBER_FIELDS)[number], [number, number]> = {
  latencyMs: [0, 600_000],
  status: [100, 599],
  rateLimit: [0, 86_400],
  failNext: [0, 1_000_000],
  failStatus: [100, 599],
};

/** A FaultRule from untrusted JSON, or the reason it is not one. */
export function parseRule(value: unknown): FaultRule | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  const rule: Record<string, number | boolean> = {};
  for (const [key, field] of Object.entries(value)) {
    if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      const [min, max] = LIMITS[key as (typeof NUMBER_FIELDS)[number]];
      if (!Number.isInteger(field) || (field as number) < min || (field as number) > max)
        return `${key} must be an integer from ${min} to ${max}`;
      rule[key] = field as number;
    } else if ((BOOLEAN_FIELDS as readonly string[]).includes(key)) {
      if (typeof field !== 'boolean') return `${key} must be true or false`;
      rule[key] = field;
    } else {
      return `unknown field ${key} (known: ${[...NUMBER_FIELDS, ...BOOLEAN_FIELDS].join(', ')})`;
    }
  }
  return rule as FaultRule;
}

export interface ControlRequest {
  method: string;
  /** Path below CONTROL_PREFIX, e.g. '/faults/mdblist'. */
  path: string;
  remoteAddress: string | undefined;
  body: string;
}

function allRules(faults: FaultController): Record<string, FaultRule> {
  return Object.fromEntries(SERVICES.map((service) => [service, faults.rule(service)]));
}

export function controlRoute(request: ControlRequest, faults: FaultController): Reply {
  if (!isLoopback(request.remoteAddress))
    return json(403, { error: 'the fault switch answers loopback callers only' });
  const match = /^\/faults(?:\/([a-z_]+))?\/?$/.exec(request.path);
  if (!match)
    return json(404, { error: 'Not found', routes: ['/_control/faults', '/_control/faults/{service}'] });
  const name = match[1];
  if (name !== undefined && !(SERVICES as readonly string[]).includes(name))
    return json(404, { error: `unknown service ${name}`, services: SERVICES });
  const service = name as ServiceName | undefined;

  if (request.method === 'GET' || request.method === 'HEAD')
    return json(200, service ? { [service]: faults.rule(service) } : allRules(faults));
  if (request.method === 'DELETE') {
    faults.reset(service);
    return json(200, allRules(faults));
  }
  if (request.method === 'POST' && service) {
    let body: unknown;
    try {
      body = JSON.parse(request.body || '{}');
    } catch {
      return json(400, { error: 'body must be JSON' });
    }
    const rule = parseRule(body);
    if (typeof rule === 'string') return json(400, { error: rule });
    faults.update(service, rule);
    return json(200, { [service]: faults.rule(service) });
  }
  return {
    ...json(405, { error: 'Method not allowed' }),
    headers: { 'content-type': 'application/json;charset=utf-8', allow: 'GET, POST, DELETE' },
  };
}
