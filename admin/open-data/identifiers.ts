import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID (RFC 9562, version 5): the same namespace and name always give the same id.
 * Objects that have no row of their own (a listing's locations, its schedules, the taxonomy terms
 * from content) get their open-data id this way, from a stored id, so they stay stable without
 * writing anything when they are read.
 */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID.test(namespace)) throw new TypeError(`not a UUID: ${namespace}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const isUuid = (value: string): boolean => UUID.test(value);

const NAMESPACE_KEY = 'open_data_namespace';

/**
 * This installation's namespace, made once by the migration: taxonomy ids derive from it, so two
 * municipalities with the same leefgebied codes still publish different ids.
 */
export async function openDataNamespace(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', NAMESPACE_KEY)
    .executeTakeFirstOrThrow();
  return row.value;
}
