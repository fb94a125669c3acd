// Runs before `npm start` and `npm test` on whatever Node the machine has (20 or newer), so plain
// JavaScript only. Installs the npm packages when they are missing or older than the lockfile —
// among them the `node` package, which brings the Node 24 that every other script runs on — and,
// with --browser, makes sure a Chromium for the end-to-end tests is present; with --postgres, a
// PostgreSQL server for the tests that run on PostgreSQL (unless TEST_DATABASE_URL names one).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const installedMarker = join(root, 'node_modules', '.package-lock.json');
const lockfile = join(root, 'package-lock.json');

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  return result.status === 0;
}

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function needsInstall() {
  if (!existsSync(installedMarker) || !existsSync(join(root, 'node_modules', '.bin', 'node'))) return true;
  return statSync(lockfile).mtimeMs > statSync(installedMarker).mtimeMs;
}

if (needsInstall()) {
  // `npm install`, not `npm ci`: with the platform-specific optional packages of Astro's
  // compiler, npm ci rejects a lockfile made on another platform as "out of sync"; npm install
  // installs the locked versions and only fills in what this platform needs.
  console.log('Pakketten installeren (npm install)…');
  if (!run('npm', ['install', '--no-audit', '--no-fund']))
    fail('npm install is mislukt; zie de meldingen hierboven.');
}

if (process.argv.includes('--browser')) ensureChromium();
if (process.argv.includes('--postgres')) ensurePostgres();

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Installs Debian packages when we may (root on Debian); false when that is not possible or fails. */
function aptInstall(/** @type {string[]} */ packages, /** @type {string} */ why) {
  if (!isRoot() || !existsSync('/etc/debian_version')) return false;
  console.log(`${why} installeren met apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (/** @type {string[]} */ args) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  return apt(['update']) && apt(['install', '-y', '--no-install-recommends', ...packages]);
}

/** The same search as tests/support/throwaway-postgres.ts: POSTGRES_BIN_DIR, Debian's layout, the PATH. */
function hasPostgresServer() {
  if (process.env.POSTGRES_BIN_DIR) return existsSync(join(process.env.POSTGRES_BIN_DIR, 'initdb'));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian) && readdirSync(debian).some((v) => existsSync(join(debian, v, 'bin', 'initdb'))))
    return true;
  return spawnSync('sh', ['-c', 'command -v initdb'], { stdio: 'ignore' }).status === 0;
}

function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL || hasPostgresServer()) return;
  if (aptInstall(['postgresql'], 'PostgreSQL (voor de tests op PostgreSQL)') && hasPostgresServer()) return;
  fail(
    'De tests draaien ook op PostgreSQL, maar er is geen PostgreSQL-server geïnstalleerd.\n' +
      'Installeer PostgreSQL (op Debian/Ubuntu: sudo apt-get install postgresql), wijs de map met\n' +
      'initdb en postgres aan met POSTGRES_BIN_DIR, of geef een server: TEST_DATABASE_URL=postgres://… npm test',
  );
}

function ensureChromium() {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return;
    fail(`PLAYWRIGHT_CHROMIUM_PATH wijst naar ${configured}, maar dat bestand bestaat niet.`);
  }
  if (existsSync('/usr/bin/chromium')) return;
  if (isRoot() && existsSync('/etc/debian_version')) {
    if (aptInstall(['chromium'], 'Chromium (nodig voor de browsertests)') && existsSync('/usr/bin/chromium'))
      return;
    fail('Chromium installeren met apt-get is mislukt; zie de meldingen hierboven.');
  }
  fail(
    'Voor de browsertests is Chromium nodig, maar /usr/bin/chromium ontbreekt.\n' +
      'Installeer Chromium (op Debian/Ubuntu: sudo apt-get install chromium) of wijs een bestaande\n' +
      'Chromium aan: PLAYWRIGHT_CHROMIUM_PATH=/pad/naar/chromium npm test',
  );
}
