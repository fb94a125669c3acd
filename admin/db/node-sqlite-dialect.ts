import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

/**
 * Transactions take the write lock when they begin. A plain (deferred) `begin` reads first and
 * asks for the lock at its first write; two processes doing that at once (the server and a CLI)
 * end in SQLITE_BUSY for one of them, which no busy timeout resolves.
 */
const beginImmediately = (sql: string): string => (sql === 'begin' ? 'begin immediate' : sql);

/**
 * Bridges `node:sqlite` (built into Node 24, so nothing native to compile at install) to the
 * better-sqlite3 shape that Kysely's SqliteDialect drives. Kysely routes a statement by
 * `reader`: statements that return columns are read with `all`, the rest executed with `run`.
 */
function adapt(database: DatabaseSync): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const statement = database.prepare(beginImmediately(sql));
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...(parameters as SQLInputValue[])),
        run: (parameters) => {
          const result = statement.run(...(parameters as SQLInputValue[]));
          return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
        },
        iterate: (parameters) => statement.iterate(...(parameters as SQLInputValue[])),
      };
    },
  };
}

export function nodeSqliteDialect(database: DatabaseSync): SqliteDialect {
  return new SqliteDialect({ database: adapt(database) });
}
