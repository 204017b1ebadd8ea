/**
 * compose.yaml, parsed and interpolated the way Compose does it (no container engine on these machines):
 * the default service is one hardened container with its data on a named volume and .env support; the
 * `hosted` profile wires PostgreSQL, Redis and MinIO into a replicated app through DATABASE_URL,
 * REDIS_URL and OBJECT_STORE_URL with matching credentials, and its bucket-creating init script really
 * creates that bucket (run here against a recording stand-in for `mc`).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseObjectStoreUrl } from '../../src/adapters/blob/objectStoreUrl.ts';
import { parseRedisUrl } from '../../src/adapters/coordination/redisUrl.ts';
import { renderEnvExample } from '../../src/config/docs.ts';
import { loadConfig } from '../../src/config/load.ts';
import { CONFIG_SCHEMA } from '../../src/config/schema.ts';
import { last, ROOT, readDockerfile, stageEnv } from './dockerfile.ts';

type Service = Record<string, unknown> & {
  image?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  command?: string[];
  entrypoint?: string[];
};
interface ComposeFile {
  name: string;
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const TEXT = readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8');
// Compose reads YAML 1.1 merge keys (<<: *anchor).
const RAW = parse(TEXT, { merge: true }) as ComposeFile;

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, $VAR, and $$ for a literal $. */
function interpolate<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{(\w+)(?:(:?)([-?])([^}]*))?\}|\$(\w+)/g,
      (match, name?: string, colon?: string, op?: string, arg?: string, bare?: string) => {
        if (match === '$$') return '$';
        const key = (name ?? bare) as string;
        const set = key in vars && (colon !== ':' || vars[key] !== '');
        if (set) return vars[key] as string;
        if (op === '?') throw new Error(`required variable ${key} is missing a value`);
        return op === '-' ? (arg ?? '') : '';
      },
    ) as T;
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, vars)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, vars)])) as T;
  }
  return value;
}

/** Every string value (and key) in the file, comments excluded. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

const SECRETS = {
  POSTERS_DB_PASSWORD: 'db0pass0hex',
  POSTERS_REDIS_PASSWORD: 'redis0pass0hex',
  POSTERS_S3_ACCESS_KEY: 'access0key',
  POSTERS_S3_SECRET_KEY: 'secret0key0hex',
};
const compose = interpolate(RAW, SECRETS);
const services = compose.services;
const inDefault = Object.keys(services).filter((name) => !services[name]?.profiles);
const inHosted = Object.keys(services).filter((name) => services[name]?.profiles?.includes('hosted'));
const APP_SERVICES = ['posters', 'posters-hosted'];

const dockerfile = readDockerfile();
const runtime = dockerfile.stages.at(-1);
const imageEnv = runtime ? stageEnv(runtime) : {};

/** `.env` made from `.env.example` as the docs say (cp .env.example .env), read like Compose's env_file. */
function dotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const at = line.indexOf('=');
    out[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return out;
}
const envExample = readFileSync(path.join(ROOT, '.env.example'), 'utf8');

/** What the app process sees: the image's ENV, then env_file (.env), then `environment:` (Compose's order). */
const containerEnv = (service: Service) => ({ ...imageEnv, ...dotenv(envExample), ...service.environment });

const SERVICE_KEYS = new Set([
  'build',
  'image',
  'init',
  'read_only',
  'tmpfs',
  'cap_drop',
  'security_opt',
  'env_file',
  'healthcheck',
  'stop_grace_period',
  'restart',
  'ports',
  'environment',
  'volumes',
  'profiles',
  'deploy',
  'depends_on',
  'command',
  'entrypoint',
  'shm_size',
]);

describe('compose.yaml: shape', () => {
  it('uses only Compose keys this test knows (a typo such as read-only: would silently do nothing)', () => {
    for (const key of Object.keys(RAW))
      expect(['name', 'services', 'volumes'].includes(key) || key.startsWith('x-')).toBe(true);
    for (const [name, service] of Object.entries(services)) {
      for (const key of Object.keys(service)) expect(SERVICE_KEYS.has(key), `${name}.${key}`).toBe(true);
    }
  });

  it('pins every image to a version tag, never latest', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.image, name).toMatch(/^[\w./-]+:[\w.-]+$/);
      expect(service.image, name).not.toMatch(/:latest$/);
    }
  });

  it('hardens both app services: read-only root, tmpfs /tmp, no capabilities, no-new-privileges, an init', () => {
    for (const name of APP_SERVICES) {
      const service = services[name] as Record<string, unknown>;
      expect(service.read_only, name).toBe(true);
      expect(
        (service.tmpfs as string[]).some((mount) => /^\/tmp(:|$)/.test(mount)),
        name,
      ).toBe(true);
      expect(service.cap_drop, name).toEqual(['ALL']);
      expect(service.security_opt, name).toContain('no-new-privileges:true');
      expect(service.init, name).toBe(true);
      expect(service.build, name).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile' });
      expect(existsSync(path.join(ROOT, 'deploy/Dockerfile'))).toBe(true);
      expect(service.image, name).toBe(
        `postersplus:${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}`,
      );
    }
  });

  it("health-checks both app services with the image's own HEALTHCHECK command (Node on /live)", () => {
    const health = runtime ? last(runtime, 'HEALTHCHECK') : undefined;
    const command = JSON.parse(health?.args.replace(/^CMD\s+/, '') ?? '[]') as string[];
    for (const name of APP_SERVICES) {
      const check = services[name]?.healthcheck as { test: string[] };
      expect(check.test, name).toEqual(['CMD', ...command]);
    }
  });

  it('reads settings from an optional .env, whose template .env.example is generated from the config schema', () => {
    expect(envExample).toBe(renderEnvExample());
    for (const name of APP_SERVICES) {
      expect(services[name]?.env_file, name).toEqual([{ path: '.env', required: false }]);
    }
  });
});

