import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken } from '#admin/questions/form-token.ts';
import { questionInputSchema } from '#admin/questions/question.ts';
import { addWorkingDays } from '#admin/questions/working-days.ts';

const schema = questionInputSchema({ neighbourhoods: ['bolnes', 'oost'], lifeDomains: ['geld', 'wonen'] });
const valid = {
  question: 'Ik heb schulden en weet niet waar ik moet beginnen.',
  aboutYouth: 'nee',
  phone: '06 12345678',
  formToken: 'x',
};
const messages = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('the question form schema', () => {
  it('accepts a question with one way to reach the resident', () => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(
      schema.safeParse({
        ...valid,
        phone: undefined,
        email: 'iemand@example.nl',
        neighbourhood: 'oost',
        lifeDomains: ['geld'],
      }).success,
    ).toBe(true);
  });

  it('explains in Dutch what is wrong, next to the field it is about', () => {
    expect(messages({ ...valid, question: '   ' })).toEqual({ question: 'Schrijf je vraag op.' });
    expect(messages({ ...valid, question: 'a'.repeat(5001) })).toEqual({
      question: 'Je vraag is te lang. Gebruik hooguit 5.000 tekens.',
    });
    expect(messages({ ...valid, question: 'Help <script>alert(1)</script>' }).question).toContain(
      'Gebruik geen HTML-code',
    );
    expect(messages({ ...valid, phone: undefined })).toEqual({
      phone:
        'Vul je telefoonnummer of e-mailadres in (één is genoeg), zodat het team contact met je kan opnemen.',
    });
    expect(messages({ ...valid, phone: 'bel me' }).phone).toBe(
      'Vul een geldig telefoonnummer in, zoals 0180-451234.',
    );
    expect(messages({ ...valid, email: 'geen-adres' }).email).toBe(
      'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    );
    expect(messages({ ...valid, neighbourhood: 'atlantis' })).toEqual({
      neighbourhood: 'Kies een wijk uit de lijst, of "Weet ik niet".',
    });
    expect(messages({ ...valid, lifeDomains: ['toverkunst'] })).toEqual({
      lifeDomains: 'Kies onderwerpen uit de lijst.',
    });
    expect(messages({ ...valid, aboutYouth: undefined })).toEqual({
      aboutYouth: 'Geef aan of je vraag over een kind of jongere gaat.',
    });
  });

  it('reports every mistake in one round, the missing contact too', () => {
    expect(messages({ formToken: 'x' })).toEqual({
      question: 'Schrijf je vraag op.',
      aboutYouth: 'Geef aan of je vraag over een kind of jongere gaat.',
      phone:
        'Vul je telefoonnummer of e-mailadres in (één is genoeg), zodat het team contact met je kan opnemen.',
    });
  });

  it('lets a lone < through: "<3" is not markup', () => {
    expect(schema.safeParse({ ...valid, question: 'Bedankt <3, en 3 < 5' }).success).toBe(true);
  });
});

describe('the form token', () => {
  const secret = 'geheim';
  const shown = new Date('2026-11-23T10:00:00Z');
  const after = (ms: number) => ({
    minFillMs: 3000,
    maxAgeMs: 24 * 3600_000,
    now: new Date(shown.getTime() + ms),
  });

  it('is accepted after the minimum fill time, with the same key every time', () => {
    const token = issueFormToken(secret, shown);
    const first = checkFormToken(secret, token, after(5000));
    expect(first.status).toBe('ok');
    expect(checkFormToken(secret, token, after(9000))).toEqual(first);
  });

  it('refuses a form sent too fast, too late, tampered with or signed by someone else', () => {
    const token = issueFormToken(secret, shown);
    expect(checkFormToken(secret, token, after(1000)).status).toBe('too-fast');
    expect(checkFormToken(secret, token, after(25 * 3600_000)).status).toBe('expired');
    const [issued, key, signature] = token.split('.');
    expect(checkFormToken(secret, `${Number(issued) - 60_000}.${key}.${signature}`, after(5000)).status).toBe(
      'invalid',
    );
    expect(checkFormToken('ander geheim', token, after(5000)).status).toBe('invalid');
    expect(checkFormToken(secret, 'rommel', after(5000)).status).toBe('invalid');
  });
});

describe('working days', () => {
  it('skip the weekend', () => {
    // Friday 10:00 + 1 working day = Monday; + 3 = Wednesday.
    const friday = new Date('2026-11-20T09:00:00Z');
    expect(addWorkingDays(friday, 1).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(addWorkingDays(friday, 3).toISOString()).toBe('2026-11-25T09:00:00.000Z');
    expect(addWorkingDays(new Date('2026-11-23T09:00:00Z'), 2).toISOString()).toBe(
      '2026-11-25T09:00:00.000Z',
    );
  });
});
