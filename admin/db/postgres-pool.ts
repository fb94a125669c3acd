import pg from 'pg';
import { log } from '../logging/log.ts';

/** int8 (count(*), sum) and numeric arrive as strings from `pg`; our values all fit a JS number. */
const INT8 = 20;
const NUMERIC = 1700;
const asNumber = (value: string): number => Number(value);

const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8 || oid === NUMERIC ? asNumber : pg.types.getTypeParser(oid, format),
};

export interface PostgresPoolOptions {
  url: string;
  /** Connections this process keeps at most. */
  poolSize: number;
  /** A statement running longer is cancelled by the server; 0 = no limit (migrations, copies). */
  statementTimeoutMs: number;
}

/**
 * A connection pool for one process. Types are parsed per pool (not through pg's global
 * registry), so nothing else in the process is affected. Errors of idle connections (a server
 * restart) are handled by dropping the connection; the next query opens a fresh one.
 */
export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    ...(options.statementTimeoutMs > 0 ? { statement_timeout: options.statementTimeoutMs } : {}),
    application_name: 'wijkwijzer',
  });
  pool.on('error', (error) => {
    // An idle connection was lost (a server restart or failover); pg has dropped it already.
    log.warn('PostgreSQL: an idle connection was lost', error);
  });
  return pool;
}
