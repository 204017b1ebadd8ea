import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Errors fastify's router raises before any route or hook runs — a path that is not valid
 * percent-encoding, a path segment longer than maxParamLength — answered in our error shape instead of
 * fastify's, and without repeating the offending path.
 */
export function frameworkErrorReply(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  reply
    .header('x-request-id', request.id)
    .status(tooLong ? 414 : 400)
    .send({
      error: tooLong ? 'uri_too_long' : 'bad_url',
      message: tooLong ? 'a path segment is too long' : 'the URL path is not valid percent-encoding',
      request_id: request.id,
    });
}
