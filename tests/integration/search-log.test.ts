import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSearchLog } from '#admin/search-log/search-log-buffer.ts';
import { listZeroResultQueries } from '#admin/search-log/search-log-repository.ts';
import { migratedTempDatabase, type TempDatabase } from '../support/temp-database.ts';

let database: TempDatabase;
beforeEach(async () => {
  database = await migratedTempDatabase();
});
afterEach(async () => {
  await database.close();
});

it('stores searches in batches, scrubbed, and reports the ones that found nothing', async () => {
  const log = createSearchLog(database.db, 60_000);
  log.record({ text: 'Schulden', filters: { wijk: ['bolnes'] }, hitCount: 12, tookMs: 1.234 });
  log.record({ text: 'rouwverwerking kinderen', filters: {}, hitCount: 0, tookMs: 0.5 });
  log.record({ text: 'Rouwverwerking  kinderen', filters: {}, hitCount: 0, tookMs: 0.4 });
  log.record({ text: 'bel mij op 06-12345678 of jan@voorbeeld.nl', filters: {}, hitCount: 0, tookMs: 0.4 });
  expect(await database.db.selectFrom('search_log').selectAll().execute()).toEqual([]);

  await log.flush();
  const rows = await database.db.selectFrom('search_log').selectAll().execute();
  expect(rows).toHaveLength(4);
  expect(Object.keys(rows[0] ?? {}).sort()).toEqual([
    'filters_json',
    'hit_count',
    'id',
    'query_text',
    'searched_at',
    'took_ms',
  ]);
  expect(rows.map((row) => row.query_text).join(' ')).not.toMatch(/06-12345678|jan@voorbeeld/);

  const gaps = await listZeroResultQueries(database.db, '2000-01-01');
  expect(gaps[0]).toEqual({ query: 'rouwverwerking kinderen', count: 2 });
});

it('writes a busy second of searches (cached answers included) without hitting the variable limit', async () => {
  const log = createSearchLog(database.db, 60_000);
  for (let index = 0; index < 12_000; index++)
    log.record({ text: 'schulden', filters: {}, hitCount: 3, tookMs: 0.1 });
  await log.flush();
  const { count } = await database.db
    .selectFrom('search_log')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  expect(Number(count)).toBe(12_000);
});
