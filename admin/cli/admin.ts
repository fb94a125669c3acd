// `npm run admin -- <command>`: account tasks for whoever runs the server, above all creating the
// very first beheerder. Prints a one-time set-up link instead of a password: the person chooses
// their own password and sets up two-factor on first use.
//
//   create-user --email <adres> --role beheerder|teamlid|organisatie [--name <naam>]
//               [--organisation <slug>] [--team <team-id> ...]
//   setup-link  --email <adres>     a new set-up link for an account without a password yet
//   copy-database --to <postgres://…|pad>
//               copies all data of the configured database (DATABASE_URL or DATABASE_PATH) into an
//               empty one, e.g. a SQLite installation's data to the PostgreSQL of several instances
import { parseArgs } from 'node:util';
import { issueToken } from '../accounts/one-time-tokens.ts';
import { createUser, EmailTakenError, findUserRowByEmail } from '../accounts/user-repository.ts';
import { InviteInputSchema } from '../accounts/user-admin.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { databaseLocation, env } from '../config/env.ts';
import { contentRoot, projectRoot } from '../config/paths.ts';
import { loadContent } from '../content/load-content.ts';
import { CopyDatabaseError, copyDatabase } from '../db/copy-database.ts';
import { describeDatabaseLocation, parseDatabaseLocation } from '../db/database-location.ts';
import { openDatabase } from '../db/open-database.ts';
import { findOrganisationBySlug } from '../organisations/organisation-repository.ts';
import { prepareDatabase } from '../setup/prepare-database.ts';
import { teamOptions } from '../setup/admin-context.ts';

const USAGE = `Gebruik:
  npm run admin -- create-user --email <adres> --role beheerder|teamlid|organisatie [--name <naam>] [--organisation <slug>] [--team <team-id> ...]
  npm run admin -- setup-link --email <adres>
  npm run admin -- copy-database --to <postgres://gebruiker:wachtwoord@server/database | pad/naar/bestand.sqlite>`;

class UsageError extends Error {}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    organisation: { type: 'string' },
    team: { type: 'string', multiple: true },
    to: { type: 'string' },
  },
});

const config = env();
const content = loadContent(contentRoot);
const db = openDatabase(databaseLocation(config));
const baseUrl = (config.SITE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');

async function setupLink(userId: number): Promise<string> {
  return `${baseUrl}/beheer/uitnodiging/${await issueToken(db, userId, 'setup')}`;
}

/** Copies everything from the configured database into the empty one named by --to. */
async function copyTo(to: string | undefined): Promise<void> {
  if (!to) throw new UsageError('Geef met --to aan waarheen: een postgres://-adres of een pad.');
  const from = databaseLocation(config);
  const target = parseDatabaseLocation(to, projectRoot);
  if (JSON.stringify(target) === JSON.stringify(from))
    throw new UsageError('Bron en doel zijn dezelfde database.');
  const targetDb = openDatabase(target, { poolSize: 2, statementTimeoutMs: 0 });
  try {
    const report = await copyDatabase(db, targetDb);
    for (const { table, rows } of report) console.log(`  ${table}: ${rows}`);
    console.log(
      `Gekopieerd van ${describeDatabaseLocation(from)} naar ${describeDatabaseLocation(target)}. ` +
        'Zet nu DATABASE_URL (of DATABASE_PATH) op het doel en start de server(s).',
    );
  } finally {
    await targetDb.destroy();
  }
}

async function run(): Promise<void> {
  const [command] = positionals;
  // A copy only reads its source; every other command may need the schema and organisations.
  if (command === 'copy-database') return copyTo(values.to);
  await prepareDatabase(db, { content, contentRoot, demoData: false });
  if (command === 'create-user') {
    const parsed = InviteInputSchema.safeParse({
      email: values.email,
      displayName: values.name ?? values.email,
      role: values.role,
      organisationSlug: values.organisation,
      teamIds: values.team ?? [],
    });
    if (!parsed.success)
      throw new UsageError(
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
      );
    const input = parsed.data;
    if (input.role === 'organisatie' && !(await findOrganisationBySlug(db, input.organisationSlug ?? '')))
      throw new UsageError(`Onbekende organisatie: ${input.organisationSlug}`);
    const known = teamOptions(content).map((team) => team.id);
    const unknown = input.teamIds.filter((team) => !known.includes(team));
    if (unknown.length > 0)
      throw new UsageError(`Onbekend team: ${unknown.join(', ')}. Kies uit: ${known.join(', ')}`);
    const user = await createUser(db, {
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      organisationSlug: input.organisationSlug ?? null,
      teamIds: input.teamIds,
    });
    await recordAudit(db, {
      actorId: null,
      action: 'user.create-cli',
      objectType: 'user',
      objectId: String(user.id),
      changes: { role: { from: null, to: user.role } },
    });
    console.log(
      `Account gemaakt voor ${user.email} (${user.role}).\nEenmalige link om een wachtwoord te kiezen (7 dagen geldig):\n${await setupLink(user.id)}`,
    );
    return;
  }
  if (command === 'setup-link') {
    const row = await findUserRowByEmail(db, values.email ?? '');
    if (!row) throw new UsageError(`Geen account met ${values.email ?? '(geen adres)'}.`);
    if (row.password_hash)
      throw new UsageError(
        'Dit account heeft al een wachtwoord; gebruik "wachtwoord vergeten" op de inlogpagina.',
      );
    console.log(`Nieuwe eenmalige link voor ${row.email}:\n${await setupLink(row.id)}`);
    return;
  }
  throw new UsageError(USAGE);
}

try {
  await run();
} catch (error) {
  if (!(
    error instanceof UsageError ||
    error instanceof EmailTakenError ||
    error instanceof CopyDatabaseError
  ))
    throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  await db.destroy();
}
