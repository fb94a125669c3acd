import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Kysely } from 'kysely';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import type { Database } from '#admin/db/tables.ts';
import { approveVolunteer } from '#admin/volunteering/volunteer-moderation.ts';
import { connectRequest, requestHelp, sendFollowUps } from '#admin/volunteering/match-requests.ts';
import { confirmActivity, registerActivity } from '#admin/volunteering/activities.ts';
import { issueLink, ANSWER_LINK_MS } from '#admin/volunteering/personal-links.ts';
import type { VolunteeringContext } from '#admin/volunteering/volunteering-context.ts';
import { accountWith } from '../support/accounts.ts';
import { demoListingSlugs } from '../support/demo-slugs.ts';
import { e2eDatabasePath, loggedInBeheerder } from '../support/e2e-admin.ts';
import { confirmedVolunteer } from '../support/volunteering.ts';

// Every new form refuses bad input with a 4xx, a Dutch message at the field and in the summary,
// and stores nothing; axe finds nothing on every new page and its error state.
const content = loadContent(contentRoot);
const FILL_TIME_MS = 1100;
const demoSlug = demoListingSlugs()[0] ?? '';

async function withDatabase<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = openDatabase({ dialect: 'sqlite', path: e2eDatabasePath() });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
const count = (table: 'volunteers' | 'activity_submissions' | 'match_requests' | 'listing_reports') =>
  withDatabase(async (db) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

/** Volunteers, activities and requests made as the forms would, on the e2e server's database. */
async function subjects(baseURL: string) {
  const context: VolunteeringContext = { content, baseUrl: baseURL, siteName: content.municipality.siteName };
  return withDatabase(async (db) => {
    const admin = await accountWith(db, { role: 'beheerder' });
    const volunteer = await confirmedVolunteer(db, context, {
      email: `vera-${crypto.randomUUID().slice(0, 6)}@example.nl`,
    });
    const version = (
      await db
        .selectFrom('volunteers')
        .select('version')
        .where('id', '=', volunteer.id)
        .executeTakeFirstOrThrow()
    ).version;
    await approveVolunteer(db, admin, volunteer.id, version, context);
    const slug = (
      await db
        .selectFrom('listings')
        .innerJoin('volunteers', 'volunteers.listing_id', 'listings.id')
        .select('listings.slug')
        .where('volunteers.id', '=', volunteer.id)
        .executeTakeFirstOrThrow()
    ).slug;
    const request = await requestHelp(
      db,
      slug,
      { need: 'Ik kan even geen boodschappen doen.', email: 'fatima@example.nl', slug, formToken: 'x' },
      crypto.randomUUID(),
      context,
    );
    const match = await db
      .selectFrom('match_requests')
      .selectAll()
      .where('reference', '=', request.reference)
      .executeTakeFirstOrThrow();
    await connectRequest(db, admin, match.id, match.version, context);
    await db
      .updateTable('match_requests')
      .set({ connected_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', match.id)
      .execute();
    await sendFollowUps(db, context);
    const followUp = await issueLink(
      db,
      { type: 'match', id: match.id },
      'follow-up-requester',
      ANSWER_LINK_MS,
    );
    const availability = await issueLink(
      db,
      { type: 'volunteer', id: volunteer.id },
      'availability',
      ANSWER_LINK_MS,
    );
    const activityKey = crypto.randomUUID();
    await registerActivity(
      db,
      {
        title: 'Buurtsoep',
        summary: 'Samen soep eten met de buren, iedereen is welkom.',
        description: '',
        audiences: [],
        lifeDomains: [],
        schedule: {
          weekly: [],
          occurrences: [{ date: '2030-12-10', starts: '17:30', ends: '19:00' }],
          closures: [],
        },
        online: 'ja',
        cost: 'free',
        organiserName: 'Olaf',
        organiserEmail: 'olaf@example.nl',
        formToken: 'x',
      },
      activityKey,
      context,
      { lookupAddress: async () => ({ status: 'not-found' }), neighbourhoods: [] },
    );
    const activity = await db
      .selectFrom('activity_submissions')
      .selectAll()
      .where('submission_key', '=', activityKey)
      .executeTakeFirstOrThrow();
    const activityToken = await issueLink(
      db,
      { type: 'activity', id: activity.id },
      'manage',
      ANSWER_LINK_MS,
    );
    await confirmActivity(db, activityToken, context);
    const volunteerKey = (
      await db
        .selectFrom('volunteers')
        .select('submission_key')
        .where('id', '=', volunteer.id)
        .executeTakeFirstOrThrow()
    ).submission_key;
    return {
      volunteer: { ...volunteer, key: volunteerKey },
      slug,
      request: { id: match.id, key: match.submission_key },
      followUp,
      availability,
      activity: { id: activity.id, token: activityToken, key: activityKey },
    };
  });
}

async function formToken(request: APIRequestContext, path: string): Promise<string> {
  const html = await (await request.get(path)).text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no form token on ${path}`);
  return token;
}

const goodSignUp = {
  kinds: 'boodschappen',
  days: 'di',
  dayParts: 'ochtend',
  neighbourhoods: 'bolnes',
  showOffer: 'ja',
  name: 'Vera',
  email: 'vera@example.nl',
  age: 'ja',
};
const goodActivity = {
  title: 'Buurtsoep',
  summary: 'Samen soep eten met de buren, iedereen is welkom.',
  'schedule.occurrences[0].date': '2030-12-10',
  'schedule.occurrences[0].starts': '17:30',
  'schedule.occurrences[0].ends': '19:00',
  online: 'ja',
  cost: 'free',
  organiserName: 'Olaf',
  organiserEmail: 'olaf@example.nl',
};

type Case = [string, Record<string, string>, string];
const forms: {
  name: string;
  page: string | ((slug: string) => string);
  action: string;
  table: 'volunteers' | 'activity_submissions' | 'match_requests' | 'listing_reports';
  good: Record<string, string> | ((slug: string) => Record<string, string>);
  cases: Case[];
}[] = [
  {
    name: '/helpen',
    page: '/helpen',
    action: 'volunteers.signUp',
    table: 'volunteers',
    good: goodSignUp,
    cases: [
      ['no day', { days: '' }, 'Kies minstens één dag.'],
      ['nothing to do', { kinds: '' }, 'Kies wat je graag wilt doen, of schrijf het in je eigen woorden.'],
      ['nowhere', { neighbourhoods: '' }, 'Kies de wijken waar je wilt helpen'],
      ['an unknown wijk', { neighbourhoods: 'atlantis' }, 'Kies wijken uit de lijst.'],
      ['younger than 16', { age: '' }, 'Je kunt je aanmelden als je 16 jaar of ouder bent.'],
      ['an invalid e-mail address', { email: 'vera-at-example' }, 'Vul een geldig e-mailadres in'],
      ['HTML in own words', { ownWords: '<script>alert(1)</script>' }, 'Gebruik geen HTML-code'],
      ['a control character in the name', { name: 'Vera\u0007' }, 'onzichtbaar teken'],
      [
        'a bot that fills the honeypot',
        { website: 'https://spam.example' },
        'een verborgen veld was ingevuld',
      ],
    ],
  },
  {
    name: '/activiteit-aanmelden',
    page: '/activiteit-aanmelden',
    action: 'activities.register',
    table: 'activity_submissions',
    good: goodActivity,
    cases: [
      ['no title', { title: '' }, 'Geef je activiteit een naam van minstens 3 tekens.'],
      [
        'no date or weekly time',
        {
          'schedule.occurrences[0].date': '',
          'schedule.occurrences[0].starts': '',
          'schedule.occurrences[0].ends': '',
        },
        'Vul minstens één datum in',
      ],
      [
        'an end before the start',
        { 'schedule.occurrences[0].ends': '16:00' },
        'De eindtijd moet na de begintijd liggen.',
      ],
      ['no place and not online', { online: '' }, 'Vul de naam van de plek in'],
      ['an invalid e-mail address', { organiserEmail: 'olaf' }, 'Vul een geldig e-mailadres in'],
      ['HTML in the title', { title: '<b>Soep</b>' }, 'Gebruik geen HTML-code'],
      [
        'a bot that fills the honeypot',
        { website: 'https://spam.example' },
        'een verborgen veld was ingevuld',
      ],
    ],
  },
  {
    name: '"Ik wil hier gebruik van maken"',
    page: (slug) => `/aanbod/${slug}/gebruik-maken`,
    action: 'volunteers.requestHelp',
    table: 'match_requests',
    good: (slug) => ({ need: 'Ik kan even geen boodschappen doen.', email: 'fatima@example.nl', slug }),
    cases: [
      ['a need too short to act on', { need: 'help' }, 'Schrijf in een paar zinnen waar je hulp bij zoekt.'],
      ['no way to reach the resident', { email: '' }, 'Vul een telefoonnummer of een e-mailadres in'],
      ['an invalid phone number', { phone: 'bel me maar' }, 'Vul een geldig telefoonnummer in'],
    ],
  },
  {
    name: '"Klopt er iets niet?"',
    page: `/aanbod/${demoSlug}/klopt-niet`,
    action: 'volunteers.report',
    table: 'listing_reports',
    good: { reason: 'tijden', details: 'Het is nu op woensdag.', slug: demoSlug },
    cases: [
      ['no reason', { reason: '' }, 'Kies wat er niet klopt.'],
      [
        '"iets anders" without saying what',
        { reason: 'anders', details: '' },
        'Schrijf kort op wat er niet klopt.',
      ],
      ['HTML in the details', { details: '<img src=x onerror=alert(1)>' }, 'Gebruik geen HTML-code'],
    ],
  },
];

let made: Awaited<ReturnType<typeof subjects>>;
test.beforeAll(async ({ baseURL }) => {
  made = await subjects(baseURL ?? '');
});

for (const form of forms) {
  for (const [name, changes, message] of form.cases) {
    test(`${form.name}: ${name} gets a 4xx with a Dutch message at the field and in the summary, and nothing is stored`, async ({
      request,
      baseURL,
    }) => {
      const page = typeof form.page === 'string' ? form.page : form.page(made.slug);
      const good = typeof form.good === 'function' ? form.good(made.slug) : form.good;
      const token = await formToken(request, page);
      await new Promise((resolve) => setTimeout(resolve, FILL_TIME_MS));
      const before = await count(form.table);
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...good, formToken: token, ...changes }))
        if (value !== '') body.append(key, value);
      const response = await request.post(`${page}?_action=${form.action}`, {
        data: body.toString(),
        headers: {
          origin: new URL(baseURL ?? '').origin,
          'content-type': 'application/x-www-form-urlencoded',
        },
        maxRedirects: 0,
      });
      expect(response.status()).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain('role="alert"');
      expect(await count(form.table)).toBe(before);
    });
  }
}

test("the volunteer's own page refuses a change without days and keeps what was stored", async ({ page }) => {
  await page.goto(`/helpen/mijn/${made.volunteer.token}`);
  for (const day of await page
    .getByRole('group', { name: 'Op welke dagen kun je?' })
    .getByRole('checkbox')
    .all())
    await day.uncheck();
  const response = page.waitForResponse((answer) => answer.request().method() === 'POST');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  expect((await response).status()).toBe(422);
  await expect(page.locator('#foutmeldingen')).toContainText('Kies minstens één dag.');
  await page.goto(`/helpen/mijn/${made.volunteer.token}`);
  await expect(page.getByRole('checkbox', { name: 'Dinsdag', exact: true })).toBeChecked();
});

/** The row's version (or whole row): a refused form leaves it as it was. */
const stored = (table: 'volunteers' | 'activity_submissions' | 'match_requests', id: number) =>
  withDatabase((db) => db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow());

/** Sends a form on `page` by clicking `button`, and checks the refusal: a 4xx, the message at the field and in the summary. */
async function expectRefused(page: Page, button: string, message: string): Promise<void> {
  const response = page.waitForResponse((answer) => answer.request().method() === 'POST');
  await page.getByRole('button', { name: button, exact: true }).click();
  const status = (await response).status();
  expect(status, button).toBeGreaterThanOrEqual(400);
  expect(status, button).toBeLessThan(500);
  await expect(page.locator('#foutmeldingen'), button).toContainText(message);
  await expect(page.locator('.ww-field-error').filter({ hasText: message }), button).toHaveCount(1);
  // The error state is a new page state too: axe finds nothing on it.
  expect(await violations(page), button).toEqual([]);
}

test('the own pages refuse bad input at the field and in the summary, change nothing, and axe finds nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const volunteer = await stored('volunteers', made.volunteer.id);
  await page.goto(`/helpen/mijn/${made.volunteer.token}`);
  await expectRefused(page, 'Aanmelding intrekken', 'Vink aan dat je je aanmelding wilt intrekken.');
  expect(await stored('volunteers', made.volunteer.id)).toEqual(volunteer);

  const activity = await stored('activity_submissions', made.activity.id);
  await page.goto(`/activiteit-aanmelden/mijn/${made.activity.token}`);
  await expectRefused(page, 'Activiteit intrekken', 'Vink aan dat je de activiteit wilt intrekken.');
  await page.goto(`/activiteit-aanmelden/mijn/${made.activity.token}`);
  await page.getByLabel('Naam van de activiteit').fill('x');
  await expectRefused(page, 'Wijzigingen opslaan', 'Geef je activiteit een naam van minstens 3 tekens.');
  expect(await stored('activity_submissions', made.activity.id)).toEqual(activity);
});

test('the back-office forms refuse bad input at the field and in the summary, change nothing, and axe finds nothing', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const context: VolunteeringContext = {
    content,
    baseUrl: baseURL ?? '',
    siteName: content.municipality.siteName,
  };
  const waiting = await withDatabase((db) =>
    confirmedVolunteer(db, context, { email: `wim-${crypto.randomUUID().slice(0, 6)}@example.nl` }),
  );
  await loggedInBeheerder(page);

  const volunteer = await stored('volunteers', waiting.id);
  for (const [button, field, value, message] of [
    ['Vraag om aanpassing', 'Wat moet er anders?', '', 'Schrijf op wat er anders moet.'],
    ['Afwijzen', 'Waarom?', 'nee', 'Schrijf in een paar woorden wat er anders moet, of waarom.'],
    ['Persoonsgegevens verwijderen', undefined, '', 'Vink aan dat de vrijwilliger dit zelf vroeg.'],
  ] as const) {
    await page.goto(`/beheer/vrijwilligers/${waiting.id}`);
    if (field) await page.getByLabel(field, { exact: true }).fill(value);
    await expectRefused(page, button, message);
  }
  expect(await stored('volunteers', waiting.id)).toEqual(volunteer);

  const request = await stored('match_requests', made.request.id);
  await page.goto(`/beheer/aanvragen/${made.request.id}`);
  await expectRefused(page, 'Afsluiten', 'Schrijf op wat er anders moet.');
  expect(await stored('match_requests', made.request.id)).toEqual(request);

  const activity = await stored('activity_submissions', made.activity.id);
  await page.goto(`/beheer/activiteiten/${made.activity.id}`);
  await expectRefused(page, 'Afwijzen', 'Schrijf op wat er anders moet.');
  expect(await stored('activity_submissions', made.activity.id)).toEqual(activity);
});

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${page.url()} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

test('axe finds no WCAG 2.2 AA violations on the new public pages and their error states', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const found: string[] = [];
  const pages = [
    '/helpen',
    `/helpen/aangemeld/${made.volunteer.key}`,
    `/helpen/mijn/${made.volunteer.token}`,
    `/helpen/beschikbaar/${made.availability}?antwoord=ja`,
    '/helpen/mijn/onbekend.link',
    '/helpen/ingetrokken',
    `/aanbod/${made.slug}`,
    `/aanbod/${made.slug}/gebruik-maken`,
    `/aanvraag/ontvangen/${made.request.key}`,
    `/gelukt/${made.followUp}?antwoord=nee`,
    '/activiteit-aanmelden',
    `/activiteit-aanmelden/ontvangen/${made.activity.key}`,
    `/activiteit-aanmelden/mijn/${made.activity.token}`,
    '/activiteit-aanmelden/ingetrokken',
    `/aanbod/${demoSlug}/klopt-niet`,
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(path.includes('onbekend') ? 500 : 400);
    found.push(...(await violations(page)));
  }
  // Error states: each form sent empty.
  for (const [path, button] of [
    ['/helpen', 'Aanmelden'],
    ['/activiteit-aanmelden', 'Activiteit aanmelden'],
    [`/aanbod/${made.slug}/gebruik-maken`, 'Aanvraag versturen'],
    [`/aanbod/${demoSlug}/klopt-niet`, 'Melding versturen'],
  ] as const) {
    await page.goto(path);
    await page.getByRole('button', { name: button }).click();
    await expect(page.locator('#foutmeldingen, .utrecht-alert--error').first()).toBeVisible();
    found.push(...(await violations(page)));
  }
  expect(found).toEqual([]);
});

test('axe finds no WCAG 2.2 AA violations in the new back-office pages and their error states', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loggedInBeheerder(page);
  const found: string[] = [];
  for (const path of [
    '/beheer/vrijwilligers',
    '/beheer/vrijwilligers?weergave=pool&dag=di',
    `/beheer/vrijwilligers/${made.volunteer.id}`,
    '/beheer/aanvragen?weergave=alle',
    `/beheer/aanvragen/${made.request.id}`,
    '/beheer/activiteiten',
    `/beheer/activiteiten/${made.activity.id}`,
    '/beheer/meldingen',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    found.push(...(await violations(page)));
  }
  await page.goto(`/beheer/activiteiten/${made.activity.id}`);
  const refused = page.waitForResponse((answer) => answer.request().method() === 'POST');
  await page.getByRole('button', { name: 'Vraag om aanpassing' }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.locator('#foutmeldingen')).toContainText('Schrijf op wat er anders moet.');
  found.push(...(await violations(page)));
  expect(found).toEqual([]);
});
