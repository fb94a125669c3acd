import { z } from 'zod';
import { EmailSchema, PhoneSchema } from '../schemas/fields.ts';
import { text } from '../schemas/text.ts';

/**
 * A referral (verwijzing): a teamlid refers a resident, with their consent, to one or more
 * listings. Each listing's organisation reports how it went: `ontvangen` → `contact-gelegd` →
 * `gestart`, or `niet-gestart` with a reason.
 */
export const ITEM_STATUSES = ['ontvangen', 'contact-gelegd', 'gestart', 'niet-gestart'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** The statuses an organisation sets; `ontvangen` is where every referral starts. */
export const SETTABLE_ITEM_STATUSES = ['contact-gelegd', 'gestart', 'niet-gestart'] as const;
export const FINAL_ITEM_STATUSES: readonly ItemStatus[] = ['gestart', 'niet-gestart'];

/** Why help did not start: the reasons referral research says referrals fail on. */
export const NOT_STARTED_REASONS = [
  'geen-plek',
  'voldoet-niet',
  'niet-bereikt',
  'wil-niet',
  'anders',
] as const;
export type NotStartedReason = (typeof NOT_STARTED_REASONS)[number];

/** `spoed`: the organisation is reminded after one working day instead of the configured number. */
export const URGENCIES = ['normaal', 'spoed'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Who makes the first contact: the organisation calls the resident, or the resident calls them. */
export const CONTACT_BY = ['organisatie', 'inwoner'] as const;
export type ContactBy = (typeof CONTACT_BY)[number];

/** "Heeft het geholpen?", four weeks later. */
export const FOLLOW_UP_ANSWERS = ['ja', 'deels', 'nee', 'onbekend'] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];

/** Most listings a referral may name: more is a search, not a referral. */
export const MAX_LISTINGS = 5;

const IdSchema = z.number({ error: 'Kies aanbod uit de lijst.' }).int().positive();

/**
 * The teamlid's form. Wijk and leefgebieden come from the municipality's lists, so the schema is
 * made from them. Everything the resident says lives in the database only.
 */
export function referralInputSchema(vocabulary: {
  neighbourhoods: readonly string[];
  lifeDomains: readonly string[];
}) {
  return z
    .object({
      /** The question in the inbox this referral answers, if any. */
      questionId: z.number().int().positive().optional(),
      /** Which of the teamlid's teams refers; from the question when there is one. */
      teamId: text().max(80).optional(),
      listingIds: z
        .array(IdSchema)
        .min(1, 'Kies minstens één aanbod. Zoek het aanbod op en klik op "Toevoegen aan verwijzing".')
        .max(MAX_LISTINGS, `Verwijs naar hooguit ${MAX_LISTINGS} aanbieders tegelijk.`)
        .refine((ids) => new Set(ids).size === ids.length, 'Elk aanbod mag maar één keer in de verwijzing.'),
      residentName: text({ error: 'Vul de naam van de inwoner in.' })
        .trim()
        .min(1, 'Vul de naam van de inwoner in.')
        .max(100, 'Gebruik voor de naam hooguit 100 tekens.'),
      residentPhone: PhoneSchema.optional(),
      residentEmail: EmailSchema.max(
        254,
        'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      ).optional(),
      neighbourhood: text()
        .optional()
        .refine(
          (value) => value === undefined || vocabulary.neighbourhoods.includes(value),
          'Kies een wijk uit de lijst, of "Onbekend".',
        ),
      lifeDomains: z
        .array(text())
        .min(1, 'Kies minstens één onderwerp.')
        .refine(
          (values) => values.every((value) => vocabulary.lifeDomains.includes(value)),
          'Kies onderwerpen uit de lijst.',
        ),
      note: text({ error: 'Schrijf op wat de inwoner al heeft verteld.' })
        .trim()
        .min(
          10,
          'Schrijf op wat de inwoner al heeft verteld (minstens 10 tekens), zodat die het niet opnieuw hoeft te vertellen.',
        )
        .max(3000, 'Maak de toelichting korter: hooguit 3.000 tekens.'),
      consent: z
        .boolean({
          error: 'Vraag de inwoner eerst of je dit met de organisatie mag delen, en vink het dan aan.',
        })
        .refine(
          (given) => given,
          'Vraag de inwoner eerst of je dit met de organisatie mag delen, en vink het dan aan.',
        ),
      urgency: z.enum(URGENCIES, { error: 'Kies hoe snel het moet.' }),
      contactBy: z.enum(CONTACT_BY, { error: 'Kies wie contact opneemt.' }),
    })
    .refine((input) => Boolean(input.residentPhone ?? input.residentEmail), {
      path: ['residentPhone'],
      message:
        'Vul een telefoonnummer of een e-mailadres van de inwoner in, zodat de organisatie contact kan opnemen.',
    });
}
export type ReferralInput = z.output<ReturnType<typeof referralInputSchema>>;

/** An organisation's report on one listing of a referral. */
export const ItemStatusInputSchema = z
  .object({
    status: z.enum(SETTABLE_ITEM_STATUSES, { error: 'Kies hoe het gaat.' }),
    reason: z.enum(NOT_STARTED_REASONS, { error: 'Kies een reden uit de lijst.' }).optional(),
    reasonNote: text().trim().max(500, 'Maak de toelichting korter: hooguit 500 tekens.').optional(),
  })
  .superRefine((input, context) => {
    if (input.status === 'niet-gestart' && !input.reason)
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Kies waarom de hulp niet is gestart.' });
    if (input.status === 'niet-gestart' && input.reason === 'anders' && !input.reasonNote)
      context.addIssue({
        code: 'custom',
        path: ['reasonNote'],
        message: 'Schrijf in een paar woorden waarom de hulp niet is gestart.',
      });
  })
  // A reason belongs to "niet gestart" only; with another status it is left out.
  .transform((input) =>
    input.status === 'niet-gestart'
      ? input
      : { status: input.status, reason: undefined, reasonNote: undefined },
  );
export type ItemStatusInput = z.output<typeof ItemStatusInputSchema>;

export const FollowUpInputSchema = z.object({
  answer: z.enum(FOLLOW_UP_ANSWERS, { error: 'Kies of het heeft geholpen.' }),
  followUpNote: text().trim().max(2000, 'Maak de toelichting korter: hooguit 2.000 tekens.').optional(),
});
export type FollowUpInput = z.infer<typeof FollowUpInputSchema>;

export const HandoverMailInputSchema = z.object({
  email: EmailSchema.max(254, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'),
});

export const referenceFor = (id: number, createdAt: string): string =>
  `VW-${createdAt.slice(0, 4)}-${String(id).padStart(6, '0')}`;
