import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '#admin/accounts/sessions.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import type { DatabaseLocation } from '#admin/db/database-location.ts';
import type { Database } from '#admin/db/tables.ts';
import { findListingById, insertListing } from '#admin/listings/listing-repository.ts';
import { enqueueMail } from '#admin/mail/outbox.ts';
import { createReferral } from '#admin/referrals/create-referral.ts';
import { volunteerForLink } from '#admin/volunteering/volunteer-self-service.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { accountWith } from '../support/accounts.ts';
import { referralContextFor, referralInput, referralWorld } from '../support/referrals.ts';
import { confirmedVolunteer } from '../support/volunteering.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

// `npm run admin -- copy-database --to …` as an operator runs it: from an existing SQLite
// installation to this project's database (PostgreSQL in the postgres project, another SQLite
// file in the sqlite one).
const content = loadContent(contentRoot);
let source: TempDatabase;
let target: TempDatabase;

beforeEach(async () => {
  source = await tempDatabase('sqlite');
  target = await tempDatabase();
  await prepareDatabase(source.db, { content, contentRoot, demoData: true });
});
afterEach(async () => {
  await Promise.all([source.close(), target.close()]);
});

const toArgument = (location: DatabaseLocation) =>
  location.dialect === 'postgres' ? location.url : location.path;

function copyCli(to: DatabaseLocation) {
  if (source.location.dialect !== 'sqlite') throw new Error('source must be SQLite');
  const { DATABASE_URL: _unused, ...environment } = process.env;
  return spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'admin/cli/admin.ts', 'copy-database', '--to', toArgument(to)],
    {
      encoding: 'utf8',
      env: { ...environment, DATABASE_PATH: source.location.path },
    },
  );
}

const TABLES = [
  'app_meta',
  'organisations',
  'listings',
  'listing_neighbourhoods',
  'listing_life_domains',
  'listing_audiences',
  'users',
  'user_teams',
  'sessions',
  'mail_outbox',
  'audit_log',
  'data_versions',
  'referrals',
  'referral_life_domains',
  'referral_items',
  'referral_events',
  'referral_drafts',
  'volunteers',
  'personal_links',
  'submission_areas',
  'submission_events',
] as const satisfies (keyof Database)[];

const rowsOf = async (db: TempDatabase['db'], table: (typeof TABLES)[number]) =>
  JSON.stringify(await db.selectFrom(table).selectAll().execute(), (_key, value: unknown) =>
    // Both databases give numbers for integer columns; compare text to text, number to number.
    typeof value === 'bigint' ? Number(value) : value,
  );

describe('copy-database', () => {
  it('copies every row, keeps ids and sessions, and numbers new rows after the copied ones', async () => {
    const user = await accountWith(source.db, { role: 'organisatie', organisationSlug: 'karaat' });
    const { token } = await createSession(source.db, user.id, { twoFactorVerified: true });
    await enqueueMail(source.db, { to: 'team@example.nl', subject: 'Welkom', text: 'Tekst' });
    const world = await referralWorld(source.db, content);
    await createReferral(source.db, world.teamlid, referralInput(world), referralContextFor(content));
    // A volunteer's sign-up: the personal link in their mail must still open their page after the move.
    const volunteer = await confirmedVolunteer(source.db, {
      content,
      baseUrl: 'https://wijkwijzer.example',
      siteName: 'Wijkwijzer Test',
    });

    const result = copyCli(target.location);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Gekopieerd van SQLite');

    for (const table of TABLES) {
      const ordered = (rows: string) => JSON.parse(rows) as unknown[];
      expect(ordered(await rowsOf(target.db, table)), table).toEqual(
        expect.arrayContaining(ordered(await rowsOf(source.db, table))),
      );
      expect(ordered(await rowsOf(target.db, table)).length, table).toBe(
        ordered(await rowsOf(source.db, table)).length,
      );
    }
    expect(await findListingById(target.db, 7)).toEqual(await findListingById(source.db, 7));
    expect((await validateSessionToken(target.db, token))?.user.email).toBe(user.email);
    expect((await volunteerForLink(target.db, volunteer.token, {})).reference).toBe(volunteer.reference);

    const highest = await source.db
      .selectFrom('listings')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    // A new listing made from a copied one: its own slug and its own open-data id.
    const { openDataId: _copied, ...listing } = (await findListingById(target.db, 1))!;
    const id = await insertListing(target.db, { ...listing, slug: 'na-de-kopie' });
    expect(id).toBe(Number(highest.id) + 1);
  });

  it('refuses a target that already holds data, and leaves it as it was', async () => {
    expect(copyCli(target.location).status).toBe(0);
    const before = await rowsOf(target.db, 'listings');
    const again = copyCli(target.location);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('De doeldatabase is niet leeg');
    expect(await rowsOf(target.db, 'listings')).toBe(before);
  });
});
