import { describe, expect, it } from 'vitest';
import { demoDecision, isDemo } from '../../src/config/demoMode.ts';
import { loadConfig } from '../../src/config/load.ts';

const decide = (env: Record<string, string>) => demoDecision(loadConfig(env));

describe('demo mode decision (config/demoMode.ts)', () => {
  it('auto: no key on the embedded defaults → demo; a key → real', () => {
    expect(decide({})).toEqual({ ok: true, demo: true });
    expect(decide({ TMDB_API_KEY: 'k'.repeat(32) })).toEqual({ ok: true, demo: false });
  });

  it.each(['DATABASE_URL', 'REDIS_URL', 'OBJECT_STORE_URL'])(
    'auto: no key with %s set → refuses, in one line naming TMDB_API_KEY and the backend',
    (name) => {
      const url = {
        DATABASE_URL: 'postgresql://u:secretpw@db/posters',
        REDIS_URL: 'redis://:secretpw@cache:6379',
        OBJECT_STORE_URL: 's3://bucket?endpoint=http://minio:9000',
      }[name]!;
      const decision = decide({ [name]: url });
      expect(decision.ok).toBe(false);
      if (decision.ok) return;
      expect(decision.message).toContain('TMDB_API_KEY');
      expect(decision.message).toContain(name);
      expect(decision.message).not.toContain('secretpw');
      expect(decision.message).not.toContain('\n');
    },
  );

  it('off: no key → refuses even on a single box; with a key → real', () => {
    const refused = decide({ DEMO_MODE: 'off' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('TMDB_API_KEY');
    expect(decide({ DEMO_MODE: 'off', TMDB_API_KEY: 'key' })).toEqual({ ok: true, demo: false });
  });

  it('on: demo even with a key, but never next to a hosted backend', () => {
    expect(decide({ DEMO_MODE: 'on', TMDB_API_KEY: 'key' })).toEqual({ ok: true, demo: true });
    expect(decide({ DEMO_MODE: 'on', REDIS_URL: 'redis://cache:6379' }).ok).toBe(false);
    expect(isDemo(loadConfig({ DEMO_MODE: 'on', TMDB_API_KEY: 'key' }))).toBe(true);
  });
});
