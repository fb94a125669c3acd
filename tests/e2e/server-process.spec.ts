import { expect, test } from '@playwright/test';
import { openDatabase } from '#admin/db/open-database.ts';
import { enqueueMail } from '#admin/mail/outbox.ts';
import { startServerProcess, rawRequest, type ServerProcess } from '../support/server-process.ts';
import { startSmtpReceiver } from '../support/smtp-receiver.ts';

// The server as its own process, with its log: limits before parsing, what reaches the log, and
// work that must start with the server rather than with the first request.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: ServerProcess;
test.beforeAll(async () => {
  server = await startServerProcess();
});
test.afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function questionCount(path: string): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', path });
  try {
    const row = await db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  } finally {
    await db.destroy();
  }
}

test('a body over its limit is refused at once with a short Dutch page; nothing read, stored or echoed', async () => {
  const origin = server.base;
  const big = `question=UNIQ-GROOT-${'a'.repeat(10 * 1024 * 1024)}`;
  const refused = await fetch(`${origin}/vraag?_action=questions.ask`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: big,
  });
  const page = await refused.text();
  expect(refused.status).toBe(413);
  expect(page.length).toBeLessThan(2048);
  expect(page).toContain('te groot');
  expect(page).not.toContain('UNIQ-GROOT');
  expect(await questionCount(server.databasePath)).toBe(0);
  expect((await fetch(`${origin}/api/health`)).status).toBe(200);

  // Public forms get tens of KB, the back office about 1 MB.
  const post = (path: string, bytes: number) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: `x=${'b'.repeat(bytes)}`,
      redirect: 'manual',
    });
  expect((await post('/vraag?_action=questions.ask', 100 * 1024)).status).toBe(413);
  expect((await post('/beheer/inloggen?_action=account.logIn', 300 * 1024)).status).not.toBe(413);
  expect((await post('/beheer/inloggen?_action=account.logIn', 1536 * 1024)).status).toBe(413);

  // Far too much: the connection is closed under it, and the server keeps answering.
  await fetch(`${origin}/vraag?_action=questions.ask`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: `question=${'c'.repeat(40 * 1024 * 1024)}`,
  }).catch(() => undefined);
  expect((await fetch(`${origin}/api/health`)).status).toBe(200);
  expect(await questionCount(server.databasePath)).toBe(0);

  // A body that does not say how long it is gets no chance to grow.
  const chunked = await rawRequest(
    server.port,
    'POST /vraag?_action=questions.ask HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n' +
      'Content-Type: application/x-www-form-urlencoded\r\n\r\n5\r\nx=abc\r\n0\r\n\r\n',
  );
  expect(chunked).toMatch(/^HTTP\/1\.1 411/);
});

test('a broken multipart form gets a 400 with a Dutch message, and no stack trace in the log', async () => {
  const before = server.lines.length;
  const response = await fetch(`${server.base}/vraag?_action=questions.ask`, {
    method: 'POST',
    headers: { origin: server.base, 'content-type': 'multipart/form-data; boundary=x' },
    body: 'x',
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('Het formulier kwam niet goed aan');
  const logged = server.lines.slice(before).join('\n');
  expect(logged).not.toMatch(/\n\s+at |Failed to parse/);
  expect(await questionCount(server.databasePath)).toBe(0);
});

test('a path with line breaks cannot forge a log line, and unknown paths are not logged', async () => {
  const before = server.lines.length;
  const response = await fetch(`${server.base}/x%0D%0A01:09:00%20[ERROR]%20FORGED`);
  expect(response.status).toBe(404);
  expect((await fetch(`${server.base}/favicon.svg`)).status).toBe(404);
  // Let the server finish writing whatever it would write about these requests.
  expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
  const logged = server.lines.slice(before);
  expect(logged.filter((line) => /^01:09:00 \[ERROR\] FORGED/.test(line))).toEqual([]);
  expect(logged.filter((line) => /FORGED|favicon/.test(line))).toEqual([]);
});

test('mail waiting in the outbox is sent when the server starts, before any request', async () => {
  const smtp = await startSmtpReceiver();
  const first = await startServerProcess();
  expect(await first.stop()).toBe(0);
  const db = openDatabase({ dialect: 'sqlite', path: first.databasePath });
  try {
    await enqueueMail(db, {
      to: 'team@example.nl',
      subject: 'Wacht op de server',
      text: 'Nieuw in je werkbak.',
    });
  } finally {
    await db.destroy();
  }
  const second = await startServerProcess({
    DATABASE_PATH: first.databasePath,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  });
  try {
    await expect
      .poll(() => smtp.received.map((mail) => mail.to.join()), { timeout: 60_000 })
      .toEqual(['team@example.nl']);
  } finally {
    expect(await second.stop()).toBe(0);
    await smtp.stop();
  }
});
