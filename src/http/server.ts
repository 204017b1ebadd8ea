import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { AppDeps } from './deps.ts';
import { badRequest } from './errors.ts';
import { registerAccessLog } from './plugins/accessLog.ts';
import { registerDrain } from './plugins/drain.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { frameworkErrorReply } from './plugins/frameworkErrors.ts';
import { registerHttpMetrics } from './plugins/httpMetrics.ts';
import { collectGetRoutes, registerMethodNotAllowed } from './plugins/methodNotAllowed.ts';
import { createRawRefusals } from './plugins/rawRefusals.ts';
import { requestIdFrom } from './plugins/requestId.ts';
import { registerCapsRoute } from './routes/caps.ts';
import { registerConfiguratorRoutes } from './routes/configurator.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerLogoRoute } from './routes/logo.ts';
import { registerMetricsRoute } from './routes/metrics.ts';
import { registerOpenApi, registerOpenApiRoute } from './routes/openapi.ts';
import { registerPosterRoute } from './routes/poster.ts';
import { registerPresetRoute } from './routes/preset.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerStatsRoute } from './routes/stats.ts';

/** Builds the fastify instance with every plugin and route; does not listen. */
export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const refusals = createRawRefusals({
    logger: deps.logger,
    metrics: deps.metrics,
    logRequests: deps.config.LOG_REQUESTS,
  });
  const app: FastifyInstance = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only widens the generic so routes use the default type.
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Fastify's two lines per request are replaced by our one (plugins/accessLog.ts).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    genReqId: requestIdFrom,
    bodyLimit: 64 * 1024,
    // During the drain, requests on connections already open are served (each answer closes its
    // connection: plugins/drain.ts) rather than refused with fastify's own 503 body.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // Node would answer a Host-less HTTP/1.1 request with an empty 400; the onRequest hook answers it
    // in our error shape instead.
    http: { requireHostHeader: false },
    // Malformed request lines, headers over 16 KB, request timeouts: our error shape, with an id.
    clientErrorHandler: refusals.onClientError,
    // Long query strings are normal for poster URLs; absurd path segments are not.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Router-level refusals (bad percent-encoding, overlong segments) in our error shape too.
    frameworkErrors: frameworkErrorReply,
  });

  refusals.attach(app.server);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      throw badRequest('missing_host', 'an HTTP/1.1 request needs a Host header');
    }
  });
  registerErrorHandling(app);
  registerDrain(app);
  if (deps.config.LOG_REQUESTS) registerAccessLog(app);
  registerHttpMetrics(app, deps.metrics);
  const routes = collectGetRoutes(app);
  // Before any route: the OpenAPI plugin collects routes as they are added.
  await registerOpenApi(app);
  registerMetricsRoute(app, deps);
  registerStatsRoute(app, deps);
  registerHealthRoutes(app, deps);
  registerPosterRoute(app, deps, deps.posters);
  registerPresetRoute(app, deps);
  registerLogoRoute(app, deps);
  registerCapsRoute(app, deps);
  registerSearchRoutes(app, deps);
  registerConfiguratorRoutes(app, deps);
  registerOpenApiRoute(app);
  // Last: answers 405 on every path registered above.
  registerMethodNotAllowed(app, routes);

  await app.ready();
  return app;
}
