import { expect, test } from '@playwright/test';
import {
  choosePassword,
  latestMailTo,
  linkIn,
  logIn,
  loggedInBeheerder,
  loggedInEditor,
  logOut,
  PASSWORD,
  setUpAuthenticator,
  uniqueEmail,
  createAccountWithCli,
} from '../support/e2e-admin.ts';

test('a beheerder invites an editor, who sets up two-factor, edits a listing that search then finds, and logs out', async ({
  page,
  browser,
}, testInfo) => {
  // A long journey: on a busy machine it needs more than the default time.
  test.slow();
  await loggedInBeheerder(page);

  // Invite an editor of Humanitas.
  const editorEmail = uniqueEmail('humanitas');
  await page.getByRole('link', { name: 'Gebruikers' }).click();
  await page.getByLabel('E-mailadres').fill(editorEmail);
  await page.getByLabel('Naam', { exact: true }).fill('Hanna Humanitas');
  await page.getByRole('radio', { name: 'Organisatie (eigen aanbod)' }).check();
  await page
    .getByLabel('Organisatie (alleen bij rol organisatie)')
    .selectOption({ label: 'Humanitas Ridderkerk' });
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByText('De uitnodiging staat klaar om te versturen.')).toBeVisible();

  // Without a mail server the invite waits in the outbox, where the beheerder can see it.
  await page.getByRole('link', { name: 'Verstuurde mail' }).click();
  const invite = page.locator('article', { hasText: editorEmail });
  await expect(invite).toContainText('Wacht op verzending');
  await invite.getByText('Tekst van de mail').click();
  const inviteLink = linkIn(await invite.locator('.ww-mail-body').innerText());
  await logOut(page);

  const { baseURL, javaScriptEnabled, viewport, userAgent, isMobile, locale } = testInfo.project.use;
  const editorContext = await browser.newContext({
    baseURL,
    javaScriptEnabled,
    viewport,
    userAgent,
    isMobile,
    locale,
  });
  const editor = await editorContext.newPage();
  await choosePassword(editor, inviteLink, PASSWORD);
  await expect(editor.getByRole('heading', { level: 1, name: 'Welkom, Hanna Humanitas' })).toBeVisible();
  await editor.getByRole('link', { name: 'Mijn account' }).click();
  await editor.getByRole('link', { name: 'Zet tweestapsverificatie aan' }).click();
  const key = await setUpAuthenticator(editor);
  await editor.getByRole('link', { name: 'Ik heb de codes bewaard, ga verder' }).click();
  await logOut(editor);

  await logIn(editor, editorEmail, PASSWORD, key);
  await editor.getByRole('link', { name: 'Aanbod', exact: true }).click();
  // Each browser project edits its own listing, so parallel runs do not collide.
  await editor
    .locator('table a')
    .nth(testInfo.project.name === 'desktop' ? 0 : 1)
    .click();
  const newTitle = `Samen aan tafel ${crypto.randomUUID().slice(0, 6)}`;
  await editor.getByLabel('Titel').fill(newTitle);
  await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(editor.getByText('Je wijzigingen zijn opgeslagen.')).toBeVisible();
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(newTitle);

  await editor.goto(`/zoeken?q=${encodeURIComponent(newTitle)}`);
  await expect(editor.getByRole('link', { name: newTitle })).toBeVisible();

  await editor.goto('/beheer');
  await logOut(editor);
  await editor.goto('/beheer/aanbod');
  await expect(editor).toHaveURL(/\/beheer\/inloggen\?terug=%2Fbeheer%2Faanbod$/);
  await editorContext.close();
});

test('someone who forgot their password gets a link, chooses a new one, and the old one stops working', async ({
  page,
}) => {
  const { email } = await loggedInEditor(page, 'karaat');
  await logOut(page);
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByText('Als er een account is met dit e-mailadres')).toBeVisible();

  const mail = await latestMailTo(email);
  expect(mail.subject).toContain('Nieuw wachtwoord');
  const link = linkIn(mail.body);
  await choosePassword(page, link, 'mijn nieuwe lange wachtwoordzin');
  await expect(page.getByText('Je nieuwe wachtwoord is opgeslagen.')).toBeVisible();

  // The link is used up, the old password no longer works, the new one does.
  const reused = await page.goto(link);
  expect(reused?.status()).toBe(410);
  await expect(page.getByText('Deze link is al gebruikt.')).toBeVisible();
  await page.goto('/beheer/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet.').first()).toBeVisible();
  await logIn(page, email, 'mijn nieuwe lange wachtwoordzin');
});

test('repeated wrong passwords lock the account for a while, also for the right password', async ({
  page,
}) => {
  const { email } = await loggedInEditor(page, 'gemeente-ridderkerk');
  await logOut(page);
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(`fout wachtwoord ${attempt}`);
    const refused = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('/beheer/inloggen'),
    );
    await page.getByRole('button', { name: 'Inloggen' }).click();
    expect((await refused).status(), `attempt ${attempt}`).toBe(422);
    await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet.').first()).toBeVisible();
  }
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  const response = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().includes('/beheer/inloggen'),
  );
  await page.getByRole('button', { name: 'Inloggen' }).click();
  expect((await response).status()).toBe(429);
  await expect(
    page.getByText(/Te veel pogingen\. Probeer het over \d+ minu(u)?t(en)? opnieuw\./),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/beheer\/inloggen/);
});

test("an editor cannot open another organisation's listing or profile", async ({ page }) => {
  await loggedInEditor(page, 'karaat');
  const own = await page.goto('/beheer/organisaties/karaat');
  expect(own?.status()).toBe(200);
  const other = await page.goto('/beheer/organisaties/sport-en-welzijn');
  expect(other?.status()).toBe(403);
  await expect(page.getByText('Dit hoort bij een andere organisatie.')).toBeVisible();
  for (const path of ['/beheer/gebruikers', '/beheer/logboek', '/beheer/post']) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
});

test('a teamlid must set up two-factor before anything else', async ({ page }) => {
  const email = uniqueEmail('teamlid');
  await choosePassword(
    page,
    createAccountWithCli(['--email', email, '--role', 'teamlid', '--team', 'triage']),
    PASSWORD,
  );
  await expect(page).toHaveURL(/\/beheer\/tweestapsverificatie\/instellen$/);
  await page.goto('/beheer/account');
  await expect(page).toHaveURL(/\/beheer\/tweestapsverificatie\/instellen$/);
  await setUpAuthenticator(page);
  await page.goto('/beheer/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
});
