/**
 * deploy/Dockerfile and .dockerignore, read with a strict parser (no container engine on these machines):
 * a pinned multi-stage build whose runtime stage holds production dependencies only and runs as a
 * numeric non-root user, with Node as PID 1, the writable paths declared as volumes, a Node-only
 * HEALTHCHECK on /live, OCI labels, and a build context that carries no tests, docs, data or secrets.
 * What the image does when it runs is proven by containerSmoke.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA } from '../../src/config/schema.ts';
import {
  all,
  copyParts,
  inContext,
  keyValues,
  last,
  parseDockerfile,
  parseDockerignore,
  ROOT,
  readDockerfile,
  stageEnv,
} from './dockerfile.ts';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const dockerfile = readDockerfile();
const build = dockerfile.stages[0];
const runtime = dockerfile.stages.at(-1);
if (!build || !runtime || build === runtime)
  throw new Error('deploy/Dockerfile must have a build and a runtime stage');

describe('Dockerfile: stages and base image', () => {
  it('is multi-stage: a named build stage, and a runtime stage last that copies only node_modules from it', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    expect(build.name).toBe('build');
    expect(runtime.name).toBe('runtime');
    const fromBuild = all(runtime, 'COPY').filter((copy) => copy.flags.from !== undefined);
    expect(fromBuild.map((copy) => [copy.flags.from, copyParts(copy).sources])).toEqual([
      ['build', ['/app/node_modules']],
    ]);
  });

  it('builds on the official Node slim image, tag pinned to the exact Node version package.json pins', () => {
    const nodeVersion = pkg.dependencies.node;
    expect(nodeVersion).toMatch(/^24\.\d+\.\d+$/);
    for (const stage of dockerfile.stages) {
      // node:<major.minor.patch>-<debian>-slim, optionally @sha256:<digest>
      expect(stage.from).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/);
      expect(stage.from.split(/[:-]/)[1]).toBe(nodeVersion);
    }
    // Both stages on the same base, so the native modules installed in one load in the other.
    expect(new Set(dockerfile.stages.map((stage) => stage.from)).size).toBe(1);
    // How to pin the digest is written down next to the tag.
    const text = readFileSync(path.join(ROOT, 'deploy/Dockerfile'), 'utf8');
    expect(text).toMatch(/@sha256:<digest>/);
    expect(text).toMatch(/imagetools inspect/);
  });

  it('build stage: npm ci of the lockfile, production dependencies only; no compiler or apt anywhere', () => {
    const copies = all(build, 'COPY').map((copy) => copyParts(copy).sources);
    expect(copies.flat()).toEqual(['package.json', 'package-lock.json']);
    const runs = all(build, 'RUN').map((run) => run.args);
    expect(runs.some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
    for (const stage of dockerfile.stages) {
      for (const run of all(stage, 'RUN')) {
        expect(run.args).not.toMatch(/apt-get|apk |build-essential|\bgcc\b|\bg\+\+|node-gyp|python3?\b/);
      }
    }
  });

  it('runtime stage: no package manager left and no install step (nothing can fill a package cache)', () => {
    const runs = all(runtime, 'RUN').map((run) => run.args);
    expect(runs.join('\n')).not.toMatch(/\bnpm (ci|install|i)\b|\byarn (add|install)\b/);
    const removed = runs.join(' ');
    for (const tool of [
      '/usr/local/bin/npm',
      '/usr/local/bin/npx',
      '/usr/local/bin/corepack',
      '/root/.npm',
    ]) {
      expect(removed).toContain(tool);
    }
  });

  it('runtime stage copies exactly what the app reads at run time', () => {
    const fromContext = all(runtime, 'COPY')
      .filter((copy) => copy.flags.from === undefined)
      .flatMap((copy) => copyParts(copy).sources)
      .sort();
    expect(fromContext).toEqual(['assets', 'package.json', 'src', 'web']);
    // None of them is chowned to the app user: root owns the code, the app can only read it.
    for (const copy of all(runtime, 'COPY')) expect(copy.flags.chown).toBeUndefined();
  });
});

describe('Dockerfile: how the container runs', () => {
  it('runs as a numeric non-root user (Kubernetes runAsNonRoot can only verify a number)', () => {
    const user = last(runtime, 'USER');
    expect(user?.args).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    // USER comes after every RUN, so nothing of the build runs as that user by accident, and it is in force for CMD.
    const index = (keyword: string) => runtime.instructions.lastIndexOf(last(runtime, keyword) as never);
    expect(index('USER')).toBeGreaterThan(index('RUN'));
    expect(index('USER')).toBeLessThan(index('CMD'));
  });

  it('Node is PID 1: exec-form CMD equal to `npm start`, no shell, npm or ENTRYPOINT in between', () => {
    // The official image's ENTRYPOINT (docker-entrypoint.sh) is inherited unless cleared.
    expect(all(runtime, 'ENTRYPOINT').map((entrypoint) => entrypoint.exec)).toEqual([[]]);
    const cmd = last(runtime, 'CMD');
    expect(cmd?.exec).toEqual(pkg.scripts.start?.split(' '));
    expect(cmd?.exec?.[0]).toBe('node');
    expect(last(runtime, 'STOPSIGNAL')?.args).toBe('SIGTERM');
    // …and that Node handles SIGTERM itself (PID 1 gets no default signal actions).
    const main = readFileSync(path.join(ROOT, 'src/main.ts'), 'utf8');
    expect(main).toMatch(/process\.on\('SIGTERM'/);
  });

  it('ENV: DATA_DIR absolute and declared a volume together with /tmp; PORT = EXPOSE = the schema default', () => {
    const env = stageEnv(runtime);
    expect(env.DATA_DIR).toMatch(/^\/\w+/);
    const volumes = all(runtime, 'VOLUME').flatMap((volume) => volume.exec ?? volume.args.split(/\s+/));
    expect(volumes.sort()).toEqual([env.DATA_DIR, '/tmp'].sort());
    const exposed = all(runtime, 'EXPOSE').map((expose) => expose.args);
    expect(exposed).toEqual([CONFIG_SCHEMA.PORT.defaultText]);
    expect(env.PORT).toBe(CONFIG_SCHEMA.PORT.defaultText);
    expect(env.HOST).toBe('0.0.0.0');
    // Without TMDB_API_KEY the container refuses to start rather than serve demo posters.
    expect(env.DEMO_MODE).toBe('off');
    // Every ENV the image sets is either a config variable, NODE_ENV or the allocator's arena cap.
    for (const key of Object.keys(env))
      expect(key === 'NODE_ENV' || key === 'MALLOC_ARENA_MAX' || key in CONFIG_SCHEMA).toBe(true);
    expect(env.MALLOC_ARENA_MAX).toBe('2');
    // The app user owns DATA_DIR in the image, so a fresh named volume inherits that ownership.
    const uid = last(runtime, 'USER')?.args;
    expect(all(runtime, 'RUN').some((run) => run.args.includes(`chown ${uid} ${env.DATA_DIR}`))).toBe(true);
  });

  it('HEALTHCHECK: exec form, Node itself (no curl), GET /live on the container port', () => {
    const health = last(runtime, 'HEALTHCHECK');
    expect(health?.args.startsWith('CMD ')).toBe(true);
    const command = JSON.parse(health?.args.slice(4) ?? '') as string[];
    expect(command.slice(0, 2)).toEqual(['node', '-e']);
    expect(command[2]).toContain("'/live'");
    expect(command[2]).toContain('process.env.PORT');
    expect(command.join(' ')).not.toMatch(/curl|wget/);
    for (const flag of ['interval', 'timeout', 'start-period', 'retries'])
      expect(health?.flags[flag]).toBeDefined();
  });

  it('carries the OCI labels, version and licence from package.json', () => {
    const args = Object.assign(
      {},
      ...all(runtime, 'ARG')
        .filter((arg) => arg.args.includes('='))
        .map((arg) => keyValues(arg.args)),
    ) as Record<string, string>;
    const labels = Object.assign(
      {},
      ...all(runtime, 'LABEL').map((label) => keyValues(label.args)),
    ) as Record<string, string>;
    for (const key of ['title', 'description', 'licenses', 'version', 'revision', 'created', 'base.name']) {
      expect(labels[`org.opencontainers.image.${key}`], key).toBeTruthy();
    }
    expect(labels['org.opencontainers.image.licenses']).toBe(pkg.license);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Dockerfile's own ARG reference
    expect(labels['org.opencontainers.image.version']).toBe('${VERSION}');
    expect(args.VERSION).toBe(pkg.version);
  });
});

describe('Dockerfile parser', () => {
  it('reads continuation lines, comments inside them, flags and both forms', () => {
    const parsed = parseDockerfile(
      [
        'ARG BASE=node:1.2.3-bookworm-slim',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Dockerfile syntax
        'FROM ${BASE} AS one',
        'RUN --mount=type=cache,target=/x a \\',
        '# comment inside',
        '    && b',
        'COPY --from=one /a ./b',
        'CMD ["node", "x.ts"]',
      ].join('\n'),
    );
    const stage = parsed.stages[0];
    expect(stage?.from).toBe('node:1.2.3-bookworm-slim');
    expect(stage?.instructions.map((i) => [i.keyword, i.flags, i.args])).toEqual([
      ['RUN', { mount: 'type=cache,target=/x' }, 'a && b'],
      ['COPY', { from: 'one' }, '/a ./b'],
      ['CMD', {}, '["node", "x.ts"]'],
    ]);
    expect(stage?.instructions[2]?.exec).toEqual(['node', 'x.ts']);
    expect(() => parseDockerfile('FROM x\nRUN <<EOF\nhi\nEOF\n')).toThrow(/heredoc/);
  });
});

describe('.dockerignore', () => {
  const rules = parseDockerignore(readFileSync(path.join(ROOT, '.dockerignore'), 'utf8'));
  const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);

  it('keeps tests, docs, data, benchmarks, scripts, node_modules, git and secrets out of the build context', () => {
    const outside = tracked.filter((file) =>
      /^(test|docs|data|bench|scripts|deploy|\.ci|\.git)\//.test(file),
    );
    expect(outside.length).toBeGreaterThan(50);
    for (const file of outside) expect(inContext(rules, file), file).toBe(false);
    for (const file of [
      '.env',
      '.env.production',
      'src/.env',
      'src/config/.env.local',
      'data/postersplus.db',
      'data/composites/ab/cd.webp',
      'node_modules/sharp/package.json',
      '.git/HEAD',
      'coverage/index.html',
      'compose.yaml',
      'README.md',
      'server.key',
      'src/tls/server.pem',
      'web/debug.log',
    ]) {
      expect(inContext(rules, file), file).toBe(false);
    }
  });

  it('sends every file the Dockerfile copies from the context', () => {
    const sources = dockerfile.stages.flatMap((stage) =>
      all(stage, 'COPY')
        .filter((copy) => copy.flags.from === undefined)
        .flatMap((copy) => copyParts(copy).sources),
    );
    for (const source of sources) {
      expect(existsSync(path.join(ROOT, source)), source).toBe(true);
      const files = tracked.filter((file) => file === source || file.startsWith(`${source}/`));
      expect(files.length, source).toBeGreaterThan(0);
      for (const file of files) expect(inContext(rules, file), file).toBe(true);
    }
  });

  it('matches like Docker: the last matching rule wins, parents count, ** spans directories', () => {
    const sample = parseDockerignore('*\n!src\nsrc/**/*.md\n!src/keep.md\n');
    expect(inContext(sample, 'README.md')).toBe(false);
    expect(inContext(sample, 'src/a/b.ts')).toBe(true);
    expect(inContext(sample, 'src/a/b.md')).toBe(false);
    expect(inContext(sample, 'src/b.md')).toBe(false);
    expect(inContext(sample, 'src/keep.md')).toBe(true);
    expect(inContext(parseDockerignore('data\n'), 'data/x/y')).toBe(false);
    expect(inContext(parseDockerignore('data\n'), 'src/data')).toBe(true);
  });
});
