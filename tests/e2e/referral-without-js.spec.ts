import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { routeQuestion } from '#admin/questions/team-directory.ts';
import { linkIn, loggedInEditorWithTwoFactor, loggedInTeamlid } from '../support/e2e-admin.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startSmtpReceiver, type ReceivedMail } from '../support/smtp-receiver.ts';

// The whole referral, on a phone without JavaScript, against a server of its own that mails
// through a real SMTP server: a resident's question → "Koppel aan aanbod" → a referral to two
// listings → the handover sheet, printed → the first organisation: "niet gestart: geen plek" → the
// teamlid sees why → the second: "gestart" → four weeks later the follow-up is answered. No mail
// carries anything about the resident, and a third organisation's editor cannot open it.
test.describe.configure({ mode: 'serial', timeout: 420_000 });

const content = loadContent(contentRoot);
const WIJK = 'slikkerveer';
const team = routeQuestion(content, { neighbourhood: WIJK, aboutYouth: false });
const unique = crypto.randomUUID().slice(0, 6);
const RESIDENT = {
  name: `Fatima Verwijs ${unique}`,
  phone: '06 87654321',
  email: `fatima-${unique}@example.nl`,
  question: `Ik heb schulden en de rekeningen stapelen zich op. Ik weet niet meer hoe ik rond moet komen ${unique}.`,
  note: `Mevrouw heeft drie maanden huurachterstand en slaapt slecht ${unique}.`,
};
const withoutEnvelope = (mail: ReceivedMail) => mail.raw.replace(/^To: .*$/m, '');
const aboutTheResident = (text: string) => Object.values(RESIDENT).filter((value) => text.includes(value));

let server: ServerProcess;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

test.beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startServerProcess({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    QUESTION_MIN_FILL_SECONDS: '1',
    QUESTION_RATE_LIMIT: '1000',
    LOCATIESERVER_URL: 'http://127.0.0.1:9/bzk/locatieserver/search/v3_1',
    MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
  });
});
test.afterAll(async () => {
  expect(await server.stop()).toBe(0);
  await smtp.stop();
});

/** A phone without JavaScript, on this test's own server. */
async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    javaScriptEnabled: false,
    baseURL: server.base,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  return context.newPage();
}

async function mailTo(address: string, subject: RegExp): Promise<ReceivedMail> {
  await expect
    .poll(() => smtp.received.some((mail) => mail.to.includes(address) && subject.test(mail.raw)), {
      timeout: 60_000,
    })
    .toBe(true);
  return smtp.received.filter((mail) => mail.to.includes(address) && subject.test(mail.raw)).at(-1)!;
}

async function organisationOfListing(id: number): Promise<string> {
  const db = openDatabase({ dialect: 'sqlite', path: server.databasePath });
  try {
    return (
      await db
        .selectFrom('listings')
        .select('organisation_slug')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).organisation_slug;
  } finally {
    await db.destroy();
  }
}

