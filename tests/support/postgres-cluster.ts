import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests: initdb and pg_ctl (Debian package `postgresql`) in a
 * temporary folder, listening on 127.0.0.1 only, trust authentication, removed by `stop()`. As
 * root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
 */
export interface PostgresCluster {
  /** A new empty database on the cluster, as a postgres:// URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

function binDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) {
    throw new Error('PostgreSQL is not installed: these tests need initdb and pg_ctl from the Debian package "postgresql" (scripts/debian-packages.txt)');
  }
  return join(base, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** util-linux's runuser lives in /usr/sbin, which a user's PATH may not hold. */
const RUNUSER = existsSync('/usr/sbin/runuser') ? '/usr/sbin/runuser' : 'runuser';

function run(command: string, args: string[], asPostgres: boolean): void {
  const [cmd, argv] = asPostgres ? [RUNUSER, ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: tmpdir() });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDir();
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-pg-'));
  const data = join(dir, 'data');
  if (asPostgres) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', 'cablekit', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], asPostgres);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=60`;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start'], asPostgres);
      break;
    } catch (error) {
      // The port may have been taken between the probe and the start: try another, twice.
      if (attempt >= 2) throw error;
    }
  }
  const stop = (): void => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asPostgres);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const url = (db: string): string => `postgres://cablekit@127.0.0.1:${port}/${db}`;
  return {
    async createDatabase(name: string): Promise<string> {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
  };
}
