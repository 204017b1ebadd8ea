/**
 * Per-tenant rate limits through the Coordinator (shared by every replica when Redis is configured).
 * A tenant is the first 16 hex of SHA-256 of the caller's own key (so a key never reaches Redis or a
 * metric label), else a shared bucket: `operator` (/poster), `preset` (/p), `anonymous` (TMDB proxies).
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Coordinator } from '../ports/coordinator.ts';
import { rateLimited } from './errors.ts';

export function tenantOf(ownKey: string | undefined, fallback: string): string {
  return ownKey ? createHash('sha256').update(ownKey).digest('hex').slice(0, 16) : fallback;
}

/**
 * Counts the request against its tenant's bucket (429 + Retry-After past the limit). With `request`, the
 * tenant also joins the request's log bindings, so the access log line says whose traffic it was.
 */
export async function enforceRateLimit(
  coordinator: Coordinator,
  bucket: string,
  limitPerSecond: number,
  request?: FastifyRequest,
): Promise<void> {
  if (request) request.log = request.log.child({ tenant: bucket });
  if (limitPerSecond <= 0) return;
  const decision = await coordinator.hitRateLimit(`rl:${bucket}`, limitPerSecond);
  if (!decision.allowed) {
    throw rateLimited(Math.max(1, decision.retryAfterSeconds));
  }
}
