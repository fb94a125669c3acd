import { expect, test, type APIRequestContext } from '@playwright/test';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { routeQuestion } from '#admin/questions/team-directory.ts';
import { countRows, loggedInTeamlid } from '../support/e2e-admin.ts';

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
  ['no way to reach the resident', { phone: '' }, 'Vul een telefoonnummer of een e-mailadres in'],
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
    const before = await countRows('questions');
    const response = await request.post('/vraag?_action=questions.ask', {
      form: { ...good, formToken: token, ...changes },
      headers: { origin: new URL(baseURL ?? '').origin },
      maxRedirects: 0,
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    const html = await response.text();
    expect(html).toContain(message);
    // The message is at the top of the form, announced as an alert.
    expect(html).toContain('role="alert"');
    expect(await countRows('questions')).toBe(before);
  });
}

test('a form sent faster than a person can is refused with a way to try again', async ({
  request,
  baseURL,
}) => {
  const token = await formToken(request);
  const before = await countRows('questions');
  const response = await request.post('/vraag?_action=questions.ask', {
    form: { ...good, formToken: token },
    headers: { origin: new URL(baseURL ?? '').origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(422);
  expect(await response.text()).toContain('dat ging wel erg snel');
  expect(await countRows('questions')).toBe(before);
});

test('sending the same form twice (a double click, the back button) stores one question', async ({
  request,
  baseURL,
}) => {
  const token = await formToken(request);
  await new Promise((resolve) => setTimeout(resolve, FILL_TIME_MS));
  const before = await countRows('questions');
  const send = () =>
    request.post('/vraag?_action=questions.ask', {
      form: { ...good, formToken: token },
      headers: { origin: new URL(baseURL ?? '').origin },
      maxRedirects: 0,
    });
  const [first, second] = await Promise.all([send(), send()]);
  expect(first.status()).toBe(303);
  expect(second.status()).toBe(303);
  expect(second.headers().location).toBe(first.headers().location);
  expect(await countRows('questions')).toBe(before + 1);
  const receipt = await request.get(first.headers().location ?? '');
  expect(await receipt.text()).toMatch(/VR-\d{4}-\d{6}/);
});
