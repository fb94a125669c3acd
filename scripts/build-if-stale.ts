// `npm start` runs this before the server: it builds only when the build is missing or its inputs
// changed, so a second instance started from the same folder leaves the first one's files alone.
// A stale build that a live server still uses is not replaced: that server would answer 500 on
// pages whose chunks changed. Then stop it first, or deploy the new release into its own folder.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { instancesUsing } from './server/build-in-use.ts';

const root = process.cwd();
const dist = new URL(`file://${join(root, 'dist')}/`);
const stampFile = join(root, 'dist', '.build-inputs');

/** Everything `astro build` reads: the app, the content collections and the build's own settings. */
const INPUTS = ['site', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const wanted = inputsHash();
// `npm run build` records what it built from, so a later `npm start` can tell.
if (process.argv.includes('--record')) {
  writeFileSync(stampFile, wanted);
  process.exit(0);
}
const built = existsSync(join(root, 'dist', 'server', 'entry.mjs')) && existsSync(stampFile);
if (built && readFileSync(stampFile, 'utf8') === wanted) {
  console.log('De build is actueel; niet opnieuw gebouwd.');
  process.exit(0);
}
const users = instancesUsing(dist);
if (users.length > 0) {
  console.error(
    `De build in dist/ is verouderd, maar ${users.length === 1 ? 'een server draait' : 'servers draaien'} er nog mee (pid ${users.join(', ')}).\n` +
      'Stop die eerst, of zet de nieuwe versie in een eigen map en start daar (zie README, "Meerdere instanties").',
  );
  process.exit(1);
}
// `npm run build` records the inputs when it is done.
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
