import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openDatabase } from '#admin/db/open-database.ts';
import {
  e2eDatabasePath,
  loggedInBeheerder,
  loggedInEditor,
  loggedInEditorWithTwoFactor,
  loggedInTeamlid,
  setUpAuthenticator,
} from '../support/e2e-admin.ts';

// Every page of referrals, for each role that uses it, checked by axe as it is and with its form's
// errors; and every new form refuses bad input with a 4xx, a Dutch message and nothing stored.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const TEAM = 'bolnes-slikkerveer:sociaal';
const marker = crypto.randomUUID().slice(0, 8);
const RESIDENT = `Bram Pagina ${marker}`;

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${page.url()} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Axe, and no sideways scrolling at 320 CSS pixels (400% zoom). */
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

async function query<T>(work: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase({ dialect: 'sqlite', path: e2eDatabasePath() });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

const fresh = async (browser: Browser, baseURL: string | undefined) =>
  (await browser.newContext({ baseURL })).newPage();

let referralId = 0;
let reference = '';
let organisation = '';
let listingTitle = '';

test('axe finds nothing on the pages of a teamlid who refers, with and without errors', async ({
  page,
  browser,
  baseURL,
}) => {
  const found: string[] = [];
  // A resident's question in the team's inbox.
  const resident = await fresh(browser, baseURL);
  await resident.goto('/vraag?wijk=slikkerveer');
  await resident.getByLabel('Je vraag').fill(`Ik heb schulden en kom niet rond ${marker}`);
  await resident.getByRole('radio', { name: 'Nee' }).check();
  await resident.getByRole('checkbox', { name: 'Geld' }).check();
  await resident.getByLabel('Telefoonnummer').fill('06 11223344');
  await resident.getByLabel('Je naam').fill(RESIDENT);
  await resident.waitForTimeout(1100);
  await resident.getByRole('button', { name: 'Vraag versturen' }).click();
  const questionReference = (await resident.locator('.ww-reference').innerText()).trim();

  await loggedInTeamlid(page, [TEAM]);
  await page.goto('/beheer/verwijzingen');
  await checkPage(page, found);
  await page.goto('/beheer/zoeken?q=geld');
  await checkPage(page, found);

  await page.goto('/beheer/inbox');
  await page.getByRole('link', { name: questionReference }).click();
  await checkPage(page, found);
  await page.getByRole('link', { name: 'Koppel aan aanbod' }).click();
  await checkPage(page, found);
  const card = page.locator('.ww-referrer-card').first();
  listingTitle = (await card.getByRole('link').first().innerText()).trim();
  await card.getByRole('button', { name: /^Toevoegen aan verwijzing/ }).click();
  await expect(page.locator('.ww-draft')).toContainText(listingTitle);
  await checkPage(page, found);
  await page.getByRole('link', { name: listingTitle }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: listingTitle })).toBeVisible();
  await checkPage(page, found);
  await page.goto('/beheer/zoeken?q=geld');
  await checkPage(page, found);

  await page.goto('/beheer/verwijzingen/nieuw');
  await checkPage(page, found);
  await page.getByLabel('Naam', { exact: true }).fill(RESIDENT);
  await page.getByLabel('Telefoonnummer').fill('bel maar');
  await page.getByRole('button', { name: 'Verwijzing versturen' }).click();
  await expect(page.getByRole('heading', { name: /dingen om te verbeteren/ })).toBeVisible();
  await expect(page.getByText('Vul een geldig telefoonnummer in').first()).toBeVisible();
  await checkPage(page, found);
  await page.getByLabel('Telefoonnummer').fill('06 11223344');
  await page
    .getByLabel('Wat heeft de inwoner al verteld?')
    .fill('Meneer heeft schulden en wil hulp bij een plan.');
  await page.getByRole('radio', { name: 'Spoed: graag binnen een werkdag contact' }).check();
  await page.getByRole('checkbox', { name: /geeft toestemming/ }).check();
  await page.getByRole('button', { name: 'Verwijzing versturen' }).click();
  await expect(page.getByText('De verwijzing is verstuurd.')).toBeVisible();
  await checkPage(page, found);
  referralId = Number(/\/beheer\/verwijzingen\/(\d+)/.exec(page.url())?.[1]);
  reference = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Verwijzing ', '').trim();
  organisation = await query(
    async (db) =>
      (
        await db
          .selectFrom('referral_items')
          .select('organisation_slug')
          .where('referral_id', '=', referralId)
          .executeTakeFirstOrThrow()
      ).organisation_slug,
  );

  await page.getByRole('link', { name: 'Overdrachtsblad voor de inwoner' }).click();
  await checkPage(page, found);
  await page.getByLabel('E-mailadres van de inwoner').fill('geen-adres');
  await page.getByRole('button', { name: 'Mail de informatie' }).click();
  await expect(page.getByText('Vul een geldig e-mailadres in').first()).toBeVisible();
  await checkPage(page, found);

  // Four weeks later.
  await query((db) =>
    db
      .updateTable('referrals')
      .set({ follow_up_due_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', referralId)
      .execute(),
  );
  await page.goto('/beheer/inbox');
  await expect(page.getByRole('heading', { name: 'Heeft het geholpen?' })).toBeVisible();
  await checkPage(page, found);
  await page.goto(`/beheer/verwijzingen/${referralId}`);
  await page.getByRole('button', { name: 'Antwoord opslaan' }).click();
  await expect(page.getByText('Kies of het heeft geholpen.').first()).toBeVisible();
  await checkPage(page, found);
  await page.goto('/beheer/verwijzingen?stand=alle&van=mij');
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  await checkPage(page, found);
  expect(found).toEqual([]);
});

test('axe finds nothing on the pages of the receiving organisation, with and without errors', async ({
  page,
}) => {
  const found: string[] = [];
  await loggedInEditor(page, organisation);
  // Without two-factor, the werkbak says how to turn it on.
  const refused = await page.goto('/beheer/verwijzingen');
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('link', { name: 'Zet tweestapsverificatie aan' })).toBeVisible();
  await checkPage(page, found);
  await page.goto('/beheer/tweestapsverificatie/instellen');
  await setUpAuthenticator(page);
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, ga verder' }).click();
  await expect(page.getByText(/verwijzing(en)? wacht/)).toBeVisible();
  await checkPage(page, found);
  await page.goto('/beheer/verwijzingen');
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  await checkPage(page, found);
  await page.getByRole('link', { name: reference }).click();
  await checkPage(page, found);
  await page.getByRole('radio', { name: 'Niet gestart' }).check();
  await page.getByRole('button', { name: `Stand opslaan: ${listingTitle}` }).click();
  await expect(page.getByText('Kies waarom de hulp niet is gestart.').first()).toBeVisible();
  await checkPage(page, found);
  expect(found).toEqual([]);
});

