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
  const liveness = (summary: string) => ({
    summary,
    description: 'Answers while the process serves HTTP; checks no backend.',
    tags: ['probes'],
    response: { 200: { ...okSchema, description: 'Alive' } },
  });
  app.get('/live', { schema: liveness('Liveness probe') }, alive);
  app.get('/health', { schema: liveness('Liveness probe (alias of /live)') }, alive);

  app.get(
    '/ready',
    {
      schema: {
        summary: 'Readiness probe',
        description:
          'Probes storage, coordinator and blob store concurrently, each bounded by READY_PROBE_TIMEOUT_MS.',
        tags: ['probes'],
        response: {
          200: { ...readySchema, description: 'Every backend answered' },
          503: { ...readySchema, description: 'At least one backend is down (per-backend breakdown)' },
        },
      },
    },
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
