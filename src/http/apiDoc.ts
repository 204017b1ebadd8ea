/**
 * docs/API.md from the OpenAPI document the routes declare (/openapi.json) plus the poster parameter
 * table: `npx node scripts/api-docs.ts` writes it, test/integration/apiDocs.test.ts fails on drift.
 *
 * The document is built from a server with inert dependencies: route registration must not touch a
 * backend (the OpenAPI plugin only reads the schemas), so documenting needs no database and no network.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config/load.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { paramDefaults } from '../poster/params.ts';
import type { AppDeps } from './deps.ts';
import { ERROR_CODES } from './errorCodes.ts';
import { buildServer } from './server.ts';

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  format?: string;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; description?: string; version: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
}

/** Any property read on an inert dependency is a registration-time use of a backend: a bug here. */
function inert(name: string): never {
  return new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(`documenting the API touched deps.${name}.${String(property)}`);
      },
    },
  ) as never;
}

export async function openApiDocument(): Promise<OpenApiDocument> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const deps = new Proxy(
    {
      config: loadConfig({ LOG_REQUESTS: 'false' }),
      logger: createLogger({ format: 'json', level: 'silent', secrets: [], destination: silent }),
      metrics: createMetrics(),
    } as Partial<AppDeps>,
    {
      get: (target, property: string) =>
        property in target ? target[property as keyof AppDeps] : inert(property),
    },
  ) as AppDeps;
  const app: FastifyInstance = await buildServer(deps);
  try {
    return app.swagger() as unknown as OpenApiDocument;
  } finally {
    await app.close();
  }
}

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();

function typeOf(schema: Schema | undefined): string {
  if (!schema) return '';
  const base = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? '');
  const parts = [base];
  if (schema.enum) parts.push(`one of ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}`);
  if (schema.pattern) parts.push(`pattern \`${schema.pattern}\``);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    parts.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} chars`);
  }
  return parts.filter(Boolean).join(', ');
}

const STYLE_NAMES = new Set(paramDefaults().map((row) => row.name));

function parametersSection(path: string, operation: Operation): string[] {
  const all = operation.parameters ?? [];
  // /poster's style parameters have their own reference; listed compactly below the transport ones.
  const style = path === '/poster' ? all.filter((p) => p.in === 'query' && STYLE_NAMES.has(p.name)) : [];
  const rest = all.filter((p) => !style.includes(p));
  const out: string[] = [];
  if (rest.length === 0 && style.length === 0) return ['No parameters.', ''];
  if (rest.length > 0) {
    out.push('| Parameter | In | Type | Required | Description |', '|---|---|---|---|---|');
    for (const p of [...rest].sort((a, b) => Number(b.in === 'path') - Number(a.in === 'path'))) {
      out.push(
        `| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema))} | ${p.required ? 'yes' : 'no'} | ${cell(p.description)} |`,
      );
    }
    out.push('');
  }
  if (style.length > 0) {
    const rows = paramDefaults().filter((row) => style.some((p) => p.name === row.name));
    out.push(
      `Style parameters (${rows.length}; all optional, lenient, clamped — full reference in [PARAMETERS.md](PARAMETERS.md)):`,
      '',
      '| Parameter | Kind | Default |',
      '|---|---|---|',
      ...rows.map(
        (row) =>
          `| \`${row.name}\` | ${row.kind} | ${row.default === '' ? '—' : `\`${cell(row.default)}\``} |`,
      ),
      '',
    );
  }
  return out;
}

function responsesSection(operation: Operation): string[] {
  const responses = Object.entries(operation.responses ?? {});
  const out = ['| Status | Content | Meaning |', '|---|---|---|'];
  for (const [status, response] of responses) {
    const types = Object.keys(response.content ?? {}).map((type) => `\`${type}\``);
    out.push(`| ${status} | ${types.join(', ') || '—'} | ${cell(response.description)} |`);
  }
  return [...out, ''];
}

