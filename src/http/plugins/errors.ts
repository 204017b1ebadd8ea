import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, httpErrorOf } from '../errors.ts';

/** Maps errors to JSON bodies `{error, message, request_id}`; never echoes internals or input. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) {
      const answer = httpErrorOf(error);
      reply.headers(answer.headers);
      return reply.status(answer.status).send({ ...answer.body, request_id: request.id });
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (bad JSON body, unsupported media type, …): its message names no secret.
      return reply
        .status(status)
        .send({ error: 'bad_request', message: error.message, request_id: request.id });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: 'internal error', request_id: request.id });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'not_found', message: 'no such route', request_id: request.id }),
  );
}
