import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Which processes serve from a build folder: one empty file per process id in `.instances/`.
 * `npm start` (scripts/build-if-stale.ts) does not rebuild a folder a live process uses, because
 * the server loads page chunks lazily and would answer 500 once they are replaced.
 */
const instancesIn = (dist: URL): string => fileURLToPath(new URL('.instances/', dist));

export function registerInstance(dist: URL): () => void {
  const folder = instancesIn(dist);
  mkdirSync(folder, { recursive: true });
  const file = `${folder}${process.pid}`;
  writeFileSync(file, '');
  return () => rmSync(file, { force: true });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Process ids of live servers using the build; files of processes that died are ignored. */
export function instancesUsing(dist: URL): number[] {
  try {
    return readdirSync(instancesIn(dist))
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid > 0 && alive(pid));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
