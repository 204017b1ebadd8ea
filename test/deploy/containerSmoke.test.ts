/**
 * CONTAINER-EQUIVALENT SMOKE TEST (no container engine on these machines).
 *
 * Replays deploy/Dockerfile without Docker and runs the result the way a hardened container runs it:
 *   - build stage: its context COPYs into a scratch /app, then its RUN lines verbatim (`npm ci --omit=dev
 *     --ignore-scripts`, pruning, the native-module check), through the same Node version as the image;
 *   - runtime stage: its COPYs (node_modules from the build, the app from the repository), root-owned and
 *     made read-only (chmod -R a-w), and the Node binary at /usr/local/bin;
 *   - run: in new mount and PID namespaces, every mount remounted read-only except DATA_DIR (a writable
 *     directory owned by the Dockerfile's USER) and a fresh tmpfs on /tmp; then Node as PID 1 under the
 *     Dockerfile's numeric USER, with no capabilities (bounding set empty), no_new_privs, a HOME it cannot
 *     write, and the runtime stage's ENV;
 *   - check: /live and /ready answer, a demo poster is rendered (image/webp) and served again from
 *     DATA_DIR, the Dockerfile's HEALTHCHECK command passes, nothing tried to write outside DATA_DIR
 *     and /tmp, and SIGTERM to PID 1 stops the service gracefully with exit code 0.
 *
 * Needs root (unshare, setpriv) and the npm registry (allowed here; the cache from `npm ci` usually
 * answers). Runs in ~15 s.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, withServer } from '../helpers/serverGate.ts';
import { all, copyParts, last, ROOT, readDockerfile, stageEnv } from './dockerfile.ts';

const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing =
  process.platform !== 'linux'
    ? 'Linux (mount and PID namespaces)'
    : process.getuid?.() !== 0
      ? 'root (unshare and setpriv need it)'
      : !onPath('unshare') || !onPath('setpriv')
        ? 'util-linux (unshare, setpriv)'
        : null;

const SETPRIV = spawnSync('sh', ['-c', 'command -v setpriv'], { encoding: 'utf8' }).stdout.trim();
const dockerfile = readDockerfile();
const build = dockerfile.stages[0];
const runtime = dockerfile.stages.at(-1);
if (!build || !runtime) throw new Error('deploy/Dockerfile must have stages');

/** The mount/PID namespace set-up, then PID 1 = Node as the image's user (see the header). */
const SANDBOX = String.raw`
set -eu
mount --make-rprivate /
mount --bind "$SMOKE_DATA" "$SMOKE_DATA"
# Read-only: every mount but the kernel's own (proc, sys, dev) and DATA_DIR, as --read-only does.
awk '{ for (i = 7; i <= NF; i++) if ($i == "-") { print $5, $(i + 1); break } }' /proc/self/mountinfo |
while read -r target fstype; do
  case "$target" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*) continue ;; esac
  [ "$target" = "$SMOKE_DATA" ] && continue
  mount -o remount,bind,ro "$target" 2>/dev/null || true
done
mount -o remount,bind,ro /
mount -t tmpfs -o mode=1777,nosuid,nodev,size=256m tmpfs /tmp
# Prove it while still root: root ignores file modes, not read-only mounts.
for probe in "$SMOKE_APP/.probe" "$SMOKE_HOME/.probe" /.probe /var/tmp/.probe; do
  if touch "$probe" 2>/dev/null; then echo "sandbox: $probe is writable" >&2; exit 97; fi
done
touch /tmp/.probe "$SMOKE_DATA/.probe" && rm /tmp/.probe "$SMOKE_DATA/.probe"
cd "$SMOKE_APP"
exec setpriv --reuid="$SMOKE_UID" --regid="$SMOKE_GID" --clear-groups --no-new-privs \
  --inh-caps=-all --bounding-set=-all -- env -i "$@"
`;

/** Docker's COPY: a directory's contents into dest, a file into dest/ or onto dest. */
function place(from: string, workdir: string, dest: string): void {
  const target = path.resolve(workdir, dest);
  if (statSync(from).isDirectory()) {
    cpSync(from, target, { recursive: true });
    return;
  }
  const file = dest.endsWith('/') || dest === '.' ? path.join(target, path.basename(from)) : target;
  mkdirSync(path.dirname(file), { recursive: true });
  copyFileSync(from, file);
}

