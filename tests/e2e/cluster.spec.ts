import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import type { Kysely } from 'kysely';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import type { Database } from '#admin/db/tables.ts';
import { listLeases } from '#admin/leases/lease-repository.ts';
import { accountWith, TEST_PASSWORD } from '../support/accounts.ts';
import { startAppInstance, type AppInstance } from '../support/app-instance.ts';
import { clusterDatabase } from '../support/cluster-database.ts';
import { startSmtpReceiver } from '../support/smtp-receiver.ts';

// Two instances of the built server on one PostgreSQL and one mail server, as a city runs them
// behind a load balancer: what one instance does, the other knows.
test.describe.configure({ mode: 'serial' });

const content = loadContent(contentRoot);
let database: Awaited<ReturnType<typeof clusterDatabase>>;
let db: Kysely<Database>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let a: AppInstance;
let b: AppInstance;

const environment = () => ({
  DATABASE_URL: database.url,
  DATABASE_POOL_SIZE: '4',
  SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  MAIL_FROM: 'Wijkwijzer <noreply@wijkwijzer.test>',
  DEMO_DATA: 'true',
  LEASE_SECONDS: '4',
  DATA_VERSION_POLL_MS: '200',
  QUESTION_RATE_LIMIT: '3',
  QUESTION_MIN_FILL_SECONDS: '0',
  LOCATIESERVER_URL: 'http://127.0.0.1:9/bzk/locatieserver/search/v3_1',
});

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await clusterDatabase();
  db = openDatabase({ dialect: 'postgres', url: database.url }, { poolSize: 2 });
  smtp = await startSmtpReceiver();
});

test.afterAll(async () => {
  await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
  await db?.destroy();
  await smtp?.stop();
  await database?.drop();
});

test('an instance that may not migrate refuses to start while the schema is behind', async () => {
  const attempt = startAppInstance('te-vroeg', { ...environment(), MIGRATE_ON_START: 'false' });
  await expect(attempt).rejects.toThrow(/loopt achter.*npm run migrate/s);
});

test('A migrates and starts; B, started without migrating, finds the schema current', async () => {
  test.setTimeout(240_000);
  a = await startAppInstance('a', { ...environment(), MIGRATE_ON_START: 'true' });
  b = await startAppInstance('b', { ...environment(), MIGRATE_ON_START: 'false' });
  const ready = (await (await fetch(`${b.base}/api/ready`)).json()) as { checks: unknown };
  expect(ready.checks).toEqual({
    database: 'ok',
    migrations: 'current',
    instance: 'running',
    search: 'ready',
  });
});

async function logInOn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/beheer/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom/ })).toBeVisible();
}

test('a listing saved through A is found through B, and B shows it; the session of A holds on B', async ({
  page,
}) => {
  const editor = await accountWith(db, { role: 'organisatie', organisationSlug: 'karaat' });
  await logInOn(page, a.base, editor.email);
  await page.goto(`${a.base}/beheer/aanbod`);
  await page.locator('table a').first().click();
  const id = /\/beheer\/aanbod\/(\d+)/.exec(page.url())?.[1];
  const title = `Gedeelde koffietafel ${crypto.randomUUID().slice(0, 6)}`;
  await page.getByLabel('Titel').fill(title);
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('Je wijzigingen zijn opgeslagen.')).toBeVisible();

  const titlesOnB = async () => {
    const answer = (await (await fetch(`${b.base}/api/zoeken?q=${encodeURIComponent(title)}`)).json()) as {
      results: { title: string }[];
    };
    return answer.results.map((hit) => hit.title);
  };
  await expect.poll(titlesOnB, { timeout: 15_000 }).toContain(title);
  const { slug } = await db
    .selectFrom('listings')
    .select('slug')
    .where('id', '=', Number(id))
    .executeTakeFirstOrThrow();
  await page.goto(`${b.base}/aanbod/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // The cookie is the loopback host's, so the browser sends A's session to B.
  await page.goto(`${b.base}/beheer`);
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom/ })).toBeVisible();
});

async function askQuestion(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/vraag`);
  await page
    .getByLabel('Je vraag')
    .fill(`Kan iemand mij helpen met de administratie? ${crypto.randomUUID()}`);
  await page.getByLabel('In welke wijk woon je?').selectOption(content.neighbourhoods[0]!.id);
  await page.getByRole('radio', { name: 'Nee' }).check();
  await page.getByLabel('Telefoonnummer').fill('06 12345678');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
}

