// `npm run bench:cluster`: two instances of the built server on loopback, sharing one PostgreSQL
// (a throwaway server, or BENCH_DATABASE_URL's) and one real SMTP receiver.
//   1. One instance on SQLite: 30 residents sending questions for 30 s (the comparison).
//   2. Two instances on PostgreSQL: the same residents spread over both for 30 s, while an editor
//      saves a listing through A again and again and a searcher looks for each save through B.
//   3. The same load for 20 s; halfway, `kill -9` of the instance holding the housekeeping lease.
// Reported: questions stored = acknowledged, mails received = mails queued (none twice), the p95
// from a save on A to a hit on B, requests/s; and after the kill, that nothing acknowledged was
// lost and that the dead instance's lease and claimed mail were taken over within the lease time.
// Exits non-zero when one of those does not hold.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '#admin/db/open-database.ts';
import type { Database } from '#admin/db/tables.ts';
import { listLeases } from '#admin/leases/lease-repository.ts';
import { accountWith } from '#tests/support/accounts.ts';
import { startAppInstance, type AppInstance } from '#tests/support/app-instance.ts';
import { clusterDatabase } from '#tests/support/cluster-database.ts';
import { startSmtpReceiver } from '#tests/support/smtp-receiver.ts';
import { editAndSearch } from './cluster/editor-and-searcher.ts';
import { newOutcome, submitQuestions, type LoadOutcome } from './cluster/question-load.ts';
import { percentiles } from './load.ts';

const SUBMITTERS = Number(process.env.BENCH_SUBMITTERS ?? 30);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const KILL_RUN_SECONDS = Number(process.env.BENCH_KILL_SECONDS ?? 20);
const LEASE_SECONDS = Number(process.env.BENCH_LEASE_SECONDS ?? 10);

type Smtp = Awaited<ReturnType<typeof startSmtpReceiver>>;
const problems: string[] = [];
const ms = (value: number) => `${Math.round(value)} ms`;

const settings = (smtp: Smtp) => ({
  SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  MAIL_FROM: 'Wijkwijzer <noreply@wijkwijzer.test>',
  DEMO_DATA: 'true',
  QUESTION_RATE_LIMIT: '100000000',
  QUESTION_MIN_FILL_SECONDS: '0',
  LEASE_SECONDS: String(LEASE_SECONDS),
  LOCATIESERVER_URL: 'http://127.0.0.1:9/bzk/locatieserver/search/v3_1',
});

async function countOf(db: Kysely<Database>, table: 'questions' | 'mail_outbox'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Message-IDs received, and how many of them arrived more than once. */
function received(smtp: Smtp): { distinct: number; twice: number } {
  const seen = new Map<string, number>();
  for (const mail of smtp.received) {
    const id = /^Message-ID: (.*)$/im.exec(mail.raw)?.[1] ?? `(none ${seen.size})`;
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  return { distinct: seen.size, twice: [...seen.values()].filter((n) => n > 1).length };
}

/** Waits until every queued mail has arrived (or two minutes passed). */
async function drainMail(db: Kysely<Database>, smtp: Smtp): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (received(smtp).distinct >= (await countOf(db, 'mail_outbox'))) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runLoad(
  pick: (index: number, sent: number) => string,
  seconds: number,
): Promise<{ outcome: LoadOutcome; seconds: number }> {
  const outcome = newOutcome();
  const started = performance.now();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: SUBMITTERS }, (_, index) => submitQuestions(pick, index, deadline, outcome)),
  );
  return { outcome, seconds: (performance.now() - started) / 1000 };
}

async function checkStored(db: Kysely<Database>, label: string, outcome: LoadOutcome): Promise<number> {
  const keys = new Set(
    (await db.selectFrom('questions').select('submission_key').execute()).map((row) => row.submission_key),
  );
  const lost = outcome.acknowledged.filter((key) => !keys.has(key)).length;
  if (lost > 0) problems.push(`${label}: ${lost} acknowledged question(s) not in the database`);
  return lost;
}

function reportLoad(label: string, run: { outcome: LoadOutcome; seconds: number }): number {
  const { outcome, seconds } = run;
  const rps = outcome.requests / seconds;
  const submit = percentiles(outcome.submitLatencies);
  console.log(
    `${label}: ${outcome.requests} requests in ${seconds.toFixed(1)} s = ${rps.toFixed(0)} requests/s; ` +
      `${outcome.acknowledged.length} questions acknowledged; submit p50 ${ms(submit.p50)}, p95 ${ms(submit.p95)}` +
      (outcome.refused.size > 0
        ? `; not acknowledged: ${JSON.stringify(Object.fromEntries(outcome.refused))}`
        : ''),
  );
  return rps;
}

