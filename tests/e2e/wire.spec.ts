import { expect, test } from '@playwright/test';
import { sql } from 'kysely';
import { raiseDataVersion } from '#admin/data-version/data-version.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { e2eDatabasePath, loggedInEditor } from '../support/e2e-admin.ts';

// What travels between a phone and the server: compressed, tagged, cached where it is safe.
const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

test('a public page arrives compressed with an ETag, and a repeat view is a 304', async ({ request }) => {
  const first = await request.get('/', { headers: BROWSER });
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers['content-encoding']).toBe('br');
  expect(headers.vary).toContain('Accept-Encoding');
  expect(headers['cache-control']).toBe('no-cache');
  const etag = headers.etag ?? '';
  expect(etag).toMatch(/^W\/".+"$/);
  expect(await first.text()).toContain('<html');

  const again = await request.get('/', { headers: { ...BROWSER, 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  expect((await again.body()).length).toBe(0);
  // Security headers come with the 304 too, and with the cached copy.
  expect(again.headers()['content-security-policy']).toContain("script-src 'self'");

  const gzip = await request.get('/', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  const plain = await request.get('/', { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(plain.headers().etag).toBe(etag);
});

test('hashed files are cached for a year and sent precompressed; JSON is compressed', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
  expect(stylesheet).toBeTruthy();
  const css = await request.get(stylesheet ?? '', { headers: BROWSER });
  expect(css.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(css.headers()['content-encoding']).toBe('br');
  expect(css.headers()['content-type']).toContain('text/css');

  // Playwright's request decodes and hides the encoding; fetch keeps the header.
  const raw = await fetch(new URL('/api/zoeken?q=schulden', css.url()), { headers: BROWSER });
  expect(raw.headers.get('content-encoding')).toBe('br');
  const json = JSON.parse((await raw.text()) || '{}') as { total?: number };
  expect(json.total).toBeGreaterThan(0);
});

test('form and personal pages are never cached: each view of /vraag has its own form token', async ({
  request,
}) => {
  const token = async () => {
    const response = await request.get('/vraag', { headers: BROWSER });
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers().etag).toBeUndefined();
    return /name="formToken" value="([^"]+)"/.exec(await response.text())?.[1];
  };
  const [first, second] = [await token(), await token()];
  expect(first).toBeTruthy();
  expect(first).not.toBe(second);
  // The forms of volunteers, activities, requests and reports, also when the path is spelled oddly.
  // Absolute, or `//helpen` would be read as another host.
  const origin = new URL((await request.get('/api/health')).url()).origin;
  for (const path of [
    '/helpen',
    '//helpen',
    '/h%65lpen',
    '/activiteit-aanmelden',
    '/aanbod/taalcafe/klopt-niet',
  ]) {
    const tokens = [];
    for (const view of [1, 2]) {
      const response = await request.get(`${origin}${path}`, { headers: BROWSER });
      expect(response.status(), `${path} ${view}`).toBe(200);
      expect(response.headers()['cache-control'], path).toBe('no-store');
      expect(response.headers().etag, path).toBeUndefined();
      tokens.push(/name="formToken" value="([^"]+)"/.exec(await response.text())?.[1]);
    }
    expect(tokens[0], path).toBeTruthy();
    expect(tokens[0], path).not.toBe(tokens[1]);
  }
  // Pages reached by a personal link: the token in the URL never becomes a cache key.
  for (const path of [
    '/helpen/mijn/x.y',
    '/helpen/beschikbaar/x.y',
    '/activiteit-aanmelden/mijn/x.y',
    '/gelukt/x.y',
  ]) {
    const response = await request.get(path, { headers: BROWSER });
    expect(response.headers()['cache-control'], path).toBe('no-store');
    expect(response.headers().etag, path).toBeUndefined();
  }
  const health = await request.get('/api/health');
  expect(health.headers()['cache-control']).toBe('no-store');
  expect(health.headers().etag).toBeUndefined();
});

test('an edit in the back office shows at once on the public page, though it was cached', async ({
  page,
  request,
}) => {
  const listingPath = '/aanbod/taalcafe';
  const before = await request.get(listingPath);
  const etag = before.headers().etag ?? '';
  expect((await request.get(listingPath, { headers: { 'If-None-Match': etag } })).status()).toBe(304);

  await loggedInEditor(page, 'bibliotheek-ridderkerk');
  await page.getByRole('link', { name: 'Aanbod', exact: true }).click();
  await page
    .getByRole('link', { name: /^Taalcafé/ })
    .first()
    .click();
  const newTitle = `Taalcafé ${crypto.randomUUID().slice(0, 6)}`;
  await page.getByLabel('Titel').fill(newTitle);
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('Je wijzigingen zijn opgeslagen.')).toBeVisible();

  const after = await request.get(listingPath, { headers: { 'If-None-Match': etag } });
  expect(after.status()).toBe(200);
  expect(await after.text()).toContain(newTitle);
  const search = await request.get(`/zoeken?q=${encodeURIComponent(newTitle)}`);
  expect(await search.text()).toContain(newTitle);
});

test('a change written by another instance reaches the cached page within the data version poll', async ({
  request,
}) => {
  const listingPath = '/aanbod/repair-cafe';
  expect(await (await request.get(listingPath)).text()).not.toContain('Andere instantie');
  const summary = `Andere instantie ${crypto.randomUUID().slice(0, 6)}: repareren met hulp van vrijwilligers.`;
  // Another server process on the same database: it raises the data version in its transaction,
  // as every write does, and commits; this process is never told.
  const db = openDatabase({ dialect: 'sqlite', path: e2eDatabasePath() });
  try {
    await db.transaction().execute(async (trx) => {
      const dataVersion = await raiseDataVersion(trx);
      await trx
        .updateTable('listings')
        .set({
          summary,
          version: sql`version + 1`,
          data_version: dataVersion,
          updated_at: new Date().toISOString(),
        })
        .where('slug', '=', 'repair-cafe')
        .execute();
    });
  } finally {
    await db.destroy();
  }
  await expect.poll(async () => (await request.get(listingPath)).text()).toContain(summary);
});
