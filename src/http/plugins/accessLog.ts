import type { FastifyInstance } from 'fastify';

/**
 * One line per request after the response: method, path (query redacted by the logger's line hook),
 * route pattern, status, duration. Replaces fastify's two-line default.
 */
export function registerAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 10) / 10,
        cache: reply.getHeader('x-cache'),
      },
      'request',
    );
  });
}
