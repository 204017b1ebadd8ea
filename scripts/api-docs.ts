/** Regenerates docs/API.md from the route schemas and the parameter table (`npx node scripts/api-docs.ts`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { openApiDocument, renderApiDoc } from '../src/http/apiDoc.ts';

const docs = new URL('../docs/', import.meta.url);
mkdirSync(docs, { recursive: true });
writeFileSync(new URL('API.md', docs), renderApiDoc(await openApiDocument()));
console.log('docs/API.md regenerated');
