// Residents sometimes type who they are into a search box. Before a query is logged, anything
// that looks like an e-mail address, a phone number, a postcode with house number or a long
// number (BSN, IBAN) is replaced by a placeholder, so the log holds the question, not the person.
const PATTERNS: [RegExp, string][] = [
  [/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[e-mail]'],
  [/\b[a-z]{2}\d{2}[a-z]{4}\d{6,10}\b/gi, '[nummer]'],
  [/\b[1-9]\d{3}\s?[a-z]{2}(\s+\d+\w?)?\b/gi, '[postcode]'],
  [/(\+31|\b0)[\d\s-]{8,}\d/g, '[telefoon]'],
  [/\b\d{5,}\b/g, '[nummer]'],
];

export function scrubPersonalData(text: string): string {
  return PATTERNS.reduce((result, [pattern, placeholder]) => result.replace(pattern, placeholder), text);
}

/** Lowercase, single spaces, scrubbed, at most 200 characters: one query, one way of writing it. */
export function normaliseLoggedQuery(text: string): string {
  return scrubPersonalData(text.toLowerCase().replace(/\s+/g, ' ').trim()).slice(0, 200);
}
