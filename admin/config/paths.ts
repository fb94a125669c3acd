import { resolve } from 'node:path';

/**
 * The project root. npm runs every script from the package folder, and the built server is
 * started from there too, so the working directory is the root; it is read once so that a
 * later chdir cannot move it. (import.meta.url would point into dist/ once bundled.)
 */
export const projectRoot = resolve(process.env.WIJKWIJZER_ROOT ?? process.cwd());
export const contentRoot = resolve(projectRoot, 'content');
