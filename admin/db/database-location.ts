import { isAbsolute, resolve } from 'node:path';

/**
 * Where the database lives: a SQLite file (the embedded default, one process) or a PostgreSQL
 * server (`postgres://…`, for several instances). One string names either, so the CLIs and the
 * server take the same `--to`/`DATABASE_URL` values.
 */
export type DatabaseLocation = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export const isPostgresUrl = (value: string): boolean => POSTGRES_URL.test(value);

/** A `postgres://` URL, `:memory:`, or a SQLite file path (relative paths from `root`). */
export function parseDatabaseLocation(value: string, root: string): DatabaseLocation {
  if (isPostgresUrl(value)) return { dialect: 'postgres', url: value };
  if (value === ':memory:' || isAbsolute(value)) return { dialect: 'sqlite', path: value };
  return { dialect: 'sqlite', path: resolve(root, value) };
}

/** For logs and messages: the password of a PostgreSQL URL is never shown. */
export function describeDatabaseLocation(location: DatabaseLocation): string {
  if (location.dialect === 'sqlite') return `SQLite ${location.path}`;
  try {
    const url = new URL(location.url);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL (adres niet leesbaar)';
  }
}
