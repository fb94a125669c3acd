import { expect, test, type APIRequestContext } from '@playwright/test';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { routeQuestion } from '#admin/questions/team-directory.ts';
import { loggedInTeamlid, questionsNamed } from '../support/e2e-admin.ts';

const content = loadContent(contentRoot);
const wijk = content.neighbourhoods.find((entry) => entry.id === 'slikkerveer')!;
const ownTeam = routeQuestion(content, { neighbourhood: wijk.id, aboutYouth: false });
const otherTeam = routeQuestion(content, {
  neighbourhood: content.neighbourhoods.find((entry) => entry.data.area !== wijk.data.area)!.id,
  aboutYouth: false,
});
/** The e2e server takes forms filled in faster than this for bots (QUESTION_MIN_FILL_SECONDS). */
const FILL_TIME_MS = 1100;

test('a resident asks a question without an account; the team of their gebied sees it, another team does not, and takes it to afgerond', async ({
  page,
  browser,
  baseURL,
}) => {
  // A long journey: on a busy machine it needs more than the default time.
  test.slow();
  const words = `Ik kom niet rond en de rekeningen stapelen zich op ${crypto.randomUUID().slice(0, 6)}. Kunnen jullie helpen? <3`;
  await page.goto(`/wijken/${wijk.id}`);
  await page.getByRole('link', { name: 'Stel je vraag aan het wijkteam' }).click();
  await expect(page.getByLabel('In welke wijk woon je?')).toHaveValue(wijk.id);
  await expect(page.getByRole('heading', { name: 'Direct hulp nodig?' })).toBeVisible();
  await page.getByLabel('Je vraag').fill(words);
  await page.getByRole('radio', { name: 'Nee' }).check();
  await page.getByRole('checkbox', { name: 'Geld' }).check();
  await page.getByLabel('Telefoonnummer').fill('06 12345678');
  await page.waitForTimeout(FILL_TIME_MS);
  await page.getByRole('button', { name: 'Vraag versturen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Je vraag is ontvangen' })).toBeVisible();
  const reference = (await page.locator('.ww-reference').innerText()).trim();
  expect(reference).toMatch(/^VR-\d{4}-\d{6}$/);
  await expect(
    page.getByText(content.areas.find((area) => area.id === wijk.data.area)!.data.teams.sociaal.name),
  ).toBeVisible();

  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  await loggedInTeamlid(other, [otherTeam], 'Ander Team');
  await other.goto('/beheer/inbox?status=alle');
  await expect(other.getByRole('link', { name: reference })).toHaveCount(0);
  await otherContext.close();

  const teamContext = await browser.newContext({ baseURL });
  const team = await teamContext.newPage();
  await loggedInTeamlid(team, [ownTeam]);
  await team.getByRole('link', { name: 'Inbox', exact: true }).click();
  await team.getByRole('link', { name: reference }).click();
  await expect(team.getByText(words)).toBeVisible();
  await team.getByRole('button', { name: 'Neem in behandeling' }).click();
  await expect(team.getByText('Je hebt de vraag in behandeling genomen.')).toBeVisible();
  await team.getByRole('radio', { name: 'Gebeld' }).check();
  await team.getByRole('radio', { name: 'Ja' }).check();
  await team.getByRole('button', { name: 'Contactpoging opslaan' }).click();
  await expect(team.getByText('De contactpoging is vastgelegd.')).toBeVisible();
  await team.getByLabel('Notitie (alleen voor het team)').fill('<script>alert("x")</script> terugbellen');
  await team.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(team.getByText('<script>alert("x")</script> terugbellen')).toBeVisible();
  await team.getByLabel('Nieuwe status').selectOption('afgerond');
  await team.getByRole('button', { name: 'Status opslaan' }).click();
  await expect(team.getByText('De status is aangepast.')).toBeVisible();
  await expect(team.locator('.ww-history')).toContainText('Status: In behandeling → Afgerond');

  await team.goto('/beheer/inbox');
  await expect(team.getByRole('link', { name: reference })).toHaveCount(0);
  await team.goto('/beheer/inbox?status=afgerond');
  await expect(team.getByRole('link', { name: reference })).toBeVisible();
  await teamContext.close();
});

