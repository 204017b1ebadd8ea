import { afterAll, beforeAll, expect } from 'vitest';
import { openRedisCoordinator, type RedisCoordinator } from '../../src/adapters/coordination/redis.ts';
import { type RedisServer, redisMissing, startRedisServer } from '../helpers/redisServer.ts';
import { withServer } from '../helpers/serverGate.ts';
import { describeCoordinatorContract } from './coordinator.suite.ts';

withServer('Redis coordinator contract', redisMissing(), () => {
  let server: RedisServer;
  const handles: RedisCoordinator[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.destroy();
    // The in-process fallback would pass most of the suite on its own: prove Redis answered every call.
    expect(handles.length).toBeGreaterThan(20);
    expect(handles.map((handle) => handle.failOpenCount()).filter((n) => n > 0)).toEqual([]);
  });

  describeCoordinatorContract('redis', {
    open: async () => {
      const handle = await openRedisCoordinator({ url: server.url, keyPrefix: 'contract' });
      handles.push(handle);
      return handle;
    },
    reopenable: true,
  });
});
