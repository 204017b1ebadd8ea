import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { checkReadiness } from '../readiness.ts';

const okSchema = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['ok'] } },
  required: ['status'],
} as const;

const backendSchema = {
  type: 'object',
  properties: { kind: { type: 'string' }, ok: { type: 'boolean' } },
  required: ['kind', 'ok'],
} as const;

const readySchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded'] },
    storage: backendSchema,
    coordinator: backendSchema,
    blobstore: backendSchema,
  },
  required: ['status', 'storage', 'coordinator', 'blobstore'],
} as const;

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const alive = async () => ({ status: 'ok' as const });
  app.get('/live', { schema: { response: { 200: okSchema } } }, alive);
  app.get('/health', { schema: { response: { 200: okSchema } } }, alive);

  app.get(
    '/ready',
    { schema: { response: { 200: readySchema, 503: readySchema } } },
    async (_request, reply) => {
      const readiness = await checkReadiness(
        { storage: deps.storage, coordinator: deps.coordinator, blobstore: deps.blobStore },
        deps.config.READY_PROBE_TIMEOUT_MS,
      );
      reply.header('cache-control', 'no-store');
      return reply.status(readiness.status === 'ok' ? 200 : 503).send(readiness);
    },
  );
}
