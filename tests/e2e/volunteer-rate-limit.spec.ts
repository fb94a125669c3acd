import { expect, test, type APIRequestContext } from '@playwright/test';
import { openDatabase } from '#admin/db/open-database.ts';
import { demoListingSlugs } from '../support/demo-slugs.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

// The new public forms are limited per network address and per form, as /vraag is: a server of
// its own with PUBLIC_FORM_RATE_LIMIT=2, so the suite's main server can stay generous.
const FILL_TIME_MS = 1100;
const slug = demoListingSlugs()[0] ?? '';
let server: ServerProcess;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  server = await startServerProcess({ PUBLIC_FORM_RATE_LIMIT: '2', QUESTION_MIN_FILL_SECONDS: '1' });
});
test.afterAll(async () => {
  await server.stop();
});

async function reports(): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', path: server.databasePath });
  try {
    const row = await db
      .selectFrom('listing_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}

/** Shows the form, waits as a person would, and sends it. */
async function send(
  request: APIRequestContext,
  page: string,
  action: string,
  fields: Record<string, string>,
) {
  const html = await (await request.get(`${server.base}${page}`)).text();
  const formToken = /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
  await new Promise((resolve) => setTimeout(resolve, FILL_TIME_MS));
  return request.post(`${server.base}${page}?_action=${action}`, {
    form: { ...fields, formToken },
    headers: { origin: server.base },
    maxRedirects: 0,
  });
}

test('"Klopt er iets niet?" takes two reports from one address per 10 minutes, then a 429 in Dutch; other forms count apart', async ({
  request,
}) => {
  const report = { reason: 'tijden', details: 'Het is nu op woensdag.', slug };
  for (const attempt of [1, 2]) {
    const response = await send(request, `/aanbod/${slug}/klopt-niet`, 'volunteers.report', report);
    expect(response.status(), `report ${attempt}`).toBeLessThan(400);
  }
  expect(await reports()).toBe(2);
  const refused = await send(request, `/aanbod/${slug}/klopt-niet`, 'volunteers.report', report);
  expect(refused.status()).toBe(429);
  expect(await refused.text()).toContain('Er is vanaf deze verbinding al veel verstuurd.');
  expect(await reports()).toBe(2);

  // The sign-up form has a limit of its own.
  const signUp = await send(request, '/helpen', 'volunteers.signUp', {
    kinds: 'boodschappen',
    days: 'di',
    dayParts: 'ochtend',
    neighbourhoods: 'bolnes',
    showOffer: 'nee',
    name: 'Vera',
    email: 'vera@example.nl',
    age: 'ja',
  });
  expect(signUp.status()).toBeLessThan(400);
});