describe('compose.yaml: default service', () => {
  it('is one container, the only service without a profile, publishing the app port', () => {
    expect(inDefault).toEqual(['posters']);
    const posters = services.posters as Service & { ports: string[] };
    expect(posters.deploy).toBeUndefined();
    expect(posters.ports).toHaveLength(1);
    expect(posters.ports[0]?.endsWith(`:${imageEnv.PORT}`)).toBe(true);
  });

  it('keeps DATA_DIR on a named volume, even with a .env copied from .env.example (DATA_DIR=./data there)', () => {
    const env = containerEnv(services.posters as Service);
    const config = loadConfig(env);
    expect(config.DATA_DIR).toBe(imageEnv.DATA_DIR);
    expect(config.PORT).toBe(Number(imageEnv.PORT));
    expect(config.DATABASE_URL).toBe('');
    // Even with .env.example's DEMO_MODE=auto copied in: no TMDB key = refuse to start, in both services.
    expect(config.DEMO_MODE).toBe('off');
    expect(loadConfig(containerEnv(services['posters-hosted'] as Service)).DEMO_MODE).toBe('off');
    expect(services.posters?.volumes).toEqual([`posters-data:${config.DATA_DIR}`]);
    expect(Object.keys(compose.volumes)).toContain('posters-data');
  });

  it('needs no variable at all: the zero-config `docker compose up` interpolates (hosted services included)', () => {
    const values = strings(RAW).join('\n');
    expect(values).not.toMatch(/\$\{\w+:?\?/);
    const bare = interpolate(RAW, {});
    expect(bare.services.posters?.ports).toEqual(['8000:8000']);
    // Every variable Compose substitutes is ours (POSTERS_*), never a config variable a .env also sets.
    const names = [...values.matchAll(/(?<!\$)\$\{(\w+)/g)].map((match) => match[1] as string);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name.startsWith('POSTERS_'), name).toBe(true);
      expect(name in CONFIG_SCHEMA).toBe(false);
    }
  });
});