test('a question becomes a referral to two listings, each organisation reports back, and the follow-up is answered', async ({
  browser,
}) => {
  // The resident asks, without JavaScript.
  const resident = await phone(browser);
  await resident.goto(`/vraag?wijk=${WIJK}`);
  await resident.getByLabel('Je vraag').fill(RESIDENT.question);
  await resident.getByRole('radio', { name: 'Nee' }).check();
  await resident.getByRole('checkbox', { name: 'Geld' }).check();
  await resident.getByLabel('Telefoonnummer').fill(RESIDENT.phone);
  await resident.getByLabel('E-mailadres').fill(RESIDENT.email);
  await resident.getByLabel('Je naam').fill(RESIDENT.name);
  await resident.waitForTimeout(1100);
  await resident.getByRole('button', { name: 'Vraag versturen' }).click();
  const questionReference = (await resident.locator('.ww-reference').innerText()).trim();

  // The teamlid finds it in the inbox and asks for suggestions.
  const teamlid = await phone(browser);
  const { email: teamlidEmail } = await loggedInTeamlid(teamlid, [team], 'Tara Teamlid', server.databasePath);
  await teamlid.goto('/beheer/inbox');
  await teamlid.getByRole('link', { name: questionReference }).click();
  await teamlid.getByRole('link', { name: 'Koppel aan aanbod' }).click();
  await expect(
    teamlid.getByRole('heading', { level: 1, name: `Koppel vraag ${questionReference} aan aanbod` }),
  ).toBeVisible();
  await expect(teamlid.getByText('de woorden van de vraag')).toBeVisible();

  // Two suggestions of two different organisations.
  const cards = teamlid.locator('.ww-referrer-card');
  expect(await cards.count()).toBeGreaterThanOrEqual(2);
  const picked: { id: number; title: string; organisation: string }[] = [];
  for (let index = 0; index < (await cards.count()) && picked.length < 2; index++) {
    const link = cards.nth(index).getByRole('link').first();
    const id = Number(/\/beheer\/zoeken\/aanbod\/(\d+)/.exec((await link.getAttribute('href')) ?? '')?.[1]);
    const organisation = await organisationOfListing(id);
    if (picked.some((listing) => listing.organisation === organisation)) continue;
    picked.push({ id, title: (await link.innerText()).trim(), organisation });
  }
  expect(picked).toHaveLength(2);
  const [first, second] = picked as [(typeof picked)[0], (typeof picked)[0]];

  // Both organisations have an editor, with two-factor, who will hear of the referral.
  const editorA = await phone(browser);
  const { email: editorAEmail } = await loggedInEditorWithTwoFactor(
    editorA,
    first.organisation,
    server.databasePath,
  );
  const editorB = await phone(browser);
  const { email: editorBEmail } = await loggedInEditorWithTwoFactor(
    editorB,
    second.organisation,
    server.databasePath,
  );

  for (const listing of picked) {
    await teamlid.getByRole('button', { name: `Toevoegen aan verwijzing: ${listing.title}` }).click();
    await expect(teamlid.locator('.ww-draft')).toContainText(listing.title);
  }
  await teamlid.getByRole('link', { name: 'Verwijzing opstellen' }).click();
  await expect(teamlid.getByRole('heading', { level: 1, name: 'Verwijzing opstellen' })).toBeVisible();
  // What the resident already gave is filled in from the question.
  await expect(teamlid.getByLabel('Naam', { exact: true })).toHaveValue(RESIDENT.name);
  await expect(teamlid.getByLabel('Telefoonnummer')).toHaveValue(RESIDENT.phone);
  await expect(teamlid.getByLabel('Wijk')).toHaveValue(WIJK);
  await expect(teamlid.getByRole('checkbox', { name: 'Geld' })).toBeChecked();

  // Without consent nothing is sent.
  await teamlid.getByLabel('Wat heeft de inwoner al verteld?').fill(RESIDENT.note);
  await teamlid.getByRole('button', { name: 'Verwijzing versturen' }).click();
  await expect(teamlid.getByRole('link', { name: /Vraag de inwoner eerst/ })).toBeVisible();
  await teamlid.getByRole('checkbox', { name: /geeft toestemming/ }).check();
  await teamlid.getByRole('button', { name: 'Verwijzing versturen' }).click();
  await expect(teamlid.getByText('De verwijzing is verstuurd.')).toBeVisible();
  const reference = (await teamlid.getByRole('heading', { level: 1 }).innerText())
    .replace('Verwijzing ', '')
    .trim();
  expect(reference).toMatch(/^VW-\d{4}-\d{6}$/);
  const referralPath = new URL(teamlid.url()).pathname;

  // The handover sheet, as it prints: A4, without the back office around it.
  await teamlid.getByRole('link', { name: 'Overdrachtsblad voor de inwoner' }).click();
  const sheet = teamlid.locator('.ww-handover');
  await expect(sheet.getByRole('heading', { level: 1, name: 'Waar je terecht kunt' })).toBeVisible();
  for (const listing of picked)
    await expect(sheet.getByRole('heading', { name: listing.title })).toBeVisible();
  await expect(sheet).toContainText('Wie belt wie?');
  expect(aboutTheResident(await sheet.innerText())).toEqual([]);
  await teamlid.emulateMedia({ media: 'print' });
  await expect(teamlid.locator('.ww-admin-header')).toBeHidden();
  await expect(teamlid.getByRole('heading', { name: 'Ook mailen?' })).toBeHidden();
  await expect(sheet.getByRole('heading', { level: 1, name: 'Waar je terecht kunt' })).toBeVisible();
  const pdf = await teamlid.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);
  await teamlid.emulateMedia({ media: 'screen' });
  // And by mail, with only the public information about the listings.
  await teamlid.getByLabel('E-mailadres van de inwoner').fill(RESIDENT.email);
  await teamlid.getByRole('button', { name: 'Mail de informatie' }).click();
  await expect(teamlid.getByText('De mail staat klaar')).toBeVisible();
  const handover = await mailTo(RESIDENT.email, /De informatie die je vroeg/);
  for (const listing of picked) expect(handover.raw).toContain(listing.title);

  // Each organisation hears of it without anything about the resident, and follows the link.
  const mailA = await mailTo(editorAEmail, /Nieuwe verwijzing/);
  expect(mailA.raw).toContain(reference);
  expect(mailA.raw).toContain('nieuwe verwijzing in je werkbak');
  await editorA.goto(linkIn(mailA.raw));
  await expect(editorA.getByRole('heading', { level: 1, name: `Verwijzing ${reference}` })).toBeVisible();
  await expect(editorA.getByText(RESIDENT.note)).toBeVisible();
  await expect(editorA.getByRole('heading', { name: second.title })).toHaveCount(0);
  await editorA.getByRole('radio', { name: 'Niet gestart' }).check();
  await editorA.getByRole('radio', { name: 'Geen plek' }).check();
  await editorA.getByRole('button', { name: `Stand opslaan: ${first.title}` }).click();
  await expect(editorA.getByText('De stand is opgeslagen.')).toBeVisible();

  // The teamlid sees why, and heard that something changed.
  await mailTo(teamlidEmail, new RegExp(`Verwijzing ${reference} is bijgewerkt`));
  await teamlid.goto(referralPath);
  await expect(teamlid.locator('.ww-referral-item').filter({ hasText: first.title })).toContainText(
    'Niet gestart: geen plek',
  );

  const mailB = await mailTo(editorBEmail, /Nieuwe verwijzing/);
  await editorB.goto(linkIn(mailB.raw));
  await editorB.getByRole('radio', { name: 'Gestart', exact: true }).check();
  await editorB.getByRole('button', { name: `Stand opslaan: ${second.title}` }).click();
  await expect(editorB.getByText('De stand is opgeslagen.')).toBeVisible();
  await teamlid.reload();
  await expect(teamlid.locator('.ww-referral-item').filter({ hasText: second.title })).toContainText(
    'Gestart',
  );

  // Another organisation's editor cannot open it, nor find it.
  const other = await phone(browser);
  const third =
    content.organisations
      .map((entry) => entry.id)
      .find((slug) => !picked.some((l) => l.organisation === slug)) ?? '';
  await loggedInEditorWithTwoFactor(other, third, server.databasePath);
  const refused = await other.goto(referralPath);
  expect(refused?.status()).toBe(403);
  await expect(other.getByText('niet naar jullie organisatie')).toBeVisible();
  await expect(other.getByText(RESIDENT.name)).toHaveCount(0);
  await other.goto('/beheer/verwijzingen?stand=alle');
  await expect(other.getByRole('link', { name: reference })).toHaveCount(0);

  // Four weeks later: "Heeft het geholpen?" in the teamlid's inbox.
  const db = openDatabase({ dialect: 'sqlite', path: server.databasePath });
  try {
    await db
      .updateTable('referrals')
      .set({ follow_up_due_at: new Date(Date.now() - 3600_000).toISOString() })
      .where('reference', '=', reference)
      .execute();
  } finally {
    await db.destroy();
  }
  await teamlid.goto('/beheer/inbox');
  await teamlid.getByRole('link', { name: `Verwijzing ${reference}` }).click();
  await teamlid.getByRole('radio', { name: 'Ja, het heeft geholpen' }).check();
  await teamlid.getByRole('button', { name: 'Antwoord opslaan' }).click();
  await expect(teamlid.getByText('Je antwoord is opgeslagen.')).toBeVisible();
  await teamlid.goto('/beheer/inbox');
  await expect(teamlid.getByRole('link', { name: `Verwijzing ${reference}` })).toHaveCount(0);
  await teamlid.goto(`/beheer/verwijzingen?stand=afgesloten`);
  await expect(teamlid.getByRole('row').filter({ hasText: reference })).toContainText(
    'Ja, het heeft geholpen',
  );

  // No mail carried anything about the resident: not to the organisations, the team or the resident.
  expect(smtp.received.length).toBeGreaterThanOrEqual(6);
  for (const mail of smtp.received) expect(aboutTheResident(withoutEnvelope(mail))).toEqual([]);
});
