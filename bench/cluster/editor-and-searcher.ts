import { chromium } from '@playwright/test';
import { TEST_PASSWORD } from '#tests/support/accounts.ts';

/**
 * An editor saving a listing through one instance again and again, and a searcher looking for
 * each new title through another: the delay from "opgeslagen" on A to the first hit on B.
 */
export async function editAndSearch(options: {
  editorBase: string;
  searcherBase: string;
  email: string;
  listingId: number;
  deadline: number;
}): Promise<{ delaysMs: number[]; missed: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  const delaysMs: number[] = [];
  let missed = 0;
  try {
    const page = await browser.newPage();
    await page.goto(`${options.editorBase}/beheer/inloggen`);
    await page.getByLabel('E-mailadres').fill(options.email);
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    for (let round = 1; Date.now() < options.deadline; round++) {
      const word = `zoekproef${round}${Math.random().toString(36).slice(2, 7)}`;
      await page.goto(`${options.editorBase}/beheer/aanbod/${options.listingId}`);
      await page.getByLabel('Titel').fill(`Koffieochtend ${word}`);
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('Je wijzigingen zijn opgeslagen.').waitFor();
      const savedAt = performance.now();
      const giveUpAt = savedAt + 10_000;
      for (;;) {
        const answer = (await (
          await fetch(`${options.searcherBase}/api/zoeken?q=${encodeURIComponent(word)}`)
        ).json()) as { results: { title: string }[] };
        if (answer.results.some((hit) => hit.title.includes(word))) {
          delaysMs.push(performance.now() - savedAt);
          break;
        }
        if (performance.now() > giveUpAt) {
          missed += 1;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    await browser.close();
  }
  return { delaysMs, missed };
}
