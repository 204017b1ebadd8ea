import type { FastifyInstance, HTTPMethods } from 'fastify';

/** Every route serves GET (and HEAD); these are the methods a client could still try on one of them. */
const OTHER_METHODS: HTTPMethods[] = ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Records the URL pattern of every GET route registered from now on. Call before the routes. */
export function collectGetRoutes(app: FastifyInstance): Set<string> {
  const urls = new Set<string>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.includes('GET')) urls.add(route.url);
  });
  return urls;
}

/**
 * A wrong method on a path that exists is a 405 naming the allowed ones (`Allow: GET, HEAD`), not a
 * "no such route" 404 that would send the caller looking for a typo in the path. Call after the routes.
 */
export function registerMethodNotAllowed(app: FastifyInstance, urls: Set<string>): void {
  for (const url of urls) {
    app.route({
      method: OTHER_METHODS,
      url,
      schema: { hide: true },
      // An HTTP-only answer (no use case is involved), written in the one error shape.
      handler: async (request, reply) =>
        reply
          .status(405)
          .header('allow', 'GET, HEAD')
          .send({
            error: 'method_not_allowed',
            message: `${request.method} is not allowed here: use GET or HEAD`,
            request_id: request.id,
          }),
    });
  }
}
