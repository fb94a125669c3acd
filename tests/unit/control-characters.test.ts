import { describe, expect, it } from 'vitest';
import { NoteInputSchema } from '#admin/questions/inbox.ts';
import { questionInputSchema } from '#admin/questions/question.ts';
import { ListingFieldsSchema } from '#admin/schemas/listing.ts';
import { OrganisationSchema } from '#admin/schemas/organisation.ts';
import { text } from '#admin/schemas/text.ts';

const REFUSED = 'Er staat een onzichtbaar teken in deze tekst';

describe('text fields refuse control characters', () => {
  it('refuses NUL, escape and other control characters with a Dutch message', () => {
    for (const value of ['UNIQ4 \u0000 rest', 'piep\u0007', 'kleur\u001b[31m', 'regel\u2028scheiding']) {
      const result = text().safeParse(value);
      expect(result.success, JSON.stringify(value)).toBe(false);
      expect(result.error?.issues[0]?.message).toContain(REFUSED);
    }
  });

  it('keeps tabs and line breaks, with a browser\u2019s CRLF stored as LF', () => {
    expect(text().parse('een\tkolom\r\ntweede regel\rderde')).toBe('een\tkolom\ntweede regel\nderde');
  });

  it('applies to every text field: a listing, an organisation, a question and a note', () => {
    const listing = ListingFieldsSchema.shape.title.safeParse('Taalcafé\u0000');
    const organisation = OrganisationSchema.shape.summary.safeParse('Wij helpen \u0000 iedereen in de wijk.');
    const question = questionInputSchema({ neighbourhoods: ['oost'], lifeDomains: [] }).safeParse({
      question: 'Ik zoek hulp\u0000 bij mijn administratie.',
      aboutYouth: 'nee',
      phone: '0180-123456',
      formToken: 'x',
    });
    const note = NoteInputSchema.safeParse({ note: 'terugbellen\u0008' });
    for (const result of [listing, organisation, question, note]) {
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message).join(' ')).toContain(REFUSED);
    }
  });
});
