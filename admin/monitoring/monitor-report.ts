import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';
import type { MonitorContext } from './monitor-context.ts';
import type { MonitorFilter } from './monitor-filter.ts';
import { monitorScope, type MonitorScope } from './monitor-scope.ts';
import type { MonitorTable } from './monitor-table.ts';
import { questionTables } from './question-monitor.ts';
import { referralTables } from './referral-monitor.ts';
import { listingReportTable } from './report-monitor.ts';
import { searchGapTable } from './search-monitor.ts';
import { staleListingTable } from './stale-monitor.ts';
import { volunteerTable } from './volunteer-monitor.ts';

/**
 * The monitor of a beheerder or teamlid: per section the tables (each with its chart and CSV).
 * The scope is checked before anything is read; nothing in it is about one person.
 */
export interface MonitorSection {
  id: string;
  title: string;
  intro: string;
  tables: MonitorTable[];
}

export interface MonitorReport {
  filter: MonitorFilter;
  scope: MonitorScope;
  sections: MonitorSection[];
}

export async function monitorReport(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: MonitorFilter,
  context: MonitorContext,
): Promise<MonitorReport> {
  const scope = monitorScope(actor, filter, context);
  const [questions, referrals, volunteers, searches, stale, reports] = await Promise.all([
    questionTables(db, filter, scope, context),
    referralTables(db, filter, scope),
    volunteerTable(db, filter, scope),
    searchGapTable(db, filter),
    staleListingTable(db, scope, context),
    listingReportTable(db, filter, scope),
  ]);
  return {
    filter,
    scope,
    sections: [
      {
        id: 'vragen',
        title: 'Vragen van inwoners',
        intro:
          'Waar inwoners het team over vragen, en of het team binnen de beloofde termijn contact opnam. ' +
          'Gebruik dit om te zien welk aanbod er meer nodig is.',
        tables: questions,
      },
      {
        id: 'verwijzingen',
        title: 'Verwijzingen',
        intro:
          'Hoe vaak het team inwoners naar aanbod verwees, hoe het bij de aanbieders ging, en waarom hulp niet ' +
          'startte. Zo zie je waar het aanbod tekortschiet, bijvoorbeeld omdat er geen plek is.',
        tables: referrals,
      },
      {
        id: 'vrijwilligers',
        title: 'Vrijwilligers',
        intro:
          'Hoeveel vrijwilligers zich aanmeldden, hoeveel hun hulp op de website laten zien, en hoe vaak een inwoner ' +
          'om die hulp vroeg. En of het lukte.',
        tables: [volunteers],
      },
      {
        id: 'zoeken',
        title: 'Zoeken zonder (genoeg) resultaat',
        intro:
          'Wat inwoners zochten en niet of nauwelijks vonden, in hun eigen woorden. Dit zijn de gaten in de sociale kaart.',
        tables: [searches],
      },
      {
        id: 'aanbod',
        title: 'Aanbod om te controleren',
        intro: 'Welke organisaties aanbod hebben dat lang niet is gecontroleerd. Klopt het nog?',
        tables: [stale],
      },
      {
        id: 'meldingen',
        title: 'Meldingen "Klopt er iets niet?"',
        intro:
          'Hoe vaak inwoners meldden dat iets niet klopt in het aanbod van een organisatie, en of de melding al is ' +
          'afgehandeld.',
        tables: [reports],
      },
    ],
  };
}

/** One table of the report, for its CSV download. */
export async function monitorTable(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: MonitorFilter,
  context: MonitorContext,
  id: string,
): Promise<MonitorTable | undefined> {
  const report = await monitorReport(db, actor, filter, context);
  return report.sections.flatMap((section) => section.tables).find((table) => table.id === id);
}
