import { z } from 'zod';
import { EmailSchema, PhoneSchema, SlugSchema } from './fields.ts';
import { text } from './text.ts';

/** Something a volunteer can offer: `maatje`, `klussen`, `boodschappen`, … */
export const VolunteerKindSchema = z.object({
  id: SlugSchema,
  /** As a volunteer chooses it: `Maatje zijn`, `Klussen in en om het huis`. */
  name: text().min(3).max(60),
  /** One B1 sentence: what doing this means. */
  description: text().min(10).max(200),
  /** As a resident finds it in a public offer: `een maatje`, `hulp bij klussen`. */
  offer: text().min(3).max(60),
  /** Leefgebieden an offer of this kind belongs to, so it shows up where residents look. */
  lifeDomains: z.array(SlugSchema).min(1),
  audiences: z.array(SlugSchema).default([]),
});
export type VolunteerKind = z.infer<typeof VolunteerKindSchema>;

/**
 * Volunteering in this municipality (content/vrijwilligers.yaml): what volunteers can offer, the
 * volunteer desk (vrijwilligerscentrale) when there is one, and under which organisation public
 * volunteer offers and residents' activities are listed.
 */
export const VolunteeringSchema = z
  .object({
    /**
     * The volunteer desk. Its editors moderate sign-ups and activities together with the wijkteams,
     * and requests for a volunteer's help go to it. Leave out when there is none: the wijkteams do it.
     */
    desk: z
      .object({
        /** Slug of the organisation (content/organisaties) that runs the desk. */
        organisation: SlugSchema,
        name: text().min(3),
        /** Shared mailbox told "nieuwe aanmelding in je werkbak" (never the details). */
        email: EmailSchema,
        phone: PhoneSchema,
      })
      .optional(),
    /** Organisation under which public offers and residents' activities appear; defaults to the desk's. */
    publisher: SlugSchema.optional(),
    kinds: z.array(VolunteerKindSchema).min(1),
  })
  .refine((volunteering) => volunteering.publisher ?? volunteering.desk, {
    message: 'Noem een vrijwilligerscentrale (desk) of een organisatie als publisher.',
    path: ['publisher'],
  });
export type Volunteering = z.infer<typeof VolunteeringSchema>;

/** The organisation public offers and residents' activities are listed under. */
export const publisherOf = (volunteering: Volunteering): string =>
  volunteering.publisher ?? volunteering.desk?.organisation ?? '';
