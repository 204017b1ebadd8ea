/**
 * Fault injection per service, so tests can exercise retries, breakers, backoff and fallback art.
 * Rules are checked in this order for every request: drop → hang → latency → failNext → rateLimit →
 * status; broken bodies are applied to the successful reply.
 */
import { SERVICES, type ServiceName } from './http.ts';

export interface FaultRule {
  /** Delay before answering, ms. */
  latencyMs?: number;
  /** Answer every request with this status (500, 502, 503 …) and a service-shaped error body. */
  status?: number;
  /** Answer 429 with `Retry-After: <seconds>`. */
  rateLimit?: number;
  /** Never answer: the request stays open until the client gives up or the server closes. */
  hang?: boolean;
  /** Destroy the socket without an answer (a connection reset). */
  drop?: boolean;
  /** Truncate image bytes (still 200, still image/*). */
  brokenImage?: boolean;
  /** Truncate JSON bodies (still 200, still application/json). */
  brokenJson?: boolean;
  /** Fail the next N requests, then recover. */
  failNext?: number;
  /** Status used by failNext (default 503). */
  failStatus?: number;
}

export type FaultConfig = Partial<Record<ServiceName, FaultRule>>;

export type FaultAction =
  | { type: 'drop' }
  | { type: 'hang' }
  | { type: 'status'; status: number }
  | { type: 'rateLimit'; retryAfter: number };

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction | null;
  brokenImage: boolean;
  brokenJson: boolean;
}

function assertService(service: string): asserts service is ServiceName {
  if (!(SERVICES as readonly string[]).includes(service)) throw new Error(`unknown service: ${service}`);
}

export class FaultController {
  readonly #rules = new Map<ServiceName, FaultRule>();

  constructor(initial: FaultConfig = {}) {
    for (const [service, rule] of Object.entries(initial)) {
      assertService(service);
      if (rule) this.set(service, rule);
    }
  }

  /** Replaces the rule of a service. */
  set(service: ServiceName, rule: FaultRule): this {
    assertService(service);
    this.#rules.set(service, { ...rule });
    return this;
  }

  /** Merges fields into the rule of a service. */
  update(service: ServiceName, patch: FaultRule): this {
    return this.set(service, { ...this.rule(service), ...patch });
  }

  latency(service: ServiceName, ms: number): this {
    return this.update(service, { latencyMs: ms });
  }

  status(service: ServiceName, status: number): this {
    return this.update(service, { status });
  }

  rateLimit(service: ServiceName, retryAfterSeconds: number): this {
    return this.update(service, { rateLimit: retryAfterSeconds });
  }

  hang(service: ServiceName, on = true): this {
    return this.update(service, { hang: on });
  }

  drop(service: ServiceName, on = true): this {
    return this.update(service, { drop: on });
  }

  brokenImage(on = true): this {
    return this.update('images', { brokenImage: on });
  }

  brokenJson(service: ServiceName, on = true): this {
    return this.update(service, { brokenJson: on });
  }

  /** The next `count` requests to the service fail with `status` (default 503), then it recovers. */
  failNext(service: ServiceName, count: number, status = 503): this {
    return this.update(service, { failNext: Math.max(0, Math.floor(count)), failStatus: status });
  }

  /** Clears one service's rule, or every rule. */
  reset(service?: ServiceName): this {
    if (service === undefined) this.#rules.clear();
    else this.#rules.delete(service);
    return this;
  }

  /** A copy of the current rule ({} when none). */
  rule(service: ServiceName): FaultRule {
    return { ...(this.#rules.get(service) ?? {}) };
  }

  /** Decides what happens to one request; consumes a failNext credit. */
  decide(service: ServiceName): FaultDecision {
    const rule = this.#rules.get(service) ?? {};
    const decision: FaultDecision = {
      latencyMs: Math.max(0, rule.latencyMs ?? 0),
      action: null,
      brokenImage: rule.brokenImage === true,
      brokenJson: rule.brokenJson === true,
    };
    if (rule.drop) decision.action = { type: 'drop' };
    else if (rule.hang) decision.action = { type: 'hang' };
    else if ((rule.failNext ?? 0) > 0) {
      rule.failNext = (rule.failNext ?? 0) - 1;
      decision.action = { type: 'status', status: rule.failStatus ?? 503 };
    } else if (rule.rateLimit !== undefined)
      decision.action = { type: 'rateLimit', retryAfter: rule.rateLimit };
    else if (rule.status !== undefined && rule.status !== 200)
      decision.action = { type: 'status', status: rule.status };
    return decision;
  }
}