async function reportMail(
  label: string,
  db: Kysely<Database>,
  smtp: Smtp,
  allowTwice: boolean,
): Promise<void> {
  await drainMail(db, smtp);
  const queued = await countOf(db, 'mail_outbox');
  const { distinct, twice } = received(smtp);
  // Mail not received yet is still in the outbox, waiting for its next try after a failed one.
  const waiting = await db
    .selectFrom('mail_outbox')
    .select(['status', 'last_error'])
    .where('status', '!=', 'sent')
    .execute();
  const errors = [...new Set(waiting.map((row) => row.last_error ?? '(no error yet)'))].slice(0, 3);
  console.log(
    `${label}: mails queued ${queued}, received ${distinct} distinct, ${twice} received twice` +
      (waiting.length > 0
        ? `; ${waiting.length} still in the outbox for a next try (${errors.join('; ')})`
        : ''),
  );
  if (distinct + waiting.length < queued)
    problems.push(`${label}: ${queued - distinct - waiting.length} mail(s) lost`);
  if (twice > 0 && !allowTwice) problems.push(`${label}: ${twice} mail(s) received twice`);
}

// 1. One instance on SQLite.
const folder = mkdtempSync(join(tmpdir(), 'wijkwijzer-bench-cluster-'));
const sqliteSmtp = await startSmtpReceiver();
let sqliteRps: number;
try {
  const path = join(folder, 'single.sqlite');
  const single = await startAppInstance('sqlite', { ...settings(sqliteSmtp), DATABASE_PATH: path });
  try {
    const run = await runLoad(() => single.base, SECONDS);
    console.log(`\n1. One instance on SQLite, ${SUBMITTERS} residents, ${SECONDS} s`);
    sqliteRps = reportLoad('   load', run);
    const db = openDatabase({ dialect: 'sqlite', path });
    try {
      const stored = await countOf(db, 'questions');
      await checkStored(db, 'SQLite', run.outcome);
      console.log(`   questions stored ${stored} = acknowledged ${run.outcome.acknowledged.length}`);
      if (stored !== run.outcome.acknowledged.length) problems.push('SQLite: stored ≠ acknowledged');
      await reportMail('   mail', db, sqliteSmtp, false);
    } finally {
      await db.destroy();
    }
  } finally {
    await single.stop();
  }
} finally {
  await sqliteSmtp.stop();
}

