import { z } from 'zod';
import { AddressSchema, EmailSchema, PhoneSchema, SlugSchema, WebsiteSchema } from './fields.ts';
import { text } from './text.ts';

/** An object of which nothing is filled in is not there. */
const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((field) => field === undefined || field === '')
    ? undefined
    : value;

export const ORGANISATION_KINDS = [
  'gemeente',
  'welzijn',
  'zorg',
  'jeugd',
  'wonen',
  'vrijwilligers',
  'overig',
] as const;

/**
 * An organisation that offers help. Content files seed the database; after that the
 * organisation keeps its own profile current in the admin.
 */
export const OrganisationSchema = z.object({
  slug: SlugSchema,
  name: text({ error: 'Vul de naam in.' })
    .trim()
    .min(2, 'Vul de naam in.')
    .max(120, 'Maak de naam korter dan 120 tekens.'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'Kies het soort organisatie.' }),
  /** What the organisation does, one or two B1 sentences. */
  summary: text({ error: 'Schrijf in een of twee zinnen wat de organisatie doet.' })
    .trim()
    .min(10, 'Schrijf in een of twee zinnen wat de organisatie doet (minstens 10 tekens).')
    .max(300, 'Maak de korte beschrijving korter: hooguit 300 tekens.'),
  /** Longer Markdown description. */
  description: text().trim().max(5000, 'Maak de beschrijving korter: hooguit 5.000 tekens.').default(''),
  phone: PhoneSchema.optional(),
  email: EmailSchema.optional(),
  website: WebsiteSchema.optional(),
  /** Optional as a whole: none of its fields, or all of them. */
  address: z.preprocess(emptyToUndefined, AddressSchema.optional()),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
