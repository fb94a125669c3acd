import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const TILE_NUMBER = /^(0|[1-9][0-9]{0,6})$/;

/**
 * One tile from a `{z}/{x}/{y}.png` folder. Only plain numbers reach the file system, so a
 * request cannot climb out of the folder; a missing tile is undefined, not an error.
 */
export async function readTile(
  directory: string,
  z = '',
  x = '',
  y = '',
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (![z, x, y].every((part) => TILE_NUMBER.test(part)) || Number(z) > 22) return undefined;
  try {
    return new Uint8Array(await readFile(join(directory, z, x, `${y}.png`)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
