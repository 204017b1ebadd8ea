import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, openApiDocument, renderApiDoc } from '../../src/http/apiDoc.ts';
import { POSTER_TRANSPORT_DOCS } from '../../src/http/routes/posterSchema.ts';
import { POSTER_PARAMS, TRANSPORT_PARAMS } from '../../src/poster/params.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';

/** Routes of the poster service proper: each must say what it does and how it fails. */
const DOCUMENTED = [
  '/poster',
  '/p/{preset}/{type}/{imdb_id}',
  '/logo',
  '/server-caps',
  '/search',
  '/resolve-imdb',
  '/live',
  '/health',
  '/ready',
  '/openapi.json',
];

describe('OpenAPI document and docs/API.md', () => {
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let served: OpenApiDocument;
  beforeAll(async () => {
    app = await startInProcessApp();
    const response = await app.get('/openapi.json');
    expect(response.status).toBe(200);
    served = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => app.close());

  it('/openapi.json is an OpenAPI 3 document of every route, independent of configuration', async () => {
    expect(served.openapi).toMatch(/^3\./);
    expect(served).toEqual(await openApiDocument());
    for (const path of DOCUMENTED) {
      const operation = served.paths[path]?.get;
      expect(operation?.summary, path).toBeTruthy();
      expect(Object.keys(operation?.responses ?? {}), path).toContain('200');
    }
  });

  it('the /poster schema names every style and transport parameter, and stays permissive', () => {
    const names = (served.paths['/poster']?.get?.parameters ?? []).map((parameter) => parameter.name);
    for (const spec of POSTER_PARAMS) expect(names).toContain(spec.name);
    for (const name of TRANSPORT_PARAMS) expect(names).toContain(name);
    expect(Object.keys(POSTER_TRANSPORT_DOCS).sort()).toEqual([...TRANSPORT_PARAMS].sort());
  });

  it('lenient parsing survives the schemas: repeated, unknown and odd parameters never 400 on their own', async () => {
    const response = await app.get(
      '/poster?imdb_id=tt0111161&imdb_id=tt0068646&type=movie&type=tv&rating_display_mode=abc&rating_display_mode=2&badge_height=-5&unknown_param=1&shape=',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
  });

  it('docs/API.md matches the routes (run `npx node scripts/api-docs.ts` after changing a schema)', async () => {
    const committed = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderApiDoc(await openApiDocument()));
    for (const path of DOCUMENTED) expect(committed).toContain(`### GET ${path}`);
    for (const spec of POSTER_PARAMS) expect(committed).toContain(`| \`${spec.name}\` |`);
  });
});
