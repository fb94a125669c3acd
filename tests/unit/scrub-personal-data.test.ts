import { describe, expect, it } from 'vitest';
import { normaliseLoggedQuery } from '#admin/search-log/scrub-personal-data.ts';

describe('normaliseLoggedQuery', () => {
  it('keeps the question and lowercases it', () => {
    expect(normaliseLoggedQuery('  Hulp bij   SCHULDEN ')).toBe('hulp bij schulden');
  });

  it.each([
    ['mail mij op jan.jansen@voorbeeld.nl', 'mail mij op [e-mail]'],
    ['bel 06-12345678 schulden', 'bel [telefoon] schulden'],
    ['0180 451234', '[telefoon]'],
    ['ik woon op 2981 AB 12', 'ik woon op [postcode]'],
    ['bsn 123456782', 'bsn [nummer]'],
    ['iban NL91ABNA0417164300', 'iban [nummer]'],
    ['wonen 2981AB12', 'wonen [postcode]'],
    ['schulden 2981ab 12a', 'schulden [postcode]'],
    ['bsn 123 456 789', 'bsn [nummer]'],
    ['mijn bsn is 123.456.789', 'mijn bsn is [nummer]'],
    ['piet jansen kerkweg 12', 'piet jansen [adres]'],
  ])('scrubs personal data from %j', (input, expected) => {
    expect(normaliseLoggedQuery(input)).toBe(expected);
  });

  it('does not scrub ordinary numbers in a question', () => {
    expect(normaliseLoggedQuery('hulp voor 65 plussers')).toBe('hulp voor 65 plussers');
  });
});
