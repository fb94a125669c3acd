import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';

const wijken = loadContent(contentRoot).neighbourhoods.map((wijk) => wijk.id);

/** What the submitters saw: every answer counted, every acknowledged question's key kept. */
export interface LoadOutcome {
  requests: number;
  /** Form keys of questions answered with "ontvangen". */
  acknowledged: string[];
  refused: Map<string, number>;
  submitLatencies: number[];
}

export const newOutcome = (): LoadOutcome => ({
  requests: 0,
  acknowledged: [],
  refused: new Map(),
  submitLatencies: [],
});

const count = (outcome: LoadOutcome, reason: string) =>
  outcome.refused.set(reason, (outcome.refused.get(reason) ?? 0) + 1);

/**
 * One resident in a closed loop until `deadline`: open /vraag, send the form at once
 * (QUESTION_MIN_FILL_SECONDS=0 in the benchmark), open the receipt. `pick` chooses the instance
 * for each question, as a load balancer would; a request that fails (an instance that died) is
 * counted as refused and the next question goes to whatever `pick` says then.
 */
export async function submitQuestions(
  pick: (index: number, sent: number) => string,
  index: number,
  deadline: number,
  outcome: LoadOutcome,
): Promise<void> {
  let sent = 0;
  while (Date.now() < deadline) {
    sent += 1;
    const base = pick(index, sent);
    try {
      const html = await (await fetch(`${base}/vraag`)).text();
      outcome.requests += 1;
      const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
      if (!token) throw new Error('no form token on /vraag');
      const body = new URLSearchParams({
        formToken: token,
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
      outcome.requests += 1;
      outcome.submitLatencies.push(performance.now() - started);
      const location = response.headers.get('location') ?? '';
      if (response.status !== 303 || !location.startsWith('/vraag/ontvangen/')) {
        count(outcome, `HTTP ${response.status}`);
        continue;
      }
      // The redirect to the receipt is the server's word that the question is stored.
      outcome.acknowledged.push(decodeURIComponent(location.slice('/vraag/ontvangen/'.length)));
      const receipt = await (await fetch(`${base}${location}`)).text();
      outcome.requests += 1;
      if (!receipt.includes('Je vraag is ontvangen')) count(outcome, 'receipt without "ontvangen"');
    } catch {
      // Connection refused or reset: the instance is gone. Nothing was acknowledged.
      count(outcome, 'connection failed');
    }
  }
}
