import type { FastifyInstance } from 'fastify';
import { firstValue, keysMatch } from '../access.ts';
import type { AppDeps } from '../deps.ts';
import { forbidden } from '../errors.ts';

/** Prometheus exposition; with METRICS_ACCESS_KEY set, `?access_key=` must match it (constant time). */
export function registerMetricsRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/metrics', async (request, reply) => {
    const expected = deps.config.METRICS_ACCESS_KEY;
    if (expected && !keysMatch(firstValue((request.query as Record<string, unknown>).access_key), expected)) {
      throw forbidden('a valid access_key is required for /metrics');
    }
    const text = deps.metricsText ? await deps.metricsText() : await deps.metrics.registry.metrics();
    reply.header('cache-control', 'no-store');
    return reply.type(deps.metrics.registry.contentType).send(text);
  });
}
