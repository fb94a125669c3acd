// Progressive enhancement of /zoeken: the form works without JavaScript (a GET submit); with it,
// results follow the typing, the URL stays shareable and the count is announced by the
// existing live region. The server renders the HTML either way, so there is one renderer.

import { enhanceLocationButtons } from './share-location.ts';

const DEBOUNCE_MS = 300;

function formUrl(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value !== '') params.append(name, value);
  }
  const query = params.toString();
  return query ? `${form.action}?${query}` : form.action;
}

function swap(current: Document, next: Document, id: string): void {
  const target = current.getElementById(id);
  const source = next.getElementById(id);
  if (target && source) target.replaceWith(source);
}

/** Fills a live region in place, so a screen reader announces what changed in it. */
function refill(current: Document, next: Document, id: string): void {
  const target = current.getElementById(id);
  const source = next.getElementById(id);
  if (!target || !source || target.innerHTML === source.innerHTML) return;
  target.replaceChildren(...Array.from(source.childNodes, (node) => current.importNode(node, true)));
}

export function enhanceSearchForm(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-live-search]');
  if (!form) return;
  let timer: number | undefined;
  let controller: AbortController | undefined;

  async function update(): Promise<void> {
    if (!form) return;
    const url = formUrl(form);
    controller?.abort();
    controller = new AbortController();
    let html: string;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
      html = await response.text();
    } catch {
      return; // aborted by newer typing, or offline: the submit button still works
    }
    const next = new DOMParser().parseFromString(html, 'text/html');
    // Keep the element with focus (a checkbox) by id, so keyboard users do not lose their place.
    const focusedId = document.activeElement?.id;
    // The crisis numbers first, before anything else on the page changes.
    refill(document, next, 'crisis');
    swap(document, next, 'resultaten');
    // The filters stay open (or closed) as the resident left them.
    const wasOpen = document.querySelector<HTMLDetailsElement>('details#filters')?.open;
    swap(document, next, 'filters');
    const filters = document.querySelector<HTMLDetailsElement>('details#filters');
    if (filters && wasOpen !== undefined) filters.open = wasOpen;
    const status = document.getElementById('zoekstatus');
    const nextStatus = next.getElementById('zoekstatus');
    if (status && nextStatus && status.textContent !== nextStatus.textContent)
      status.textContent = nextStatus.textContent;
    if (focusedId && focusedId !== 'zoekterm') document.getElementById(focusedId)?.focus();
    history.replaceState(null, '', url);
    enhanceLocationButtons();
  }

  const schedule = (delay: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update(), delay);
  };
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).id === 'zoekterm') schedule(DEBOUNCE_MS);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).id !== 'zoekterm') schedule(0);
  });
  enhanceLocationButtons();
}
