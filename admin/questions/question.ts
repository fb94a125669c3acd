import { z } from 'zod';
import { EmailSchema, PhoneSchema } from '../schemas/fields.ts';
import { text } from '../schemas/text.ts';

export const QUESTION_MAX_LENGTH = 5000;

/** `nieuw` → `in-behandeling` → `afgerond`; `doorgezet`: arrived from another team, not yet taken. */
export const QUESTION_STATUSES = ['nieuw', 'doorgezet', 'in-behandeling', 'afgerond'] as const;
export const QuestionStatusSchema = z.enum(QUESTION_STATUSES, { error: 'Kies een status.' });
export type QuestionStatus = z.infer<typeof QuestionStatusSchema>;
export const OPEN_STATUSES: readonly QuestionStatus[] = ['nieuw', 'doorgezet', 'in-behandeling'];

// Markup such as `<script>` or `<b>`: a resident writes plain text, and a question full of tags is
// almost always a bot or an attack. A lone `<` ("<3", "a < b") is fine.
const HTML_TAG = /<\s*\/?\s*[a-zA-Z!][^>]*>/;
const plainText = (value: string): boolean => !HTML_TAG.test(value);

/**
 * The public question form, as the form sends it. Wijk and leefgebieden are checked against the
 * municipality's own lists, so the schema is made from them.
 */
export function questionInputSchema(vocabulary: {
  neighbourhoods: readonly string[];
  lifeDomains: readonly string[];
}) {
  return z
    .object({
      question: text({ error: 'Schrijf je vraag op.' })
        .trim()
        .min(1, 'Schrijf je vraag op.')
        .max(
          QUESTION_MAX_LENGTH,
          `Je vraag is te lang. Gebruik hooguit ${QUESTION_MAX_LENGTH.toLocaleString('nl-NL')} tekens.`,
        )
        .refine(
          plainText,
          'Gebruik geen HTML-code zoals <script> of <b>. Schrijf je vraag als gewone tekst.',
        ),
      neighbourhood: text()
        .optional()
        .refine(
          (value) => value === undefined || vocabulary.neighbourhoods.includes(value),
          'Kies een wijk uit de lijst, of "Weet ik niet".',
        ),
      aboutYouth: z.enum(['ja', 'nee'], { error: 'Geef aan of je vraag over een kind of jongere gaat.' }),
      lifeDomains: z
        .array(text())
        .default([])
        .refine(
          (values) => values.every((value) => vocabulary.lifeDomains.includes(value)),
          'Kies onderwerpen uit de lijst.',
        ),
      phone: PhoneSchema.optional(),
      email: EmailSchema.max(254, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.').optional(),
      name: text()
        .trim()
        .max(100, 'Gebruik voor je naam hooguit 100 tekens.')
        .refine(plainText, 'Gebruik geen HTML-code in je naam.')
        .optional(),
      /** Signed when the form was shown: proves a person took some time, and makes a second submit harmless. */
      formToken: text({ error: 'Het formulier is niet compleet. Laad de pagina opnieuw.' }).max(200),
      /** Honeypot: hidden from people, filled in by bots. */
      website: text().optional(),
    })
    .refine((input) => Boolean(input.phone ?? input.email), {
      path: ['phone'],
      message:
        'Vul je telefoonnummer of e-mailadres in (één is genoeg), zodat het team contact met je kan opnemen.',
      // Checked with the other fields, so every mistake is reported in one round.
      when: () => true,
    });
}
export type QuestionInput = z.output<ReturnType<typeof questionInputSchema>>;
