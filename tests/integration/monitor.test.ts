import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { ForbiddenError, InvalidInputError, LoginRequiredError } from '#admin/errors/domain-errors.ts';
import { monitorContextFrom } from '#admin/monitoring/monitor-context.ts';
import { monitorTableCsv } from '#admin/monitoring/monitor-csv.ts';
import { parseMonitorParams } from '#admin/monitoring/monitor-filter.ts';
import { monitorReport, monitorTable } from '#admin/monitoring/monitor-report.ts';
import type { MonitorTable } from '#admin/monitoring/monitor-table.ts';
import { outcomeOf } from '#admin/monitoring/question-monitor.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import {
  asCsv,
  monitorExpectations,
  OUTCOME_HEADER,
  REASON_HEADER,
  REFERRAL_HEADER,
  REPORT_HEADER,
  SEARCH_HEADER,
  STALE_HEADER,
  VOLUNTEER_HEADER,
} from '../support/monitor-expected.ts';
import { monitorFixture, writeMonitorFixture } from '../support/monitor-fixture.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const content = loadContent(contentRoot);
const context = monitorContextFrom(content);
const fixture = monitorFixture();
let database: TempDatabase;
const filter = parseMonitorParams(new URLSearchParams({ van: fixture.from, tot: fixture.to }));
const beheerder = { id: 1, role: 'beheerder' as const, organisationSlug: null, teamIds: [] };
const teamlid = {
  id: 5,
  role: 'teamlid' as const,
  organisationSlug: null,
  teamIds: ['bolnes-slikkerveer:sociaal'],
};
const expected = monitorExpectations(fixture, content);

beforeAll(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: false });
  await writeMonitorFixture(database.db, fixture, content);
});
afterAll(async () => {
  await database.close();
});

it('checks who asks before reading anything', async () => {
  await expect(monitorReport(database.db, undefined, filter, context)).rejects.toThrow(LoginRequiredError);
  await expect(
    monitorReport(
      database.db,
      { id: 2, role: 'organisatie', organisationSlug: 'karaat', teamIds: [] },
      filter,
      context,
    ),
  ).rejects.toThrow(ForbiddenError);
  await expect(
    monitorReport(
      database.db,
      { id: 3, role: 'teamlid', organisationSlug: null, teamIds: [] },
      filter,
      context,
    ),
  ).rejects.toThrow(ForbiddenError);
  const desk = await monitorReport(
    database.db,
    { id: 4, role: 'teamlid', organisationSlug: null, teamIds: ['triage'] },
    filter,
    context,
  );
  expect(desk.scope.options.map((option) => option.id)).toEqual(['centrale-toegang']);
  const total = desk.sections[0]?.tables[0]?.rows.map((row) => row[1]?.text);
  // The two questions without a wijk went to the central desk.
  expect(total?.filter((text) => text !== '0')).toEqual(['< 5']);
});

it('counts the whole period once, and its CSV is the table', async () => {
  const table = await monitorTable(database.db, beheerder, filter, context, 'vragen-per-periode');
  const inPeriod = fixture.questions.filter((fact) => fact.createdAt >= `${fixture.from}T00:00:00Z`).length;
  expect(table?.rows.reduce((sum, row) => sum + (row[1]?.value ?? 0), 0)).toBeLessThanOrEqual(inPeriod);
  const csv = monitorTableCsv(table!);
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFFMaand;Vragen;Op tijd contact;Te laat of nog geen contact;Nog binnen de termijn;Op tijd (%)',
  );
  expect(csv.trimEnd().split('\r\n')).toHaveLength((table?.rows.length ?? 0) + 1);
});

it('refuses a filter that does not fit, naming the field', () => {
  expect(() => parseMonitorParams(new URLSearchParams({ van: '2026-05-01', tot: '2026-01-01' }))).toThrow(
    InvalidInputError,
  );
  expect(() => parseMonitorParams(new URLSearchParams({ van: '2020-01-01', per: 'week' }))).toThrow(
    InvalidInputError,
  );
  expect(() => parseMonitorParams(new URLSearchParams({ gebied: '../etc' }))).toThrow(InvalidInputError);
});

it('judges the promise in working days: a Friday question answered on Tuesday is on time with 3 days', () => {
  const friday = { createdAt: '2026-03-06T09:00:00Z', teamId: 't', neighbourhood: null, lifeDomains: [] };
  expect(outcomeOf({ ...friday, answeredAt: '2026-03-10T15:00:00Z' }, 3, new Date('2026-04-01'))).toBe(
    'onTime',
  );
  expect(outcomeOf({ ...friday, answeredAt: '2026-03-12T15:00:00Z' }, 3, new Date('2026-04-01'))).toBe(
    'late',
  );
  expect(outcomeOf({ ...friday, answeredAt: null }, 3, new Date('2026-03-09T10:00:00Z'))).toBe('pending');
  expect(outcomeOf({ ...friday, answeredAt: null }, 3, new Date('2026-03-20T10:00:00Z'))).toBe('late');
});

/** The table as the page shows it (header, then the cells' text), and its CSV read back. */
function shownAndCsv(table: MonitorTable | undefined): { shown: string[][]; csv: string[][] } {
  expect(table).toBeDefined();
  const shown = [
    table!.columns.map((column) => column.label),
    ...table!.rows.map((row) => row.map((cell) => cell.text)),
  ];
  return { shown, csv: parse(monitorTableCsv(table!), { delimiter: ';', bom: true }) };
}

