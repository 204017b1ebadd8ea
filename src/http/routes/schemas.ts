/**
 * Schema pieces shared by the routes. They feed the OpenAPI document (/openapi.json, docs/API.md) and
 * fastify's response serializer; request parsing stays in the handlers (see DOCUMENTED_ONLY).
 */

/** The body of every error answer (plugins/errors.ts). */
export const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'string', description: 'Machine-readable code, e.g. invalid_tmdb_id' },
    message: { type: 'string', description: 'Human-readable reason; never echoes a key' },
    request_id: { type: 'string' },
  },
  required: ['error', 'message', 'request_id'],
} as const;

/** An error response with its meaning, for the route's `response` map. */
export const error = (description: string) => ({ ...errorSchema, description });

/** A binary image answer (the serializer never touches Buffers; this is for the document). */
export const imageResponse = (description: string, types: readonly string[]) => ({
  description,
  content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
});

/** An answer without a body (304, 302). */
export const emptyResponse = (description: string) => ({ type: 'null', description });

export const POSTER_IMAGE_TYPES = ['image/webp', 'image/jpeg'] as const;

/**
 * Route option: the schema documents the request, the handler parses it. Query strings are parsed
 * leniently on purpose (a URL pasted into an addon years ago must still render; a repeated parameter
 * takes its first value; a client's unfilled `{placeholder}` means absent), which JSON-Schema validation
 * with fastify's type coercion would turn into 400s — and every refusal comes from the handler with our
 * own error codes.
 */
export const DOCUMENTED_ONLY = { validatorCompiler: () => () => true } as const;

/** The common 429 answer of rate-limited routes. */
export const rateLimited = error('Rate limit of the caller’s bucket exceeded; see Retry-After');
