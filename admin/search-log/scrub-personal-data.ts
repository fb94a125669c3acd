// Residents sometimes type who they are into a search box. Before a query is logged, anything
// that looks like an e-mail address, a phone number, a postcode with house number or a long
// number (BSN, IBAN) is replaced by a placeholder, so the log holds the question, not the person.
const PATTERNS: [RegExp, string][] = [
  [/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[e-mail]'],
  // IBAN
  [/\b[a-z]{2}\d{2}[a-z]{4}\d{6,10}\b/gi, '[nummer]'],
  // A postcode, with or without house number: "2981 AB 12", "2981ab12a".
  [/\b[1-9]\d{3}\s?[a-z]{2}(\s*\d+[a-z]?)?\b/gi, '[postcode]'],
  // A street with its house number: "Kerkweg 12", "Dijkstraat 3a".
  [
    /\b[a-z]+(straat|weg|laan|plein|kade|dijk|singel|hof|park|erf|pad|dreef|gracht|steeg|markt)\s+\d+[a-z]?\b/gi,
    '[adres]',
  ],
  [/(\+31|\b0)[\d\s-]{8,}\d/g, '[telefoon]'],
  // Nine digits in groups, as a BSN is often written: "123 456 789", "123.456.789".
  [/\b\d{3}[\s.-]\d{3}[\s.-]\d{3}\b/g, '[nummer]'],
  [/\b\d{5,}\b/g, '[nummer]'],
];

export function scrubPersonalData(text: string): string {
  return PATTERNS.reduce((result, [pattern, placeholder]) => result.replace(pattern, placeholder), text);
}

/** Lowercase, single spaces, scrubbed, at most 200 characters: one query, one way of writing it. */
export function normaliseLoggedQuery(text: string): string {
  return scrubPersonalData(text.toLowerCase().replace(/\s+/g, ' ').trim()).slice(0, 200);
}
