import { createInProcessCoordinator } from '../../src/adapters/coordination/inprocess.ts';
import { openSqliteStorage } from '../../src/adapters/storage/sqlite.ts';
import { createFacts } from '../../src/app/facts.ts';
import { loadConfig } from '../../src/config/load.ts';
import { startFakeUpstream } from '../../src/demo/index.ts';
import type { UpstreamEndpoints } from '../../src/upstream/endpoints.ts';

/** The facts side wired exactly as in production, against the fake upstream, on in-memory backends. */
export async function startFactsHarness(env: Record<string, string> = {}) {
  const fake = await startFakeUpstream({ port: 0 });
  const config = loadConfig(env);
  const storage = await openSqliteStorage({ path: ':memory:' });
  const coordinator = createInProcessCoordinator();
  const upstream: UpstreamEndpoints = {
    demo: true,
    tmdbApiKey: 'test-tmdb-key',
    tmdbApiBase: fake.urls.tmdbApiBase,
    tmdbImageBase: fake.urls.tmdbImageBase,
    mdblistApiKeys: ['test-mdblist-key'],
    mdblistApiBase: fake.urls.mdblistApiBase,
    aiostreamsUrl: '',
    scraperUrl: fake.urls.scraperUrl,
    arcticShiftBase: fake.urls.arcticShiftBase,
    metahubBase: fake.urls.metahubBase,
  };
  const facts = await createFacts(config, upstream, { storage, coordinator });
  return {
    fake,
    config,
    storage,
    coordinator,
    facts,
    async close() {
      await facts.close();
      await coordinator.close();
      await storage.close();
      await fake.close();
    },
  };
}