interface Started {
  child: ChildProcess;
  output: string[];
  exited: Promise<unknown[]>;
}

withServer('container-equivalent smoke test (deploy/Dockerfile replayed without Docker)', missing, () => {
  let work = '';
  let appDir = '';
  let dataDir = '';
  let homeDir = '';
  let nodeBin = '';
  let uid = 0;
  let gid = 0;
  let port = 0;
  let service: Started | undefined;
  let url = '';

  const logs = () =>
    (service?.output ?? []).flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

  beforeAll(async () => {
    // Same Node as the image: the Dockerfile test pins the base tag to package.json's node, this to it.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(process.versions.node).toBe(pkg.dependencies.node);

    // Outside /tmp: the sandbox mounts a fresh tmpfs there.
    work = mkdtempSync('/var/tmp/postersplus-image-');
    chmodSync(work, 0o755);
    const buildDir = path.join(work, 'build');
    appDir = path.join(work, 'app');
    dataDir = path.join(work, 'data');
    homeDir = path.join(work, 'home');
    const binDir = path.join(work, 'usr/local/bin');
    for (const dir of [buildDir, appDir, dataDir, homeDir, binDir]) mkdirSync(dir, { recursive: true });

    // ---- build stage ----
    const buildWorkdir = last(build, 'WORKDIR')?.args;
    expect(buildWorkdir).toBe('/app');
    for (const copy of all(build, 'COPY')) {
      const { sources, dest } = copyParts(copy);
      for (const source of sources) place(path.join(ROOT, source), buildDir, dest);
    }
    const buildEnv = {
      ...stageEnv(build),
      PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: process.env.HOME ?? '/root',
      // Same result as the image's online install; the cache of the CI's `npm ci` answers first.
      npm_config_prefer_offline: 'true',
      npm_config_update_notifier: 'false',
    };
    for (const run of all(build, 'RUN')) {
      const result = spawnSync('sh', ['-c', run.args], { cwd: buildDir, env: buildEnv, encoding: 'utf8' });
      if (result.status !== 0) {
        throw new Error(
          `build RUN (line ${run.line}) failed:\n${run.args}\n${result.stdout}\n${result.stderr}`,
        );
      }
    }

    // ---- runtime stage ----
    expect(last(runtime, 'WORKDIR')?.args).toBe('/app');
    for (const copy of all(runtime, 'COPY')) {
      const { sources, dest } = copyParts(copy);
      for (const source of sources) {
        const from =
          copy.flags.from === 'build'
            ? path.join(buildDir, path.relative(buildWorkdir as string, source))
            : path.join(ROOT, source);
        place(from, appDir, dest);
      }
    }
    nodeBin = path.join(binDir, 'node');
    copyFileSync(process.execPath, nodeBin);
    chmodSync(nodeBin, 0o755);
    spawnSync('chmod', ['-R', 'a-w', appDir]);

    const user = last(runtime, 'USER')?.args.split(':') ?? [];
    uid = Number(user[0]);
    gid = Number(user[1]);
    chownSync(dataDir, uid, gid);
    chownSync(homeDir, uid, gid);

    // ---- run ----
    port = await freePort();
    const env = stageEnv(runtime);
    const containerEnv = {
      ...env,
      DATA_DIR: dataDir, // the image's /data
      PORT: String(port),
      HOST: '127.0.0.1', // the image binds 0.0.0.0; a test binds loopback only
      LOG_FORMAT: 'json',
      DEMO_MODE: 'auto', // the image says off; this smoke run renders the offline catalogue, as `-e DEMO_MODE=auto`
      HOME: homeDir, // the image user's HOME, as read-only as everything else
      PATH: `${binDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    };
    const cmd = [...(last(runtime, 'ENTRYPOINT')?.exec ?? []), ...(last(runtime, 'CMD')?.exec ?? [])];
    const child = spawn(
      'unshare',
      [
        '--mount',
        '--pid',
        '--fork',
        '--mount-proc',
        'sh',
        '-c',
        SANDBOX,
        'sandbox',
        ...Object.entries(containerEnv).map(([key, value]) => `${key}=${value}`),
        ...cmd,
      ],
      {
        env: {
          PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
          SMOKE_APP: appDir,
          SMOKE_DATA: dataDir,
          SMOKE_HOME: homeDir,
          SMOKE_UID: String(uid),
          SMOKE_GID: String(gid),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output: string[] = [];
    let onLine: (line: string) => void = () => {};
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        output.push(line);
        onLine(line);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = once(child, 'exit');
    service = { child, output, exited };
    url = await Promise.race([
      new Promise<string>((resolve) => {
        onLine = (line) => {
          if (line.includes('"msg":"listening"')) resolve((JSON.parse(line) as { url: string }).url);
        };
      }),
      exited.then(([code]) => {
        throw new Error(`exited with ${code} before listening:\n${output.join('\n')}`);
      }),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`not listening after 30 s:\n${output.join('\n')}`)),
          30_000,
        ).unref(),
      ),
    ]);
  }, 180_000);

  afterAll(() => {
    if (service && service.child.exitCode === null && service.child.signalCode === null)
      service.child.kill('SIGKILL');
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Runs the Dockerfile's HEALTHCHECK command as the image's user, with the container's PORT. */
  const healthcheck = () => {
    const args = last(runtime, 'HEALTHCHECK')?.args ?? '';
    const [command, ...rest] = JSON.parse(args.replace(/^CMD\s+/, '')) as string[];
    expect(command).toBe('node');
    return spawnSync(
      SETPRIV,
      [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--', nodeBin, ...rest],
      { env: { PORT: String(port), PATH: path.dirname(nodeBin) }, cwd: '/', timeout: 10_000 },
    ).status;
  };

  it('serves /live and /ready on the read-only root filesystem, with Node as PID 1', async () => {
    expect(logs().find((line) => line.msg === 'listening')).toMatchObject({ pid: 1, storage: 'sqlite' });
    const live = await fetch(`${url}/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      storage: { kind: 'sqlite', ok: true },
      coordinator: { kind: 'inprocess', ok: true },
      blobstore: { kind: 'local', ok: true },
    });
  });

  it('renders a demo poster as image/webp and serves it again from DATA_DIR', async () => {
    const first = await fetch(`${url}/poster?imdb_id=tt0111161&type=movie`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/webp');
    expect(first.headers.get('x-cache')).toBe('MISS');
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const second = await fetch(`${url}/poster?imdb_id=tt0111161&type=movie`);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true);

    // Everything the service wrote is in DATA_DIR and belongs to the image's user.
    const entries = readdirSync(dataDir, { recursive: true, withFileTypes: true });
    const names = entries.map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name)));
    expect(names).toContain('postersplus.db');
    const stored = entries.filter(
      (entry) =>
        entry.isFile() &&
        path.relative(dataDir, entry.parentPath).startsWith('composites') &&
        readFileSync(path.join(entry.parentPath, entry.name)).equals(bytes),
    );
    expect(stored).toHaveLength(1);
    for (const name of names) expect(statSync(path.join(dataDir, name)).uid, name).toBe(uid);
  });

  it("passes the Dockerfile's HEALTHCHECK (Node only, as the image's user)", () => {
    expect(healthcheck()).toBe(0);
  });

  it('attempted no write outside DATA_DIR and /tmp, and logged no error', () => {
    const text = service?.output.join('\n') ?? '';
    expect(text).not.toMatch(/EROFS|EACCES|EPERM|read-only file system|permission denied/i);
    expect(logs().filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(existsSync(path.join(appDir, 'data'))).toBe(false);
    expect(readdirSync(homeDir)).toEqual([]);
  });

  it('stops gracefully on SIGTERM to PID 1: exit code 0, then the healthcheck fails', async () => {
    const child = service?.child as ChildProcess;
    // PID 1 of the namespace is the only child of `unshare --fork`.
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/);
    expect(children).toHaveLength(1);
    process.kill(Number(children[0]), 'SIGTERM');
    const [code] = await (service as Started).exited;
    expect(code).toBe(0);
    const messages = logs().map((line) => line.msg);
    expect(logs().find((line) => line.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM', pid: 1 });
    expect(messages.at(-1)).toBe('stopped');
    expect(healthcheck()).toBe(1);
  });
});