describe('compose.yaml: hosted profile', () => {
  const hosted = services['posters-hosted'] as Service & {
    deploy: { replicas: number };
    depends_on: Record<string, { condition: string }>;
    volumes: string[];
  };
  const env = containerEnv(hosted);
  const config = loadConfig(env);

  it('adds PostgreSQL, Redis, MinIO, the bucket init and the replicated app, and nothing else', () => {
    expect(inHosted.sort()).toEqual(['minio', 'minio-init', 'posters-hosted', 'postgres', 'redis']);
    expect(hosted.deploy.replicas).toBe(2);
    expect(config.WORKERS).toBeGreaterThan(1);
    expect(hosted.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      'minio-init': { condition: 'service_completed_successfully' },
    });
    for (const name of ['postgres', 'redis', 'minio'])
      expect(services[name]?.healthcheck, name).toBeDefined();
  });

  it('sets only config-schema variables (plus the AWS SDK credentials) on the app, and they load', () => {
    for (const key of Object.keys(hosted.environment ?? {})) {
      expect(key in CONFIG_SCHEMA || /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/.test(key), key).toBe(true);
    }
    expect(config.DATA_DIR).toBe(imageEnv.DATA_DIR);
    expect(hosted.volumes).toEqual([`posters-hosted-data:${config.DATA_DIR}`]);
  });

  it('DATABASE_URL points at the postgres service with its user, database and password', () => {
    const url = new URL(config.DATABASE_URL);
    const postgres = services.postgres?.environment ?? {};
    expect(url.protocol).toBe('postgresql:');
    expect(url.hostname).toBe('postgres');
    expect(url.port).toBe('5432');
    expect(url.username).toBe(postgres.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(postgres.POSTGRES_PASSWORD);
    expect(url.password).toBe(SECRETS.POSTERS_DB_PASSWORD);
    expect(url.pathname).toBe(`/${postgres.POSTGRES_DB}`);
    // Connections: replicas × workers × pool (+1 migration connection each) stay below PostgreSQL's 100.
    expect(hosted.deploy.replicas * config.WORKERS * (config.DB_POOL_MAX_SIZE + 1)).toBeLessThan(100);
  });

  it('REDIS_URL points at the redis service with the password redis-server is started with', () => {
    const redis = parseRedisUrl(config.REDIS_URL);
    expect(redis).toMatchObject({ host: 'redis', port: 6379, password: SECRETS.POSTERS_REDIS_PASSWORD });
    expect(services.redis?.environment?.REDIS_PASSWORD).toBe(SECRETS.POSTERS_REDIS_PASSWORD);
  });

  it('OBJECT_STORE_URL points at the minio service, with its root credentials as the AWS keys', () => {
    const location = parseObjectStoreUrl(config.OBJECT_STORE_URL, {});
    expect(new URL(location.endpoint ?? '').host).toBe('minio:9000');
    expect(location.forcePathStyle).toBe(true);
    const minio = services.minio?.environment ?? {};
    expect(env.AWS_ACCESS_KEY_ID).toBe(minio.MINIO_ROOT_USER);
    expect(env.AWS_SECRET_ACCESS_KEY).toBe(minio.MINIO_ROOT_PASSWORD);
    expect(env.AWS_ACCESS_KEY_ID).toBe(SECRETS.POSTERS_S3_ACCESS_KEY);
  });

  describe('init scripts, run here with recording stand-ins for mc and the redis entrypoint', () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'postersplus-compose-'));
    const calls = path.join(bin, 'calls.log');
    for (const tool of ['mc', 'docker-entrypoint.sh']) {
      // `mc ilm rule ls` fails as it does on a bucket without a lifecycle configuration.
      const script = `#!/bin/sh\necho "${tool} $*" >> "${calls}"\ncase "$*" in "ilm rule ls"*) exit 1 ;; esac\n`;
      writeFileSync(path.join(bin, tool), script);
      chmodSync(path.join(bin, tool), 0o755);
    }
    afterAll(() => rmSync(bin, { recursive: true, force: true }));

    const run = (name: string, vars: Record<string, string>) => {
      const service = interpolate(RAW, vars).services[name] as Service;
      const argv = [...(service.entrypoint ?? []), ...(service.command ?? [])];
      rmSync(calls, { force: true });
      const result = spawnSync(argv[0] as string, argv.slice(1), {
        env: { PATH: `${bin}:/usr/bin:/bin`, ...service.environment },
        encoding: 'utf8',
      });
      const log = existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
      return { status: result.status, stderr: result.stderr, calls: log };
    };

    it('minio-init creates the bucket OBJECT_STORE_URL names, with a lifecycle rule of the posters’ longest life', () => {
      const result = run('minio-init', SECRETS);
      expect(result.status).toBe(0);
      const bucket = parseObjectStoreUrl(config.OBJECT_STORE_URL, {}).bucket;
      const ttl = config.COMPOSITE_CACHE_TTL + config.COMPOSITE_CACHE_TTL_JITTER / 2;
      expect(result.calls).toEqual([
        `mc alias set local http://minio:9000 ${SECRETS.POSTERS_S3_ACCESS_KEY} ${SECRETS.POSTERS_S3_SECRET_KEY}`,
        `mc mb --ignore-existing local/${bucket}`,
        `mc ilm rule ls local/${bucket}`,
        `mc ilm rule add --expire-days ${Math.ceil(ttl / 86_400)} local/${bucket}`,
      ]);
      // …the app does not shorten or lengthen that life behind the rule's back.
      expect(hosted.environment?.COMPOSITE_CACHE_TTL).toBeUndefined();
    });

    it('minio-init and redis refuse to start without their secrets', () => {
      const minio = run('minio-init', {});
      expect(minio.status).toBe(1);
      expect(minio.stderr).toContain('POSTERS_S3_ACCESS_KEY');
      expect(minio.calls).toEqual([]);
      const redis = run('redis', {});
      expect(redis.status).toBe(1);
      expect(redis.stderr).toContain('POSTERS_REDIS_PASSWORD');
      expect(redis.calls).toEqual([]);
      // PostgreSQL's image itself refuses an empty POSTGRES_PASSWORD.
      expect(interpolate(RAW, {}).services.postgres?.environment?.POSTGRES_PASSWORD).toBe('');
    });

    it('redis starts through its image entrypoint (drops root) with the password and no persistence', () => {
      const result = run('redis', SECRETS);
      expect(result.status).toBe(0);
      expect(result.calls).toEqual([
        `docker-entrypoint.sh redis-server --requirepass ${SECRETS.POSTERS_REDIS_PASSWORD} --save  --appendonly no`,
      ]);
    });
  });
});