// 2. Two instances on one PostgreSQL.
const database = await clusterDatabase();
const smtp = await startSmtpReceiver();
const db = openDatabase({ dialect: 'postgres', url: database.url }, { poolSize: 4 });
const instances: AppInstance[] = [];
try {
  const cluster = { ...settings(smtp), DATABASE_URL: database.url, DATA_VERSION_POLL_MS: '500' };
  const a = await startAppInstance('a', cluster);
  instances.push(a);
  const b = await startAppInstance('b', cluster);
  instances.push(b);
  const editor = await accountWith(db, { role: 'organisatie', organisationSlug: 'karaat' });
  const listing = await db
    .selectFrom('listings')
    .select('id')
    .where('organisation_slug', '=', 'karaat')
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();

  const deadline = Date.now() + SECONDS * 1000;
  const [run, search] = await Promise.all([
    runLoad((index, sent) => ((index + sent) % 2 === 0 ? a.base : b.base), SECONDS),
    editAndSearch({
      editorBase: a.base,
      searcherBase: b.base,
      email: editor.email,
      listingId: listing.id,
      deadline,
    }),
  ]);
  console.log(`\n2. Two instances on one PostgreSQL, ${SUBMITTERS} residents over both, ${SECONDS} s`);
  const clusterRps = reportLoad('   load', run);
  const stored = await countOf(db, 'questions');
  await checkStored(db, 'cluster', run.outcome);
  console.log(`   questions stored ${stored} = acknowledged ${run.outcome.acknowledged.length}`);
  if (stored !== run.outcome.acknowledged.length) problems.push('cluster: stored ≠ acknowledged');
  await reportMail('   mail', db, smtp, false);
  const delays = percentiles(search.delaysMs);
  console.log(
    `   save on A → hit on B: ${search.delaysMs.length} saves, p50 ${ms(delays.p50)}, p95 ${ms(delays.p95)}, max ${ms(Math.max(...search.delaysMs))}` +
      (search.missed > 0 ? `; ${search.missed} not found within 10 s` : ''),
  );
  if (search.missed > 0 || !(delays.p95 <= 2000))
    problems.push(`save → hit p95 ${ms(delays.p95)} (target ≤ 2 s)`);
  console.log(
    `   requests/s: two instances on PostgreSQL ${clusterRps.toFixed(0)}, one on SQLite ${sqliteRps.toFixed(0)}`,
  );

  // 3. kill -9 of the instance holding the housekeeping lease, halfway through a run.
  const holder = (await listLeases(db)).find((lease) => lease.name === 'housekeeping')?.holder;
  const victim = instances.find((instance) => instance.name === holder) ?? b;
  const survivor = victim === a ? b : a;
  let victimAlive = true;
  const storedBefore = stored;
  const killRun = runLoad(
    (index, sent) => (victimAlive && (index + sent) % 2 === 0 ? victim.base : survivor.base),
    KILL_RUN_SECONDS,
  );
  await new Promise((resolve) => setTimeout(resolve, (KILL_RUN_SECONDS * 1000) / 2));
  const leasesHeld = (await listLeases(db))
    .filter((lease) => lease.holder === victim.name)
    .map((l) => l.name);
  victim.process.kill('SIGKILL');
  const killedAt = performance.now();
  await victim.exited;
  victimAlive = false;
  const claimed = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('claimed_by', '=', victim.name)
    .where('status', '=', 'pending')
    .execute();
  const takeover = async (): Promise<{ leasesMs: number; mailMs: number }> => {
    let leasesMs = Number.NaN;
    let mailMs = claimed.length === 0 ? 0 : Number.NaN;
    const giveUp = killedAt + LEASE_SECONDS * 3000;
    while (performance.now() < giveUp && (Number.isNaN(leasesMs) || Number.isNaN(mailMs))) {
      const leases = await listLeases(db);
      if (
        Number.isNaN(leasesMs) &&
        leasesHeld.every((name) => leases.find((l) => l.name === name)?.holder === survivor.name)
      )
        leasesMs = performance.now() - killedAt;
      if (Number.isNaN(mailMs) && claimed.length > 0) {
        const sent = await db
          .selectFrom('mail_outbox')
          .select('id')
          .where(
            'id',
            'in',
            claimed.map((row) => row.id),
          )
          .where('status', '=', 'sent')
          .execute();
        if (sent.length === claimed.length) mailMs = performance.now() - killedAt;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { leasesMs, mailMs };
  };
  const [after, taken] = await Promise.all([killRun, takeover()]);
  console.log(
    `\n3. kill -9 of ${victim.name} (holding ${leasesHeld.join(', ') || 'no lease'} and ${claimed.length} claimed mail(s)) halfway through ${KILL_RUN_SECONDS} s`,
  );
  reportLoad('   load', after);
  const lost = await checkStored(db, 'kill -9', after.outcome);
  const storedNow = (await countOf(db, 'questions')) - storedBefore;
  console.log(
    `   acknowledged ${after.outcome.acknowledged.length}, of which lost ${lost}; stored ${storedNow} ` +
      `(${storedNow - after.outcome.acknowledged.length} stored while the answer was lost with the instance)`,
  );
  console.log(
    `   taken over by ${survivor.name} after the kill (lease time ${LEASE_SECONDS} s): leases in ${ms(taken.leasesMs)}, claimed mail sent in ${ms(taken.mailMs)}`,
  );
  for (const [what, value] of [
    ['leases', taken.leasesMs],
    ['claimed mail', taken.mailMs],
  ] as const) {
    if (!(value <= LEASE_SECONDS * 1000))
      problems.push(`${what} not taken over within the lease time (${ms(value)})`);
  }
  await reportMail('   mail (whole PostgreSQL run)', db, smtp, true);
} finally {
  await Promise.all(instances.map((instance) => instance.stop()));
  await db.destroy();
  await smtp.stop();
  await database.drop();
  rmSync(folder, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\nNOT OK:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(
    '\nOK: nothing lost, nothing sent twice, search follows within 2 s, leased work taken over within the lease time.',
  );
}
