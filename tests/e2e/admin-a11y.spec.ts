import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openDatabase } from '#admin/db/open-database.ts';
import {
  createAccountWithCli,
  e2eDatabasePath,
  logIn,
  loggedInBeheerder,
  loggedInEditor,
  loggedInTeamlid,
  logOut,
  PASSWORD,
  uniqueEmail,
  choosePassword,
} from '../support/e2e-admin.ts';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${page.url()} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Axe, and no sideways scrolling at 320 CSS pixels (400% zoom), on the page as it is now. */
async function checkPage(page: Page, found: string[]): Promise<void> {
  found.push(...(await violations(page)));
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) found.push(`${page.url()} scrolls sideways at 320px by ${overflow}px`);
  if (size) await page.setViewportSize(size);
}

async function firstListingId(organisation: string): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', path: e2eDatabasePath() });
  try {
    return (
      await db
        .selectFrom('listings')
        .select('id')
        .where('organisation_slug', '=', organisation)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  } finally {
    await db.destroy();
  }
}

test('axe finds no WCAG 2.2 AA violations on the pages for getting in', async ({ page }) => {
  // A long journey: on a busy machine it needs more than the default time.
  test.slow();
  const found: string[] = [];
  for (const path of [
    '/beheer/inloggen',
    '/beheer/wachtwoord-vergeten',
    '/beheer/wachtwoord-herstellen/onbekend.link',
  ]) {
    await page.goto(path);
    await checkPage(page, found);
  }
  // With errors shown: the summary, the messages next to fields.
  await page.goto('/beheer/inloggen');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Vul je e-mailadres in.').first()).toBeVisible();
  await checkPage(page, found);

  await page.goto(createAccountWithCli(['--email', uniqueEmail('a11y'), '--role', 'beheerder']));
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Vul een wachtwoord in.').first()).toBeVisible();
  await checkPage(page, found);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page).toHaveURL(/instellen$/);
  await checkPage(page, found);
  expect(found).toEqual([]);
});

test('axe finds no WCAG 2.2 AA violations on any back-office page of a beheerder', async ({ page }) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  const { email, key } = await loggedInBeheerder(page);
  await logOut(page);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/tweestapsverificatie$/);
  await checkPage(page, found);
  await page.getByLabel('Code').fill('000000');
  await page.getByRole('button', { name: 'Doorgaan' }).click();
  await checkPage(page, found);
  await logIn(page, email, PASSWORD, key);

  const listingId = await firstListingId('diaconaal-platform-ridderkerk');
  const paths = [
    '/beheer',
    '/beheer/aanbod',
    '/beheer/aanbod?organisatie=karaat&status=published',
    '/beheer/aanbod/nieuw?organisatie=karaat',
    `/beheer/aanbod/${listingId}`,
    `/beheer/aanbod/${listingId}/voorbeeld`,
    '/beheer/organisaties',
    '/beheer/organisaties/karaat',
    '/beheer/gebruikers',
    '/beheer/logboek',
    '/beheer/post',
    '/beheer/account',
  ];
  for (const path of paths) {
    await page.goto(path);
    await checkPage(page, found);
  }
  await page.goto('/beheer/gebruikers');
  await page.locator('table a').first().click();
  await checkPage(page, found);

  // The listing editor and the organisation form with errors.
  await page.goto('/beheer/aanbod/nieuw?organisatie=karaat');
  await page.getByRole('button', { name: 'Opslaan als concept' }).click();
  await expect(page.getByRole('heading', { name: /dingen om te verbeteren/ })).toBeVisible();
  await checkPage(page, found);
  await page.goto('/beheer/organisaties/karaat');
  await page.getByLabel('Naam', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Profiel opslaan' }).click();
  await expect(page.getByText('Vul de naam in.').first()).toBeVisible();
  await checkPage(page, found);
  expect(found).toEqual([]);
});

test('the listing editor can be used with the keyboard alone', async ({ page }) => {
  // A long journey: on a busy machine it needs more than the default time.
  test.slow();
  await loggedInEditor(page, 'diaconaal-platform-ridderkerk');
  const listingId = await firstListingId('diaconaal-platform-ridderkerk');
  await page.goto(`/beheer/aanbod/${listingId}`);

  // Tab from the top of the page to the save button; every stop shows where focus is.
  const stops: string[] = [];
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const style = element ? getComputedStyle(element) : undefined;
      return {
        label: element?.getAttribute('name') ?? element?.innerText.trim() ?? '',
        visible: Boolean(style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2),
      };
    });
    expect(focused.visible, `focus visible on ${focused.label}`).toBe(true);
    stops.push(focused.label);
    if (focused.label === 'Wijzigingen opslaan') break;
  }
  expect(stops).toContain('title');
  expect(stops).toContain('lifeDomains');
  expect(stops).toContain('schedule.weekly[0].opens');
  expect(stops).toContain('locations[0].address.street');
  expect(stops.at(-1)).toBe('Wijzigingen opslaan');

  // Make an error, save with Enter, follow the summary's link to the field, fix it, save again.
  await page.getByLabel('Titel').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  const summaryLink = page.getByRole('link', { name: 'Vul een titel in van minstens 3 tekens.' });
  await expect(summaryLink).toBeVisible();
  await summaryLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Titel')).toBeFocused();
  await page.keyboard.type('Koffie en een luisterend oor');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Je wijzigingen zijn opgeslagen.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koffie en een luisterend oor');
});

test('the invite link page has no violations', async ({ page }) => {
  const found: string[] = [];
  const link = createAccountWithCli([
    '--email',
    uniqueEmail('uitnodiging'),
    '--role',
    'organisatie',
    '--organisation',
    'karaat',
  ]);
  await page.goto(link);
  await checkPage(page, found);
  await choosePassword(page, link, PASSWORD);
  await page.goto(link);
  await checkPage(page, found);
  expect(found).toEqual([]);
});

test('the question form with errors, the receipt and the team inbox have no violations', async ({
  page,
  browser,
  baseURL,
}) => {
  // A long journey: on a busy machine it needs more than the default time.
  test.slow();
  const found: string[] = [];
  await page.goto('/vraag');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByText('Schrijf je vraag op.').first()).toBeVisible();
  await checkPage(page, found);
  await page.getByLabel('Je vraag').fill('Mijn buurvrouw is erg eenzaam, wat kan ik doen?');
  await page.getByLabel('In welke wijk woon je?').selectOption('centrum');
  await page.getByRole('radio', { name: 'Nee' }).check();
  await page.getByLabel('E-mailadres').fill('buur@example.nl');
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Je vraag is ontvangen' })).toBeVisible();
  await checkPage(page, found);
  const reference = (await page.locator('.ww-reference').innerText()).trim();

  const team = await (await browser.newContext({ baseURL })).newPage();
  await loggedInTeamlid(team, ['centrum-oost-west:sociaal']);
  await team.goto('/beheer/inbox');
  await checkPage(team, found);
  await team.getByRole('link', { name: reference }).click();
  await checkPage(team, found);
  await team.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(team.getByText('Schrijf een notitie.').first()).toBeVisible();
  await checkPage(team, found);
  expect(found).toEqual([]);
});