/** The error-code table rows (src/http/errorCodes.ts): the transport refusals, or the routes' codes. */
function errorRows(transport: boolean): string[] {
  const rows = ERROR_CODES.filter((entry) => (entry.transport ?? false) === transport);
  return [
    '| Status | `error` | When |',
    '|---|---|---|',
    ...rows
      .toSorted((a, b) => a.status - b.status)
      .map(
        (entry) =>
          `| ${entry.status} | \`${entry.code}\` | ${cell(entry.meaning)}${entry.retryAfter ? ' (Retry-After)' : ''} |`,
      ),
  ];
}

const ANCHOR = (method: string, path: string) =>
  `${method}-${path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function renderApiDoc(doc: OpenApiDocument): string {
  const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
  routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  const lines = [
    '# HTTP API',
    '',
    '<!-- Generated by `npx node scripts/api-docs.ts` from the route schemas (served as /openapi.json) and the poster parameter table: edit those, not this file. -->',
    '',
    doc.info.description ?? '',
    '',
    'Every error is JSON `{"error": code, "message": text, "request_id": id}` (the `x-request-id` header',
    'carries the same id); no response ever echoes `tmdb_key`, `mdblist_key` or `access_key`. Bad input of',
    'any kind is a 4xx or a fallback poster, never a 500. Every GET also answers HEAD (same headers, no body).',
    '',
    '## Errors before any route',
    '',
    'Refusals made by the HTTP layer itself have the same body and header. Malformed requests also close',
    'the connection; their request line is never repeated or logged.',
    '',
    ...errorRows(true),
    '',
    'During a shutdown every answer carries `Connection: close`; requests already on an open connection are',
    'still served, never refused with a 503 (see docs/OPERATIONS.md, Shutdown).',
    '',
    '## Errors from the routes',
    '',
    'Codes clients may branch on (never renamed). Answers marked Retry-After carry that header in seconds.',
    '',
    ...errorRows(false),
    '',
    '## Access rules',
    '',
    '| PRESET_ENABLED | ACCESS_KEY | Operator endpoints (/poster, /logo, /stats) | /p | /server-caps | /search, /resolve-imdb |',
    '|---|---|---|---|---|---|',
    '| false | unset | open | 404 | open | open, `anonymous` throttle |',
    '| false | set | `access_key` required (403) | 404 | `access_key` required | `access_key` required |',
    '| true | unset | closed (403) | anonymous | anonymous | anonymous, `anonymous` throttle |',
    '| true | set | `access_key` required (403) | anonymous | anonymous | anonymous, `anonymous` throttle |',
    '',
    'A client can tell which row it is in before trying: `/server-caps` says `access_key_valid` (the operator',
    'endpoints accept this caller) and `access_key_required` (ACCESS_KEY is set and this caller did not give it).',
    '',
    'Rate limits (429 + `Retry-After`): a caller’s own `tmdb_key` (or `mdblist_key`) is its own bucket at',
    'RATE_LIMIT_RPS; otherwise `/poster` and `/logo` share `operator`, `/p` shares `preset` (both RATE_LIMIT_RPS),',
    'and keyless `/search` / `/resolve-imdb` calls share `anonymous` at ANONYMOUS_TMDB_RPS (a valid access_key',
    'gets the operator’s bucket at RATE_LIMIT_RPS).',
    '',
    '## Routes',
    '',
    '| Method | Path | Summary |',
    '|---|---|---|',
    ...routes.map(
      ({ path, method, operation }) =>
        `| ${method} | [\`${path}\`](#${ANCHOR(method, path)}) | ${cell(operation.summary ?? '(no schema declared)')} |`,
    ),
    '',
  ];
  for (const { path, method, operation } of routes) {
    lines.push(`### ${method} ${path}`, '');
    lines.push(`<a id="${ANCHOR(method, path)}"></a>`, '');
    if (operation.summary) lines.push(`**${operation.summary}**`, '');
    if (operation.description) lines.push(operation.description, '');
    if (operation.tags?.length) lines.push(`Group: ${operation.tags.join(', ')}.`, '');
    lines.push('Parameters:', '', ...parametersSection(path, operation));
    lines.push('Responses:', '', ...responsesSection(operation));
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
