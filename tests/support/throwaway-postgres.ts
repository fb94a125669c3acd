import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server-process.ts';

/**
 * A PostgreSQL server of its own for the tests and benchmarks: a fresh data folder in /tmp, a
 * free port on loopback, no password (trust, loopback only), made for speed rather than
 * durability. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user that
 * Debian's package creates. `scripts/ensure-deps.mjs --postgres` installs that package.
 */
export interface ThrowawayPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'wijkwijzer';

/** The newest installed server's programs: POSTGRES_BIN_DIR, Debian's layout, or the PATH. */
export function findPostgresBinaries(): string | undefined {
  const configured = process.env.POSTGRES_BIN_DIR;
  if (configured) return existsSync(join(configured, 'initdb')) ? configured : undefined;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? join(path, '..') : undefined;
}

/** uid and gid to run the server as: ourselves, or `postgres` when we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid)
    throw new Error(
      'PostgreSQL draait niet als root, en de gebruiker "postgres" bestaat niet. Installeer PostgreSQL (apt-get install postgresql) of zet TEST_DATABASE_URL.',
    );
  return { uid: Number(uid), gid: Number(gid) };
}

async function waitUntilAccepting(url: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`PostgreSQL stopte bij het starten:\n${readFileSync(logFile, 'utf8')}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error('PostgreSQL startte niet binnen 60 s', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinaries();
  if (!bin)
    throw new Error(
      'Geen PostgreSQL gevonden voor de tests. Installeer het (Debian: apt-get install postgresql; `npm test` doet dat als root zelf), wijs POSTGRES_BIN_DIR aan, of geef een server met TEST_DATABASE_URL.',
    );
  const user = serverUser();
  const folder = mkdtempSync(join(tmpdir(), 'wijkwijzer-pg-'));
  const data = join(folder, 'data');
  if (user) chownSync(folder, user.uid, user.gid);
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};

  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { ...asUser, encoding: 'utf8', cwd: folder },
  );
  if (init.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`initdb mislukt:\n${init.stderr}`);
  }

  const port = await freePort();
  const logFile = join(folder, 'server.log');
  const log = openSync(logFile, 'a');
  if (user) chownSync(logFile, user.uid, user.gid);
  const server = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      folder,
      // A test server: speed over durability.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
    ],
    { ...asUser, cwd: folder, stdio: ['ignore', log, log] },
  );
  const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  const stopServer = async (): Promise<void> => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // SIGINT: PostgreSQL's fast shutdown (ends sessions, no waiting for clients).
      server.kill('SIGINT');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await waitUntilAccepting(url, server, logFile);
  } catch (error) {
    await stopServer();
    throw error;
  }
  return { url, stop: stopServer };
}
