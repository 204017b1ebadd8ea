import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { AppDeps } from './deps.ts';
import { registerAccessLog } from './plugins/accessLog.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { frameworkErrorReply } from './plugins/frameworkErrors.ts';
import { registerHttpMetrics } from './plugins/httpMetrics.ts';
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
  const app: FastifyInstance = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only widens the generic so routes use the default type.
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Fastify's two lines per request are replaced by our one (plugins/accessLog.ts).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    genReqId: requestIdFrom,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Long query strings are normal for poster URLs; absurd path segments are not.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Router-level refusals (bad percent-encoding, overlong segments) in our error shape too.
    frameworkErrors: frameworkErrorReply,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(app);
  if (deps.config.LOG_REQUESTS) registerAccessLog(app);
  registerHttpMetrics(app, deps.metrics);
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

  await app.ready();
  return app;
}
