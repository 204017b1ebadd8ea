/** Boot-time adapter choice: the defaults load no hosted driver; hosted drivers load only on demand. */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const HOSTED_DRIVERS = ['pg', 'ioredis', '@aws-sdk/client-s3'];

describe('openStorage / openCoordinator / openBlobStore', () => {
  it('opens the defaults without loading any hosted driver', async () => {
    const script = `
      import { createRequire } from 'node:module';
      import { mkdtempSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      import { openBlobStore, openCoordinator, openStorage } from './src/adapters/open.ts';
      import { loadConfig } from './src/config/load.ts';
      const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'postersplus-open-')) });
      const opened = [await openStorage(config), await openCoordinator(config), await openBlobStore(config)];
      const cache = createRequire(import.meta.url).cache;
      const loaded = Object.keys(cache);
      await import('pg'); // positive control: the probe does see a driver once it is loaded
      const control = Object.keys(cache).filter((file) => file.includes('/node_modules/pg/'));
      console.log(JSON.stringify({ kinds: opened.map((a) => a.kind), loaded, control }));
      for (const adapter of opened) await adapter.close();
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '--eval', script],
      { cwd: root },
    );
    const { kinds, loaded, control } = JSON.parse(stdout) as {
      kinds: string[];
      loaded: string[];
      control: string[];
    };
    expect(kinds).toEqual(['sqlite', 'inprocess', 'local']);
    expect(control.length).toBeGreaterThan(0);
    for (const driver of HOSTED_DRIVERS) {
      expect(loaded.filter((file) => file.includes(`/node_modules/${driver}/`))).toEqual([]);
    }
  });

  it('never imports a hosted driver statically anywhere in src', async () => {
    const files = (await readdir(join(root, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts'));
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(join(root, 'src', file), 'utf8');
      for (const driver of HOSTED_DRIVERS) {
        // `import type` is erased; a value import would load the driver with its module.
        const value = new RegExp(`^import (?!type )[^;]*from '${driver.replace('/', '\\/')}'`, 'm');
        if (value.test(text)) offenders.push(`${file}: ${driver}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
