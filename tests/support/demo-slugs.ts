import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Slugs of the demo listings, read from the files the server loads them from. */
export function demoListingSlugs(): string[] {
  return readdirSync(join(process.cwd(), 'content', 'demo', 'aanbod'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.replace(/\.yaml$/, ''))
    .sort();
}

export const NEIGHBOURHOOD_IDS = [
  'bolnes',
  'centrum',
  'drievliet-het-zand',
  'oost',
  'oostendam',
  'rijsoord',
  'slikkerveer',
  'west',
] as const;