test('the contact question says before sending that one way is enough', async ({ page }) => {
  await page.goto('/vraag');
  const contact = page.getByRole('group', { name: 'Hoe kunnen we je bereiken?' });
  await expect(contact).toContainText('Vul je telefoonnummer of e-mailadres in (één is genoeg).');
  await expect(contact.getByText('Telefoonnummer', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Telefoonnummer')).toBeVisible();
  await expect(contact.locator('label', { hasText: 'niet verplicht' })).toHaveText(/Je naam/);
});

test('an empty form gets every error in one round, and the resident lands on the summary', async ({
  page,
}, testInfo) => {
  await page.goto('/vraag');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  const summary = page.locator('.ww-error-summary');
  await expect(summary.getByRole('heading')).toHaveText('Er zijn 3 dingen om te verbeteren');
  await expect(summary.getByRole('link')).toHaveText([
    'Schrijf je vraag op.',
    'Geef aan of je vraag over een kind of jongere gaat.',
    /^Vul je telefoonnummer of e-mailadres in \(één is genoeg\)/,
  ]);
  await expect(summary).toBeInViewport();
  // The summary comes first: before the introduction and the urgent-help box.
  expect(await summary.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(
    await page.locator('.ww-lead').evaluate((element) => element.getBoundingClientRect().top),
  );
  if (testInfo.project.use.javaScriptEnabled === false) await expect(page).toHaveURL(/#foutmeldingen$/);
  else await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Schrijf je vraag op.' }).click();
  await expect(page.getByLabel('Je vraag')).toBeFocused();
});

test('the receipt says only what the resident gave, and names the team without a wrong article', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/vraag');
  await page.getByLabel('Je vraag').fill('Ik weet niet bij wie ik moet zijn met mijn vraag over geld.');
  await page.getByRole('radio', { name: 'Nee' }).check();
  await page.getByLabel('Telefoonnummer').fill('06 12345678');
  await page.waitForTimeout(FILL_TIME_MS);
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Je vraag is ontvangen' });
  await expect(heading).toBeVisible();
  // On a 320 px screen the heading keeps its words whole: at most two lines.
  const lineHeight = await heading.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  expect((await heading.boundingBox())?.height ?? 0).toBeLessThanOrEqual(2 * lineHeight + 1);
  const reference = page.locator('.ww-reference');
  await expect(reference).toHaveText(/^VR-\d{4}-\d{6}$/);
  expect(await reference.evaluate((element) => element.getClientRects().length)).toBe(1);
  await expect(page.getByText('Je vraag staat nu bij: Centrale toegang Ridderkerk.')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('bij het Centrale');
  await expect(
    page.getByText(/Het team belt je binnen 2 werkdagen op het telefoonnummer dat je gaf\./),
  ).toBeVisible();
  await expect(page.locator('main')).not.toContainText('e-mail');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

async function formToken(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/vraag')).text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no form token on /vraag');
  return token;
}

const good = {
  question: 'Ik zoek hulp bij mijn administratie.',
  neighbourhood: 'oost',
  aboutYouth: 'nee',
  phone: '0180-123456',
};
const badInputs: [string, Record<string, string>, string][] = [
  ['an empty question', { question: '' }, 'Schrijf je vraag op.'],
  ['a question that is too long', { question: 'a'.repeat(5001) }, 'Je vraag is te lang.'],
  ['an invalid e-mail address', { email: 'fatima-at-example' }, 'Vul een geldig e-mailadres in'],
  ['an invalid phone number', { phone: 'bel me maar' }, 'Vul een geldig telefoonnummer in'],
  ['no way to reach the resident', { phone: '' }, 'Vul je telefoonnummer of e-mailadres in (één is genoeg)'],
  ['HTML in the question', { question: 'Hallo <img src=x onerror=alert(1)>' }, 'Gebruik geen HTML-code'],
  ['an unknown wijk', { neighbourhood: 'atlantis' }, 'Kies een wijk uit de lijst'],
  [
    'a control character in the question',
    { question: 'UNIQ4 \u0000 rest van mijn vraag' },
    'onzichtbaar teken',
  ],
  ['a control character in the name', { name: 'Fatima\u0007' }, 'onzichtbaar teken'],
  ['a bot that fills the honeypot', { website: 'https://spam.example' }, 'een verborgen veld was ingevuld'],
];

for (const [name, changes, message] of badInputs) {
  test(`${name} gets a 4xx with a Dutch message, and nothing is stored`, async ({ request, baseURL }) => {
    const token = await formToken(request);
    await new Promise((resolve) => setTimeout(resolve, FILL_TIME_MS));
    // A marker in the name, so this test finds its own question among those of parallel tests.
    const marker = crypto.randomUUID();
    const response = await request.post('/vraag?_action=questions.ask', {
      form: { ...good, formToken: token, ...changes, name: `${changes.name ?? 'Fatima'} ${marker}` },
      headers: { origin: new URL(baseURL ?? '').origin },
      maxRedirects: 0,
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    const html = await response.text();
    expect(html).toContain(message);
    // The message is at the top of the form, announced as an alert.
    expect(html).toContain('role="alert"');
    expect(await questionsNamed(marker)).toBe(0);
  });
}

test('a form sent faster than a person can is refused with a way to try again', async ({
  request,
  baseURL,
}) => {
  const token = await formToken(request);
  const marker = crypto.randomUUID();
  const response = await request.post('/vraag?_action=questions.ask', {
    form: { ...good, formToken: token, name: `Snelle ${marker}` },
    headers: { origin: new URL(baseURL ?? '').origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(422);
  expect(await response.text()).toContain('dat ging wel erg snel');
  expect(await questionsNamed(marker)).toBe(0);
});

test('sending the same form twice (a double click, the back button) stores one question', async ({
  request,
  baseURL,
}) => {
  const token = await formToken(request);
  await new Promise((resolve) => setTimeout(resolve, FILL_TIME_MS));
  const marker = crypto.randomUUID();
  const send = () =>
    request.post('/vraag?_action=questions.ask', {
      form: { ...good, formToken: token, name: `Dubbel ${marker}` },
      headers: { origin: new URL(baseURL ?? '').origin },
      maxRedirects: 0,
    });
  const [first, second] = await Promise.all([send(), send()]);
  expect(first.status()).toBe(303);
  expect(second.status()).toBe(303);
  expect(second.headers().location).toBe(first.headers().location);
  expect(await questionsNamed(marker)).toBe(1);
  const receipt = await request.get(first.headers().location ?? '');
  expect(await receipt.text()).toMatch(/VR-\d{4}-\d{6}/);
});
