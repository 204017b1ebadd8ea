/**
 * A throwaway PostgreSQL 15 for one test file: initdb into a temp dir (trust auth, no fsync), pg_ctl
 * start on a free loopback port, removed on stop. Runs as the `postgres` user when the tests run as
 * root (PostgreSQL refuses to run as root).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './serverGate.ts';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgServer {
  port: number;
  /** URL of a database on this server (default: the `postgres` database). */
  url(database?: string): string;
  /** Creates a new empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server as a crash would (immediate shutdown) but keeps its data; `start()` brings it back. */
  halt(): Promise<void>;
  /** Starts a halted server again on the same port with the same data. */
  start(): Promise<void>;
  /**
   * SIGSTOP to the postmaster and every backend: connections stay open (and new ones are accepted by
   * the kernel) but nothing answers, like a hung server or a network black hole. `resume()` undoes it.
   */
  pause(): Promise<void>;
  resume(): void;
  /** Stops it for good and removes its directory. */
  stop(): Promise<void>;
}

/** Null when the server can run here, else what is missing. */
export function pgMissing(): string | null {
  return existsSync(join(BIN, 'initdb')) && existsSync(join(BIN, 'pg_ctl'))
    ? null
    : `PostgreSQL 15 server binaries not found in ${BIN} (apt-get install postgresql)`;
}

/** PostgreSQL refuses to run as root: as root, run its tools as the postgres user. */
async function asOwner(command: string, args: string[], asPostgres: boolean): Promise<void> {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  await run(file, argv, { timeout: 60_000 });
}

/** The postgres user's uid and gid when running as root (null: run as the current user). */
async function owner(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

export async function startPgServer(): Promise<PgServer> {
  const dir = await mkdtemp(join(tmpdir(), 'postersplus-pg-'));
  const ids = await owner();
  if (ids) await chown(dir, ids.uid, ids.gid);
  const asPostgres = ids !== null;
  const data = join(dir, 'data');
  await asOwner(
    join(BIN, 'initdb'),
    ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions'],
    asPostgres,
  );

  let port = 0;
  const launch = async () => {
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await asOwner(
      join(BIN, 'pg_ctl'),
      ['-D', data, '-l', join(dir, 'pg.log'), '-w', '-o', options, 'start'],
      asPostgres,
    );
  };
  const halt = () => asOwner(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], asPostgres);
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt >= 2) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  let paused: number[] = [];
  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    halt,
    start: launch,
    async pause() {
      // The first line of postmaster.pid is the postmaster's pid; the backends are its children.
      const postmaster = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      const children = await run('pgrep', ['-P', String(postmaster)]).then(
        ({ stdout }) => stdout.split('\n').filter(Boolean).map(Number),
        () => [],
      );
      paused = [postmaster, ...children];
      for (const pid of paused) process.kill(pid, 'SIGSTOP');
    },
    resume() {
      for (const pid of paused.splice(0)) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {} // a backend that has exited meanwhile
      }
    },
    async stop() {
      for (const pid of paused.splice(0)) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {}
      }
      await halt().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