test('the question limit counts what all instances received; each notification mail arrives once', async ({
  page,
}) => {
  for (const base of [a.base, b.base, a.base]) {
    await askQuestion(page, base);
    await expect(page.getByRole('heading', { level: 1, name: 'Je vraag is ontvangen' })).toBeVisible();
  }
  await askQuestion(page, b.base);
  await expect(page.getByText('Er zijn vanaf deze verbinding veel vragen verstuurd')).toBeVisible();
  expect(await db.selectFrom('questions').select('id').execute()).toHaveLength(3);

  const queued = await db.selectFrom('mail_outbox').select('id').execute();
  await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(queued.length);
  const messageIds = smtp.received.map((mail) => /^Message-ID: (.*)$/im.exec(mail.raw)?.[1]);
  expect(new Set(messageIds).size).toBe(queued.length);
});

test('on SIGTERM A finishes the request in flight, exits 0 and gives its leases back', async () => {
  const before = await listLeases(db);
  expect(before.map((lease) => lease.name)).toContain('housekeeping');

  const body = 'vraag=Een+vraag+die+nog+onderweg+is';
  let answered = false;
  let continued: () => void = () => undefined;
  const serverHasIt = new Promise<void>((resolve) => (continued = resolve));
  const request = httpRequest(`${a.base}/vraag?_action=questions.ask`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': String(Buffer.byteLength(body)),
      Origin: a.base,
      // The server answers "100 Continue" once its handler has the request: then it is in flight.
      Expect: '100-continue',
    },
  });
  const response = new Promise<number>((resolve, reject) => {
    request.on('response', (incoming) => {
      answered = true;
      incoming.resume();
      incoming.on('end', () => resolve(incoming.statusCode ?? 0));
    });
    request.on('error', reject);
  });
  request.on('continue', () => continued());
  request.flushHeaders();
  await serverHasIt;

  a.process.kill('SIGTERM');
  await expect.poll(() => a.log(), { timeout: 10_000 }).toContain('SIGTERM');
  // Stopped accepting: a new connection is refused, while the request above still waits for its body.
  await expect(fetch(`${a.base}/api/health`)).rejects.toThrow();
  expect(answered).toBe(false);
  request.end(body);
  expect(await response).toBeLessThan(500);
  expect(await a.exited).toBe(0);

  expect((await listLeases(db)).filter((lease) => lease.holder === 'a')).toEqual([]);
  await expect
    .poll(async () => (await listLeases(db)).find((lease) => lease.name === 'housekeeping')?.holder, {
      timeout: 15_000,
    })
    .toBe('b');
});

test('npm start does not rebuild a current build, nor a stale one that a running instance serves from', async () => {
  const entry = 'dist/server/entry.mjs';
  const builtAt = statSync(entry).mtimeMs;
  const current = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'scripts/build-if-stale.ts'],
    {
      encoding: 'utf8',
    },
  );
  expect(current.stdout).toContain('De build is actueel');
  expect(current.status).toBe(0);

  const stamp = 'dist/.build-inputs';
  const recorded = readFileSync(stamp, 'utf8');
  writeFileSync(stamp, 'een oudere versie');
  try {
    const stale = spawnSync(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', 'scripts/build-if-stale.ts'],
      {
        encoding: 'utf8',
      },
    );
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(new RegExp(`pid [0-9, ]*\\b${b.process.pid}\\b`));
  } finally {
    writeFileSync(stamp, recorded);
  }
  expect(statSync(entry).mtimeMs).toBe(builtAt);
  expect((await fetch(`${b.base}/api/ready`)).status).toBe(200);
});
