/** Regenerates docs/PARAMETERS.md from the poster parameter table (`npx node scripts/params-docs.ts`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { renderParamsDoc } from '../src/poster/params/docs.ts';

const docs = new URL('../docs/', import.meta.url);
mkdirSync(docs, { recursive: true });
writeFileSync(new URL('PARAMETERS.md', docs), renderParamsDoc());
console.log('docs/PARAMETERS.md regenerated');
