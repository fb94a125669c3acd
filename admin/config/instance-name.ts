import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { env } from './env.ts';

let name: string | undefined;

/**
 * This process among the instances sharing a database: INSTANCE_NAME, or host name and process
 * id with a random tail (a restarted container may get the same pid). Leases and mail claims
 * name their holder with it.
 */
export function instanceName(): string {
  name ??= env().INSTANCE_NAME ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  return name;
}
