/** Regenerates the README configuration table and .env.example from the config schema. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderEnvExample, spliceReadme } from '../src/config/docs.ts';

const root = new URL('..', import.meta.url);
const readmePath = new URL('README.md', root);
writeFileSync(readmePath, spliceReadme(readFileSync(readmePath, 'utf8')));
writeFileSync(new URL('.env.example', root), renderEnvExample());
console.log('README.md configuration table and .env.example regenerated');
