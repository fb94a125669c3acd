import type { Page } from '@playwright/test';

/** How far below the top of the page an element ends, in CSS pixels (the page scrolled to the top). */
export async function bottomOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.bottom + window.scrollY;
    });
}

/** Sideways scrolling a resident would have to do, in CSS pixels. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Everything on the page that is broken where it must stay whole: a word of 8 or more letters
 * split over two lines, a phone number on two lines, or an e-mail address broken anywhere but at
 * its punctuation (each of its pieces stays on one line). Returns a description per break.
 */
export async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const lines = (range: Range) => {
      const tops = [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.top);
      return new Set(tops.map((top) => Math.round(top / 4))).size;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, .ww-visually-hidden, .ww-url, [hidden]')) continue;
      if (parent.getClientRects().length === 0) continue;
      for (const match of text.matchAll(/[\p{L}]{8,}|0\d{2,3}-\d{4,7}|0[89]00-\d{4}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (lines(range) > 1) problems.push(`"${match[0]}" in <${parent.tagName.toLowerCase()}>`);
      }
    }
    for (const link of document.querySelectorAll<HTMLElement>('a[href^="tel:"]')) {
      if (link.getClientRects().length > 1) problems.push(`phone link "${link.textContent?.trim()}"`);
    }
    for (const piece of document.querySelectorAll<HTMLElement>('.ww-email > span')) {
      if (piece.getClientRects().length > 1) problems.push(`e-mail piece "${piece.textContent}"`);
    }
    return problems;
  });
}
