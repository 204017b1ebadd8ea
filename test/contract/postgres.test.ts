import { afterAll, beforeAll } from 'vitest';
import { openPostgresStorage } from '../../src/adapters/storage/postgres.ts';
import { type PgServer, pgMissing, startPgServer } from '../helpers/pgServer.ts';
import { withServer } from '../helpers/serverGate.ts';
import { describeStorageContract } from './storage.suite.ts';

withServer('PostgreSQL storage contract', pgMissing(), () => {
  let server: PgServer;
  let url: string;
  beforeAll(async () => {
    server = await startPgServer();
    url = await server.createDatabase('contract');
  });
  afterAll(async () => {
    await server?.stop();
  });

  describeStorageContract('postgresql', {
    open: () => openPostgresStorage({ url, poolMin: 1, poolMax: 4 }),
    reopenable: true,
  });
});