async function expectTables(
  actor: typeof beheerder | typeof teamlid,
  params: Record<string, string>,
  tables: Record<string, string[][]>,
) {
  const chosen = parseMonitorParams(new URLSearchParams({ van: fixture.from, tot: fixture.to, ...params }));
  const report = await monitorReport(database.db, actor, chosen, context);
  const byId = new Map(
    report.sections.flatMap((section) => section.tables).map((table) => [table.id, table]),
  );
  for (const [id, rows] of Object.entries(tables)) {
    const { shown, csv } = shownAndCsv(byId.get(id));
    expect(shown, `table ${id}`).toEqual(rows);
    expect(csv, `CSV of ${id}`).toEqual(asCsv(rows));
  }
}

it('shows a beheerder, per month, exactly the numbers computed from the facts, in the tables and the CSVs', async () => {
  const facts = expected.inPeriod(() => true);
  const referrals = expected.referralFacts([...content.areas.map((area) => area.id), null]);
  const areaIds = content.areas.map((area) => area.id);
  // The fixture has something in every table, small counts and stale listings included.
  expect(facts.length).toBeGreaterThan(20);
  expect(expected.searchRows().length).toBeGreaterThan(0);
  expect(expected.staleRows('all').some((row) => row[2] !== '0')).toBe(true);
  expect(expected.domainRows(facts).some((row) => row[1] === '< 5')).toBe(true);
  await expectTables(
    beheerder,
    { per: 'maand' },
    {
      'vragen-per-periode': [['Maand', ...OUTCOME_HEADER], ...expected.periodRows(facts, 'month')],
      'vragen-per-leefgebied': [['Leefgebied', 'Vragen'], ...expected.domainRows(facts)],
      'vragen-per-wijk': [
        ['Wijk', ...OUTCOME_HEADER],
        ...expected.wijkRows(
          facts,
          content.areas.map((area) => area.id),
        ),
      ],
      'zoeken-zonder-resultaat': [SEARCH_HEADER, ...expected.searchRows()],
      'aanbod-niet-gecontroleerd': [STALE_HEADER, ...expected.staleRows('all')],
      'verwijzingen-per-periode': [
        ['Maand', ...REFERRAL_HEADER],
        ...expected.referralRows(referrals, 'month'),
      ],
      'verwijzingen-niet-gestart': [REASON_HEADER, ...expected.reasonRows(referrals)],
      'vrijwilligers-per-periode': [
        ['Maand', ...VOLUNTEER_HEADER],
        ...expected.volunteerRows(areaIds, 'month'),
      ],
      'meldingen-per-organisatie': [REPORT_HEADER, ...expected.reportRows('all')],
    },
  );
});

it('shows referrals, volunteers and reports from the facts: outcomes, reasons and small counts', () => {
  const referrals = expected.referralFacts([...content.areas.map((area) => area.id), null]);
  const areaIds = content.areas.map((area) => area.id);
  // Every new table has numbers shown as they are and numbers hidden as "< 5".
  for (const rows of [
    expected.referralRows(referrals, 'month'),
    expected.reasonRows(referrals),
    expected.volunteerRows(areaIds, 'month'),
    expected.reportRows('all'),
  ]) {
    const cells = rows.flatMap((row) => row.slice(1));
    expect(cells).toContain('< 5');
    expect(cells.some((cell) => cell !== '< 5' && cell !== '0')).toBe(true);
  }
});

it('shows a teamlid, per week and per wijk, only their own gebied, as computed from the facts', async () => {
  const area = 'bolnes-slikkerveer';
  const facts = expected.inPeriod((team) => team.startsWith(`${area}:`));
  await expectTables(
    teamlid,
    { per: 'week' },
    {
      'vragen-per-periode': [['Week', ...OUTCOME_HEADER], ...expected.periodRows(facts, 'week')],
      'vragen-per-wijk': [['Wijk', ...OUTCOME_HEADER], ...expected.wijkRows(facts, [area])],
      'aanbod-niet-gecontroleerd': [
        STALE_HEADER,
        ...expected.staleRows(expected.areaWijken([area]).map((wijk) => wijk.id)),
      ],
      'verwijzingen-per-periode': [
        ['Week', ...REFERRAL_HEADER],
        ...expected.referralRows(expected.referralFacts([area]), 'week'),
      ],
      'verwijzingen-niet-gestart': [REASON_HEADER, ...expected.reasonRows(expected.referralFacts([area]))],
      'vrijwilligers-per-periode': [['Week', ...VOLUNTEER_HEADER], ...expected.volunteerRows([area], 'week')],
      'meldingen-per-organisatie': [
        REPORT_HEADER,
        ...expected.reportRows(expected.areaWijken([area]).map((wijk) => wijk.id)),
      ],
    },
  );
  await expectTables(
    teamlid,
    { per: 'maand', wijk: 'bolnes' },
    {
      'vragen-per-periode': [
        ['Maand', ...OUTCOME_HEADER],
        ...expected.periodRows(
          facts.filter((fact) => fact.neighbourhood === 'bolnes'),
          'month',
        ),
      ],
      'verwijzingen-per-periode': [
        ['Maand', ...REFERRAL_HEADER],
        ...expected.referralRows(expected.referralFacts([area], 'bolnes'), 'month'),
      ],
      'vrijwilligers-per-periode': [
        ['Maand', ...VOLUNTEER_HEADER],
        ...expected.volunteerRows([area], 'month', 'bolnes'),
      ],
      'meldingen-per-organisatie': [REPORT_HEADER, ...expected.reportRows(['bolnes'])],
    },
  );
});
