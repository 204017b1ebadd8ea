import { describe, expect, it } from 'vitest';
import { checkReadiness, type Probeable } from '../../src/http/readiness.ts';

const ok = (kind: string): Probeable => ({ kind, ping: async () => {} });
const failing = (kind: string): Probeable => ({
  kind,
  ping: async () => {
    throw new Error('down');
  },
});
const hanging = (kind: string): Probeable => ({ kind, ping: () => new Promise(() => {}) });

describe('checkReadiness', () => {
  it('is ok when every backend answers', async () => {
    expect(
      await checkReadiness(
        { storage: ok('sqlite'), coordinator: ok('inprocess'), blobstore: ok('local') },
        500,
      ),
    ).toEqual({
      status: 'ok',
      storage: { kind: 'sqlite', ok: true },
      coordinator: { kind: 'inprocess', ok: true },
      blobstore: { kind: 'local', ok: true },
    });
  });

  it('is degraded with a per-backend breakdown when one fails', async () => {
    const result = await checkReadiness(
      { storage: ok('sqlite'), coordinator: failing('redis'), blobstore: ok('local') },
      500,
    );
    expect(result.status).toBe('degraded');
    expect(result.coordinator).toEqual({ kind: 'redis', ok: false });
    expect(result.storage.ok).toBe(true);
  });

  it('counts a probe that never answers as down instead of waiting for it', async () => {
    const result = await checkReadiness(
      { storage: hanging('postgresql'), coordinator: hanging('redis'), blobstore: ok('local') },
      50,
    );
    expect(result).toMatchObject({ status: 'degraded', storage: { ok: false }, coordinator: { ok: false } });
  });
});
