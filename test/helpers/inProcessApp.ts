import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type RunningApp, startApp } from '../../src/app/start.ts';
import { loadConfig, secretValues } from '../../src/config/load.ts';
import { createLogger } from '../../src/observability/logger.ts';

/** The whole service in this process (demo mode unless TMDB_API_KEY is given), on a free port. */
export async function startInProcessApp(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'postersplus-app-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env });
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  // The same secret list as production (src/main.ts), so tests see what operators would.
  const logger = createLogger({
    format: 'json',
    level: config.LOG_LEVEL,
    secrets: secretValues(config),
    destination,
  });
  const running: RunningApp = await startApp(config, logger);
  return {
    ...running,
    /** The demo fake upstream (request log, faults); throws when a real TMDB key was configured. */
    get fake() {
      if (!running.demoUpstream) throw new Error('no fake upstream: the app runs against real TMDB');
      return running.demoUpstream;
    },
    config,
    dataDir,
    logs: lines,
    get: (pathAndQuery: string, init?: RequestInit) =>
      fetch(`${running.url}${pathAndQuery}`, { redirect: 'manual', ...init }),
    async close() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
