import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { expect, type Page } from '@playwright/test';
import { totpCode } from '#admin/accounts/two-factor.ts';
import { openDatabase } from '#admin/db/open-database.ts';

/** The database of the e2e server (see playwright.config.ts), for reading what the server mailed. */
export function e2eDatabasePath(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set; run through playwright.config.ts');
  return join(dir, 'e2e.sqlite');
}

export const uniqueEmail = (label: string): string =>
  `${label}-${crypto.randomUUID().slice(0, 8)}@example.nl`;

/**
 * Creates an account the way a server operator does, with `npm run admin`, and returns its
 * one-time set-up link. By default on the e2e server's database; a test that starts its own server
 * names that one's.
 */
export function createAccountWithCli(args: string[], databasePath = e2eDatabasePath()): string {
  const output = execFileSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'admin/cli/admin.ts', 'create-user', ...args],
    {
      env: { ...process.env, DATABASE_PATH: databasePath, DEMO_DATA: 'false' },
      encoding: 'utf8',
    },
  );
  const link = /https?:\/\/\S+\/beheer\/uitnodiging\/(\S+)/.exec(output);
  if (!link) throw new Error(`no set-up link in CLI output: ${output}`);
  return `/beheer/uitnodiging/${link[1]}`;
}

/** The newest mail to an address in the server's outbox. */
export async function latestMailTo(address: string): Promise<{ subject: string; body: string }> {
  const db = openDatabase({ dialect: 'sqlite', path: e2eDatabasePath() });
  try {
    const row = await db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text'])
      .where('to_address', '=', address)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return { subject: row.subject, body: row.body_text };
  } finally {
    await db.destroy();
  }
}

export const linkIn = (body: string): string => {
  const match = /https?:\/\/[^/\s]+(\/beheer\/\S+)/.exec(body);
  if (!match?.[1]) throw new Error(`no link in mail: ${body}`);
  return match[1];
};

export async function choosePassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(password);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(password);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
}

/** On the set-up page: reads the key meant for typing over, enters its current code, returns the key. */
export async function setUpAuthenticator(page: Page): Promise<Uint8Array> {
  const manualKey = (await page.locator('[data-totp-key]').innerText()).trim();
  const key = decodeBase32IgnorePadding(manualKey);
  await page.getByLabel('Code uit de app').fill(totpCode(key));
  await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
  await expect(page.getByRole('heading', { name: 'Bewaar je herstelcodes' })).toBeVisible();
  return key;
}

/**
 * Logs in; with a key, also enters a code. Each code is accepted once, so it uses the next time
 * step's code, which the grace window allows and which was not used before.
 */
export async function logIn(page: Page, email: string, password: string, key?: Uint8Array): Promise<void> {
  await page.goto('/beheer/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (key) {
    await expect(page).toHaveURL(/\/beheer\/tweestapsverificatie$/);
    await page.getByLabel('Code').fill(totpCode(key, new Date(), 1));
    await page.getByRole('button', { name: 'Doorgaan' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom/ })).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
}

export const PASSWORD = 'een lange zin als wachtwoord';

/** A beheerder with two-factor set up, logged in on `page`. */
export async function loggedInBeheerder(page: Page): Promise<{ email: string; key: Uint8Array }> {
  const email = uniqueEmail('beheerder');
  await choosePassword(
    page,
    createAccountWithCli(['--email', email, '--role', 'beheerder', '--name', 'Bea Beheer']),
    PASSWORD,
  );
  await expect(page).toHaveURL(/\/beheer\/tweestapsverificatie\/instellen$/);
  const key = await setUpAuthenticator(page);
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, ga verder' }).click();
  return { email, key };
}

/** An organisation editor (no second factor), logged in on `page`. */
export async function loggedInEditor(
  page: Page,
  organisation: string,
  databasePath = e2eDatabasePath(),
): Promise<{ email: string }> {
  const email = uniqueEmail('redacteur');
  await choosePassword(
    page,
    createAccountWithCli(
      [
        '--email',
        email,
        '--role',
        'organisatie',
        '--organisation',
        organisation,
        '--name',
        'Olga Organisatie',
      ],
      databasePath,
    ),
    PASSWORD,
  );
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom/ })).toBeVisible();
  return { email };
}

/** A teamlid of the given teams, with two-factor set up, logged in on `page`. */
export async function loggedInTeamlid(
  page: Page,
  teams: string[],
  name = 'Tara Teamlid',
  databasePath = e2eDatabasePath(),
): Promise<{ email: string; key: Uint8Array }> {
  const email = uniqueEmail('teamlid');
  await choosePassword(
    page,
    createAccountWithCli(
      ['--email', email, '--role', 'teamlid', '--name', name, ...teams.flatMap((team) => ['--team', team])],
      databasePath,
    ),
    PASSWORD,
  );
  const key = await setUpAuthenticator(page);
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, ga verder' }).click();
  return { email, key };
}

/** Questions whose name field holds `marker`: other tests submit questions at the same time. */
export async function questionsNamed(marker: string): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', path: e2eDatabasePath() });
  try {
    const row = await db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('contact_name', 'like', `%${marker}%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}

/**
 * An organisation editor who turned two-factor on, as they must before opening referrals; logged
 * in on `page`.
 */
export async function loggedInEditorWithTwoFactor(
  page: Page,
  organisation: string,
  databasePath = e2eDatabasePath(),
): Promise<{ email: string; key: Uint8Array }> {
  const { email } = await loggedInEditor(page, organisation, databasePath);
  await page.goto('/beheer/tweestapsverificatie/instellen');
  const key = await setUpAuthenticator(page);
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, ga verder' }).click();
  return { email, key };
}
