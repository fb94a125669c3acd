import type { Migration } from 'kysely';
import * as listings from './0001-listings.ts';
import * as searchLog from './0002-search-log.ts';
import * as usersAndSessions from './0003-users-and-sessions.ts';
import * as questions from './0004-questions.ts';
import * as hardening from './0005-hardening.ts';
import * as severalInstances from './0006-several-instances.ts';
import * as volunteersAndActivities from './0007-volunteers-and-activities.ts';
import * as referrals from './0008-referrals.ts';
import * as monitoringAndOpenData from './0009-monitoring-and-open-data.ts';

/**
 * All migrations, in order. Listed statically (not read from disk) so they are bundled into
 * the server build and run the same from the CLI and from tests.
 */
export const migrations: Record<string, Migration> = {
  '0001-listings': listings,
  '0002-search-log': searchLog,
  '0003-users-and-sessions': usersAndSessions,
  '0004-questions': questions,
  '0005-hardening': hardening,
  '0006-several-instances': severalInstances,
  '0007-volunteers-and-activities': volunteersAndActivities,
  '0008-referrals': referrals,
  '0009-monitoring-and-open-data': monitoringAndOpenData,
};
