import { expect, test } from '@playwright/test';
import { openDatabase } from '#admin/db/open-database.ts';
import { e2eDatabasePath, loggedInEditor } from '../support/e2e-admin.ts';

// An organisation editor keeps a listing's address for professionals ("adres op aanvraag"). From
// then on residents see only its wijken: on its page, in JSON-LD, on the map and the wijk page, in
// /kaart, in /api/zoeken, on the organisation page; and what the listing keeps for referrers
// reaches none of them either.

const SLUG = 'ggz-inloop-yulius';
const STREET = 'Ringweg 5';
const PLACE = 'Yulius Inloop Ridderkerk';
const DIRECT_LINE = '0180-777666';

async function listingId(): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', path: e2eDatabasePath() });
  try {
    return (await db.selectFrom('listings').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow())
      .id;
  } finally {
    await db.destroy();
  }
}

test('"adres op aanvraag" removes the address from the page, the map, search, the API and JSON-LD', async ({
  page,
  request,
}) => {
  // Before: the address is public.
  expect(await (await request.get(`/aanbod/${SLUG}`)).text()).toContain(STREET);

  await loggedInEditor(page, 'yulius');
  await page.goto(`/beheer/aanbod/${await listingId()}`);
  await page.getByRole('checkbox', { name: /Het adres is alleen voor professionals/ }).check();
  await page.getByLabel('Direct telefoonnummer voor verwijzers').fill(DIRECT_LINE);
  await page.getByLabel('Voorwaarden voor aanmelding').fill('Vanaf 18 jaar, na een kennismaking.');
  await page.getByRole('radio', { name: 'Wachtlijst' }).check();
  await page.getByLabel('Wachttijd in weken (bij een wachtlijst)').fill('4');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('Je wijzigingen zijn opgeslagen.')).toBeVisible();
  await expect(page.getByText(/Wachtlijst, ongeveer 4 weken \(bijgewerkt op/)).toBeVisible();

  const publicPage = await request.get(`/aanbod/${SLUG}`);
  const html = await publicPage.text();
  expect(publicPage.status()).toBe(200);
  for (const secret of [STREET, PLACE, DIRECT_LINE, 'Vanaf 18 jaar']) expect(html).not.toContain(secret);
  expect(html).toContain('Het adres staat niet op de site');
  expect(html).toContain('Er is een wachtlijst. Je wacht ongeveer 4 weken.');
  expect(html).not.toContain('id="aanbodkaart"');
  const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
  expect(jsonLd).toContain('Inloop psychische gezondheid');
  expect(jsonLd).not.toMatch(/PostalAddress|GeoCoordinates|streetAddress/);

  for (const path of [
    '/wijken/oostendam',
    '/wijken/rijsoord',
    '/kaart?wijk=oostendam',
    '/organisaties/sport-en-welzijn',
  ]) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain(STREET);
    expect(body, path).not.toContain(DIRECT_LINE);
  }
  // The listing is still found, in its wijk, without a place.
  await expect
    .poll(async () => {
      const answer = (await (
        await request.get('/api/zoeken?q=inloop+psychische+gezondheid&wijk=bolnes')
      ).json()) as {
        results: { url: string; location: unknown }[];
      };
      return answer.results.find((result) => result.url === `/aanbod/${SLUG}`);
    })
    .toMatchObject({ location: null });
  const api = await (await request.get('/api/zoeken?q=inloop+psychische+gezondheid')).text();
  expect(api).not.toContain(STREET);
  expect(api).not.toContain(DIRECT_LINE);

  // Residents still find it, but not on the map.
  await page.goto('/zoeken?q=inloop+psychische+gezondheid&wijk=bolnes');
  await expect(page.getByRole('link', { name: 'Inloop psychische gezondheid' }).first()).toBeVisible();
  await page.goto('/kaart?wijk=bolnes');
  await expect(
    page.locator('[data-map-point]').filter({ hasText: 'Inloop psychische gezondheid' }),
  ).toHaveCount(0);
});
