// Runs before `npm start` and `npm test` on whatever Node the machine has (20 or newer), so plain
// JavaScript only. Installs the npm packages when they are missing or older than the lockfile —
// among them the `node` package, which brings the Node 24 that every other script runs on — and,
// with --browser, makes sure a Chromium for the end-to-end tests is present.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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

function ensureChromium() {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return;
    fail(`PLAYWRIGHT_CHROMIUM_PATH wijst naar ${configured}, maar dat bestand bestaat niet.`);
  }
  if (existsSync('/usr/bin/chromium')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('Chromium installeren met apt-get (nodig voor de browsertests)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (/** @type {string[]} */ args) =>
      spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
    if (
      apt(['update']) &&
      apt(['install', '-y', '--no-install-recommends', 'chromium']) &&
      existsSync('/usr/bin/chromium')
    )
      return;
    fail('Chromium installeren met apt-get is mislukt; zie de meldingen hierboven.');
  }
  fail(
    'Voor de browsertests is Chromium nodig, maar /usr/bin/chromium ontbreekt.\n' +
      'Installeer Chromium (op Debian/Ubuntu: sudo apt-get install chromium) of wijs een bestaande\n' +
      'Chromium aan: PLAYWRIGHT_CHROMIUM_PATH=/pad/naar/chromium npm test',
  );
}
