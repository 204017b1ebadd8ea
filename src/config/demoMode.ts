/**
 * Whether this process serves the built-in offline catalogue (demo mode) or real titles, decided once from
 * config. Pure.
 *
 * Demo posters are synthetic. On the embedded single-box defaults that is a harmless first look; on a
 * shared database, Redis or bucket it would fill caches every replica serves from, under week-long
 * lifetimes, because one secret was forgotten. So demo mode never runs next to a hosted backend, and
 * DEMO_MODE=off turns a missing key into a refusal to start everywhere (the image, compose and k8s set it).
 *
 *   auto (default)  no TMDB_API_KEY → demo, unless a hosted backend is configured (then refuse)
 *   off             no TMDB_API_KEY → refuse
 *   on              demo even when a key is set (an offline showcase or test box), but never with a
 *                   hosted backend
 */
import type { Config } from './schema.ts';

type DemoInputs = Pick<
  Config,
  'DEMO_MODE' | 'TMDB_API_KEY' | 'DATABASE_URL' | 'REDIS_URL' | 'OBJECT_STORE_URL'
>;

export type DemoDecision = { ok: true; demo: boolean } | { ok: false; message: string };

/** The hosted backends that are configured, by variable name. */
function hostedBackends(config: DemoInputs): string[] {
  return (['DATABASE_URL', 'REDIS_URL', 'OBJECT_STORE_URL'] as const).filter((name) => config[name] !== '');
}

export function demoDecision(config: DemoInputs): DemoDecision {
  const hosted = hostedBackends(config);
  const hasKey = config.TMDB_API_KEY !== '';
  if (config.DEMO_MODE === 'on') {
    if (hosted.length === 0) return { ok: true, demo: true };
    return {
      ok: false,
      message: `DEMO_MODE=on refuses hosted backends (${hosted.join(', ')} set): demo posters never go to shared storage; set TMDB_API_KEY and DEMO_MODE=off for real posters`,
    };
  }
  if (hasKey) return { ok: true, demo: false };
  if (hosted.length > 0) {
    return {
      ok: false,
      message: `TMDB_API_KEY is not set while ${hosted.join(', ')} ${hosted.length > 1 ? 'are' : 'is'} set: refusing to start rather than fill shared backends with demo posters; set TMDB_API_KEY`,
    };
  }
  if (config.DEMO_MODE === 'off') {
    return {
      ok: false,
      message:
        'TMDB_API_KEY is not set and DEMO_MODE=off: set TMDB_API_KEY (or DEMO_MODE=auto to try the offline demo catalogue)',
    };
  }
  return { ok: true, demo: true };
}

/** True when posters come from the offline catalogue (a refused configuration never gets this far). */
export function isDemo(config: DemoInputs): boolean {
  const decision = demoDecision(config);
  return decision.ok && decision.demo;
}
