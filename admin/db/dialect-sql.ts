import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type QueryExecutorProvider,
  type SelectQueryBuilder,
} from 'kysely';

/**
 * Everything that differs between SQLite and PostgreSQL, in one place. The rest of the code uses
 * only Kysely's portable builders; what cannot be said the same way in both is said here.
 */
export type Dialect = 'sqlite' | 'postgres';

/** A database handle or transaction, whatever its table types. */
type Handle = QueryExecutorProvider;

/** Which database a handle (or a transaction of one) talks to. */
export function dialectOf(db: Handle): Dialect {
  // Kysely marks getExecutor internal, but the adapter is the one reliable tell, also inside a
  // migration's transaction.
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * An `integer` id that the database numbers: `integer primary key autoincrement` on SQLite (as
 * the first migrations always created it), an identity column on PostgreSQL, which also accepts
 * explicit ids when data is copied in.
 */
export function identityPrimaryKey(db: Handle): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialectOf(db) === 'postgres'
    ? (column) => column.primaryKey().generatedByDefaultAsIdentity()
    : (column) => column.primaryKey().autoIncrement();
}

/**
 * Rows another transaction holds are passed over instead of waited for, so instances claiming
 * work from one table never block each other. SQLite has one writer at a time: nothing to skip.
 */
export function skipLockedRows<DB, TB extends keyof DB, O>(
  db: Handle,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * After rows were inserted with explicit ids (a copy), the next generated id must follow the
 * highest one. SQLite's autoincrement keeps track by itself.
 */
export async function continueIdentityAfterCopy(db: Handle, table: string, column = 'id'): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  );
}
