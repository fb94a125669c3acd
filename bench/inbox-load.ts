// `npm run bench:inbox`: 30 residents submit questions at the same time for 30 s over loopback,
// as a browser would (open /vraag, wait the minimum fill time, send). At the end the number of
// questions in the database must equal the number of "ontvangen" answers: nothing lost, nothing
// doubled. The per-address limit is raised for the run through QUESTION_RATE_LIMIT (all
// submitters share 127.0.0.1). Submit latency is reported next to /api/health in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { startBuiltServer } from './built-server.ts';
import { loadTest, percentiles } from './load.ts';

const SUBMITTERS = Number(process.env.BENCH_SUBMITTERS ?? 30);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1000;
const MIN_FILL_MS = 3000;
const PORT = Number(process.env.BENCH_PORT ?? 4397);

const content = loadContent(contentRoot);
const wijken = content.neighbourhoods.map((wijk) => wijk.id);

interface Outcome {
  received: number;
  refused: Map<number, number>;
  latencies: number[];
}

async function submitter(base: string, index: number, deadline: number, outcome: Outcome): Promise<void> {
  const forms: { token: string; at: number }[] = [];
  let sent = 0;
  while (Date.now() < deadline) {
    const oldest = forms[0];
    if (!oldest || Date.now() - oldest.at < MIN_FILL_MS) {
      if (forms.length >= 10) {
        await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS - (Date.now() - (oldest?.at ?? 0))));
        continue;
      }
      const html = await (await fetch(`${base}/vraag`)).text();
      const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
      if (!token) throw new Error('no form token on /vraag');
      forms.push({ token, at: Date.now() });
      continue;
    }
    forms.shift();
    sent += 1;
    const body = new URLSearchParams({
      formToken: oldest.token,
      question: `Vraag ${sent} van inwoner ${index}: ik heb hulp nodig bij mijn post en rekeningen.`,
      neighbourhood: wijken[(index + sent) % wijken.length] ?? '',
      aboutYouth: sent % 3 === 0 ? 'ja' : 'nee',
      phone: '06 12345678',
      ...(sent % 2 === 0 ? { email: `inwoner${index}@example.nl` } : {}),
    });
    const started = performance.now();
    const response = await fetch(`${base}/vraag?_action=questions.ask`, {
      method: 'POST',
      body,
      headers: { origin: base },
      redirect: 'manual',
    });
    await response.arrayBuffer();
    outcome.latencies.push(performance.now() - started);
    const location = response.headers.get('location') ?? '';
    if (response.status === 303 && location.startsWith('/vraag/ontvangen/')) {
      const receipt = await (await fetch(`${base}${location}`)).text();
      if (receipt.includes('Je vraag is ontvangen')) outcome.received += 1;
    } else {
      outcome.refused.set(response.status, (outcome.refused.get(response.status) ?? 0) + 1);
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'wijkwijzer-bench-inbox-'));
const databasePath = join(dir, 'bench.sqlite');
try {
  const db = openDatabase({ dialect: 'sqlite', path: databasePath });
  await prepareDatabase(db, { content, contentRoot, demoData: true });
  await db.destroy();
  const { base, stop } = await startBuiltServer(PORT, {
    DATABASE_PATH: databasePath,
    DEMO_DATA: 'false',
    QUESTION_RATE_LIMIT: '1000000',
    SEARCH_SYNC_INTERVAL_SECONDS: '0',
  });
  try {
    const outcome: Outcome = { received: 0, refused: new Map(), latencies: [] };
    const deadline = Date.now() + DURATION_MS;
    await Promise.all(
      Array.from({ length: SUBMITTERS }, (_, index) => submitter(base, index, deadline, outcome)),
    );
    const health = percentiles(await loadTest(() => `${base}/api/health`, 2000, SUBMITTERS));

    const check = openDatabase({ dialect: 'sqlite', path: databasePath });
    const stored = Number(
      (
        await check
          .selectFrom('questions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const mails = Number(
      (
        await check
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await check.destroy();

    const submit = percentiles(outcome.latencies);
    console.log(
      `${SUBMITTERS} submitters, ${DURATION_MS / 1000} s, minimum fill time ${MIN_FILL_MS / 1000} s`,
    );
    console.log(
      `submitted: ${outcome.latencies.length}; "ontvangen": ${outcome.received}; refused: ${JSON.stringify(Object.fromEntries(outcome.refused))}`,
    );
    console.log(`questions in the database: ${stored}; mails queued: ${mails}`);
    console.log(
      `submit p50 ${submit.p50.toFixed(1)} ms, p95 ${submit.p95.toFixed(1)} ms = ${(submit.p95 / health.p95).toFixed(1)} × /api/health p95 (${health.p95.toFixed(1)} ms) in the same run`,
    );
    if (stored !== outcome.received) {
      console.error(`MISMATCH: ${stored} stored, ${outcome.received} acknowledged`);
      process.exitCode = 1;
    } else {
      console.log('OK: every "ontvangen" is a stored question, and every stored question was acknowledged.');
    }
  } finally {
    stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