test('axe finds nothing on what a beheerder sees of referrals', async ({ page }) => {
  const found: string[] = [];
  await loggedInBeheerder(page);
  await page.goto('/beheer');
  await checkPage(page, found);
  await page.goto('/beheer/zoeken?q=eenzaam');
  await expect(page.locator('.ww-referrer-card').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Toevoegen aan verwijzing/ })).toHaveCount(0);
  await checkPage(page, found);
  const refused = await page.goto(`/beheer/verwijzingen/${referralId}`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByText(RESIDENT)).toHaveCount(0);
  await checkPage(page, found);
  expect(found).toEqual([]);
});

test('axe finds nothing on the refusals and missing pages of referrals', async ({ page }) => {
  const found: string[] = [];
  const questionId = await query(
    async (db) =>
      (
        await db
          .selectFrom('referrals')
          .select('question_id')
          .where('id', '=', referralId)
          .executeTakeFirstOrThrow()
      ).question_id,
  );
  // A teamlid of another team: not their question, not their referral.
  await loggedInTeamlid(page, ['centrum-oost-west:sociaal'], 'Ander Team');
  for (const [path, status, text] of [
    [`/beheer/verwijzingen/${referralId}`, 403, undefined],
    [`/beheer/verwijzingen/${referralId}/overdracht`, 403, undefined],
    [`/beheer/inbox/${questionId}/koppelen`, 403, undefined],
    ['/beheer/verwijzingen/99999999', 404, undefined],
    ['/beheer/zoeken/aanbod/99999999', 404, 'Dit aanbod bestaat niet'],
    ['/beheer/inbox/99999999/koppelen', 404, 'bestaat niet'],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (text) await expect(page.getByText(text).first()).toBeVisible();
    await expect(page.getByText(RESIDENT)).toHaveCount(0);
    await checkPage(page, found);
  }
  expect(found).toEqual([]);
});

/** How often a message is on the page: once in the error summary, once at its field. */
const timesIn = (html: string, message: string): number => html.split(message).length - 1;

/** Posts a form as the logged-in page would, and returns status and HTML. */
async function post(page: Page, path: string, form: Record<string, string>, baseURL: string | undefined) {
  const response = await page.request.post(path, {
    form,
    headers: { origin: new URL(baseURL ?? '').origin },
    maxRedirects: 0,
  });
  return { status: response.status(), html: await response.text() };
}

test('bad input on every referral form gets a 4xx and a Dutch message, and nothing is stored', async ({
  page,
  browser,
  baseURL,
}) => {
  const state = () =>
    query(async (db) =>
      JSON.stringify([
        await db.selectFrom('referrals').selectAll().where('id', '=', referralId).execute(),
        await db.selectFrom('referral_items').selectAll().where('referral_id', '=', referralId).execute(),
        await db.selectFrom('referral_events').selectAll().where('referral_id', '=', referralId).execute(),
        await db.selectFrom('referrals').select('id').where('resident_name', 'like', `%${marker}%`).execute(),
        await db.selectFrom('mail_outbox').select('id').where('to_address', 'like', `%${marker}%`).execute(),
      ]),
    );
  await loggedInTeamlid(page, [TEAM]);
  const listingId = await query(
    async (db) =>
      (
        await db
          .selectFrom('referral_items')
          .select('listing_id')
          .where('referral_id', '=', referralId)
          .executeTakeFirstOrThrow()
      ).listing_id,
  );
  const good = {
    listingIds: String(listingId),
    residentName: `Nieuw ${marker}`,
    residentPhone: '0180-123456',
    lifeDomains: 'geld',
    note: 'De inwoner heeft hulp nodig bij de administratie.',
    consent: 'on',
    urgency: 'normaal',
    contactBy: 'inwoner',
  };
  const cases: [string, string, Record<string, string>, string][] = [
    [
      'a referral without consent',
      '/beheer/verwijzingen/nieuw?_action=referrals.create',
      { ...good, consent: '' },
      'Vraag de inwoner eerst',
    ],
    [
      'a referral without listings',
      '/beheer/verwijzingen/nieuw?_action=referrals.create',
      { ...good, listingIds: '' },
      'Kies minstens één aanbod',
    ],
    [
      'a referral with a wrong phone and no e-mail',
      '/beheer/verwijzingen/nieuw?_action=referrals.create',
      { ...good, residentPhone: 'morgen' },
      'Vul een geldig telefoonnummer in',
    ],
    [
      'a referral for an unknown wijk',
      '/beheer/verwijzingen/nieuw?_action=referrals.create',
      { ...good, neighbourhood: 'atlantis' },
      'Kies een wijk uit de lijst',
    ],
    [
      'a referral with a control character',
      '/beheer/verwijzingen/nieuw?_action=referrals.create',
      { ...good, note: 'Hulp nodig \u0007 bij geld en post.' },
      'onzichtbaar teken',
    ],
    [
      'a handover mail to a wrong address',
      `/beheer/verwijzingen/${referralId}/overdracht?_action=referrals.mailHandover`,
      { id: String(referralId), email: `geen-adres-${marker}` },
      'Vul een geldig e-mailadres in',
    ],
    [
      'a follow-up without an answer',
      `/beheer/verwijzingen/${referralId}?_action=referrals.answerFollowUp`,
      { id: String(referralId), version: '1', answer: 'misschien' },
      'Kies of het heeft geholpen.',
    ],
    [
      'a draft with a broken listing',
      '/beheer/zoeken?_action=referrals.addToDraft',
      { listingId: 'abc' },
      'Dit formulier is niet compleet',
    ],
  ];
  for (const [name, path, form, message] of cases) {
    const before = await state();
    const answer = await post(page, path, form, baseURL);
    expect(answer.status, name).toBeGreaterThanOrEqual(400);
    expect(answer.status, name).toBeLessThan(500);
    expect(answer.html, name).toContain('role="alert"');
    // In the summary and next to its field; a broken hidden id has no field of its own.
    expect(timesIn(answer.html, message), name).toBe(name === 'a draft with a broken listing' ? 1 : 2);
    expect(await state(), name).toBe(before);
  }

  // The organisation's status form.
  const editor = await fresh(browser, baseURL);
  await loggedInEditorWithTwoFactor(editor, organisation);
  const item = await query((db) =>
    db
      .selectFrom('referral_items')
      .select(['id', 'version'])
      .where('referral_id', '=', referralId)
      .executeTakeFirstOrThrow(),
  );
  for (const [form, message] of [
    [{ status: 'niet-gestart' }, 'Kies waarom de hulp niet is gestart.'],
    [{ status: 'niet-gestart', reason: 'anders' }, 'Schrijf in een paar woorden waarom'],
    [{ status: 'verdwenen' }, 'Kies hoe het gaat.'],
    [{ status: 'gestart', reasonNote: 'x'.repeat(501) }, 'hooguit 500 tekens'],
  ] as const) {
    const before = await state();
    const answer = await post(
      editor,
      `/beheer/verwijzingen/${referralId}?_action=referrals.setItemStatus`,
      { itemId: String(item.id), version: String(item.version), ...form },
      baseURL,
    );
    expect(answer.status).toBe(422);
    expect(timesIn(answer.html, message), message).toBe(2);
    expect(await state()).toBe(before);
  }
  // Another team's teamlid gets a refusal, not the referral.
  const other = await fresh(browser, baseURL);
  await loggedInTeamlid(other, ['centrum-oost-west:sociaal'], 'Ander Team');
  const before = await state();
  const refused = await post(
    other,
    `/beheer/verwijzingen/${referralId}?_action=referrals.answerFollowUp`,
    { id: String(referralId), version: '1', answer: 'ja' },
    baseURL,
  );
  expect(refused.status).toBe(403);
  expect(refused.html).not.toContain(RESIDENT);
  expect(await state()).toBe(before);
});

test('links in referral mail come from the configuration, never from the Host header', async ({
  page,
  baseURL,
}) => {
  await loggedInTeamlid(page, [TEAM]);
  const listingId = await query(
    async (db) =>
      (
        await db
          .selectFrom('referral_items')
          .select('listing_id')
          .where('referral_id', '=', referralId)
          .executeTakeFirstOrThrow()
      ).listing_id,
  );
  const name = `Gastheer ${marker}`;
  const forged = await page.request.post('/beheer/verwijzingen/nieuw?_action=referrals.create', {
    form: {
      listingIds: String(listingId),
      residentName: name,
      residentPhone: '0180-123456',
      lifeDomains: 'geld',
      note: 'De inwoner wil hulp bij het ordenen van de post.',
      consent: 'on',
      urgency: 'normaal',
      contactBy: 'organisatie',
    },
    headers: { host: 'evil.example', origin: 'http://evil.example' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(303);
  const { id, reference } = await query((db) =>
    db
      .selectFrom('referrals')
      .select(['id', 'reference'])
      .where('resident_name', '=', name)
      .executeTakeFirstOrThrow(),
  );
  const mails = await query((db) =>
    db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text'])
      .where('subject', 'like', `%${reference}%`)
      .execute(),
  );
  expect(mails.length).toBeGreaterThan(0);
  for (const mail of mails) {
    expect(mail.body_text).toContain(`${new URL(baseURL ?? '').origin}/beheer/verwijzingen/${id}`);
    expect(mail.subject + mail.body_text).not.toContain('evil.example');
    expect(mail.subject + mail.body_text).not.toContain(name);
  }
});

test('bad input in the new listing fields gets a 422 and a Dutch message, and nothing is stored', async ({
  page,
  baseURL,
}) => {
  await loggedInEditor(page, 'karaat');
  const listing = await query((db) =>
    db
      .selectFrom('listings')
      .select(['id', 'version'])
      .where('organisation_slug', '=', 'karaat')
      .where('status', '=', 'published')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow(),
  );
  await page.goto(`/beheer/aanbod/${listing.id}`);
  // Through the form itself: the error shows at the field and in the summary, and axe finds nothing.
  const found: string[] = [];
  await page.getByLabel('Direct telefoonnummer voor verwijzers').fill('vraag naar Piet');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(
    page.getByRole('heading', { name: /dingen om te verbeteren|ding om te verbeteren/ }),
  ).toBeVisible();
  await expect(page.getByText('Vul een geldig telefoonnummer in').first()).toBeVisible();
  await checkPage(page, found);
  expect(found).toEqual([]);
  for (const [field, value, message] of [
    ['room.status', 'overvol', 'Kies of er plek is.'],
    ['room.waitWeeks', 'zes', 'Vul het aantal weken in als getal'],
    ['professional.phone', 'vraag naar Piet', 'Vul een geldig telefoonnummer in'],
    ['professional.email', 'piet-at-karaat', 'Vul een geldig e-mailadres in'],
    ['whatToBring', 'x'.repeat(301), 'hooguit 300 tekens'],
  ] as const) {
    await page.goto(`/beheer/aanbod/${listing.id}`);
    const form = await page
      .locator('form.ww-listing-form')
      .evaluate((element) =>
        Object.fromEntries(
          [...new FormData(element as HTMLFormElement).entries()].filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        ),
      );
    const answer = await post(
      page,
      `/beheer/aanbod/${listing.id}?_action=listings.save`,
      { ...form, [field]: value },
      baseURL,
    );
    expect(answer.status, field).toBe(422);
    expect(timesIn(answer.html, message), field).toBe(2);
    const after = await query((db) =>
      db.selectFrom('listings').select('version').where('id', '=', listing.id).executeTakeFirstOrThrow(),
    );
    expect(after.version, field).toBe(listing.version);
  }
});

test('the personal pages of referrals are never cached, by the server or the browser', async ({ page }) => {
  await loggedInTeamlid(page, [TEAM]);
  const { questionId, listingId } = await query(async (db) => {
    const referral = await db
      .selectFrom('referrals')
      .select('question_id')
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    const item = await db
      .selectFrom('referral_items')
      .select('listing_id')
      .where('referral_id', '=', referralId)
      .executeTakeFirstOrThrow();
    return { questionId: referral.question_id, listingId: item.listing_id };
  });
  expect(questionId).not.toBeNull();
  const paths = [
    '/beheer/verwijzingen',
    '/beheer/verwijzingen?stand=alle',
    '/beheer/verwijzingen/nieuw',
    `/beheer/verwijzingen/${referralId}`,
    `/beheer/verwijzingen/${referralId}/overdracht`,
    '/beheer/zoeken?q=geld',
    `/beheer/zoeken/aanbod/${listingId}`,
    `/beheer/inbox/${questionId}/koppelen`,
  ];
  for (const path of paths) {
    // Twice: a cached copy would come back with an ETag the second time.
    for (const round of [1, 2]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), `${path} (${round})`).toBe(200);
      expect(response.headers()['cache-control'], path).toBe('no-store');
      expect(response.headers().etag, path).toBeUndefined();
      expect(response.headers()['x-robots-tag'], path).toContain('noindex');
    }
  }
});

test('every referral action refuses anyone not logged in, and changes nothing', async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const state = () =>
    query(async (db) =>
      JSON.stringify([
        await db.selectFrom('referrals').selectAll().orderBy('id').execute(),
        await db.selectFrom('referral_items').selectAll().orderBy('id').execute(),
        await db.selectFrom('referral_events').selectAll().orderBy('id').execute(),
        await db.selectFrom('referral_drafts').selectAll().orderBy('user_id').execute(),
      ]),
    );
  const item = await query((db) =>
    db
      .selectFrom('referral_items')
      .select(['id', 'version', 'listing_id'])
      .where('referral_id', '=', referralId)
      .executeTakeFirstOrThrow(),
  );
  const forms: [string, string, Record<string, string>][] = [
    [
      '/beheer/verwijzingen/nieuw',
      'referrals.create',
      {
        listingIds: String(item.listing_id),
        residentName: `Anoniem ${marker}`,
        residentPhone: '0180-123456',
        lifeDomains: 'geld',
        note: 'Niemand is ingelogd, dus dit mag niet worden bewaard.',
        consent: 'on',
        urgency: 'normaal',
        contactBy: 'inwoner',
      },
    ],
    [
      `/beheer/verwijzingen/${referralId}`,
      'referrals.setItemStatus',
      { itemId: String(item.id), version: String(item.version), status: 'gestart' },
    ],
    [
      `/beheer/verwijzingen/${referralId}`,
      'referrals.answerFollowUp',
      { id: String(referralId), version: '1', answer: 'ja' },
    ],
    [
      `/beheer/verwijzingen/${referralId}/overdracht`,
      'referrals.mailHandover',
      { id: String(referralId), email: `anoniem-${marker}@example.nl` },
    ],
    ['/beheer/zoeken', 'referrals.addToDraft', { listingId: String(item.listing_id) }],
    ['/beheer/zoeken', 'referrals.removeFromDraft', { listingId: String(item.listing_id) }],
    ['/beheer/zoeken', 'referrals.clearDraft', {}],
  ];
  const before = await state();
  for (const [path, action, form] of forms) {
    const onPage = await request.post(`${path}?_action=${action}`, {
      form,
      headers: { origin },
      maxRedirects: 0,
    });
    expect(onPage.status(), action).toBe(303);
    expect(onPage.headers().location, action).toContain('/beheer/inloggen');
    const rpc = await request.post(`/_actions/${action}`, { form, headers: { origin } });
    expect(rpc.status(), action).toBe(401);
  }
  expect(await state()).toBe(before);
});
