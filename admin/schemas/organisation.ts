import { z } from 'zod';
import { AddressSchema, EmailSchema, PhoneSchema, SlugSchema, WebsiteSchema } from './fields.ts';

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
  name: z.string().trim().min(2).max(120),
  kind: z.enum(ORGANISATION_KINDS),
  /** What the organisation does, one or two B1 sentences. */
  summary: z.string().trim().min(10).max(300),
  /** Longer Markdown description. */
  description: z.string().trim().max(5000).default(''),
  phone: PhoneSchema.optional(),
  email: EmailSchema.optional(),
  website: WebsiteSchema.optional(),
  address: AddressSchema.optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
