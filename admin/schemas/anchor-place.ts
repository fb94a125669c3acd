import { z } from 'zod';
import { AddressSchema, CoordinatesSchema, SlugSchema, TimeSchema, WeekdaySchema } from './fields.ts';
import { TeamKindSchema } from './team.ts';
import { text } from './text.ts';

export const ANCHOR_PLACE_STATUSES = ['actief', 'gepland', 'geen-locatie'] as const;

/** A walk-in hour of one team at an ankerplaats. */
export const ConsultationHourSchema = z
  .object({
    team: TeamKindSchema,
    day: WeekdaySchema,
    opens: TimeSchema,
    closes: TimeSchema,
    note: text().max(120).optional(),
  })
  .refine((hour) => hour.opens < hour.closes, {
    message: 'De eindtijd moet na de begintijd liggen.',
    path: ['closes'],
  });
export type ConsultationHour = z.infer<typeof ConsultationHourSchema>;

const AnchorPlaceBase = z.object({
  /** Id of the wijk this ankerplaats serves. */
  neighbourhood: SlugSchema,
  /** B1 note for residents, e.g. what the place is or what is about to change. */
  note: text().max(400).optional(),
});

/**
 * The fixed place in a wijk where the wijkteam can be found at set hours. Only an
 * `actief` place has walk-in hours; a wijk without a location says where to go instead.
 */
export const AnchorPlaceSchema = z.discriminatedUnion('status', [
  AnchorPlaceBase.extend({
    status: z.literal('actief'),
    name: text().min(2),
    address: AddressSchema,
    location: CoordinatesSchema,
    hours: z.array(ConsultationHourSchema).min(1),
  }),
  AnchorPlaceBase.extend({
    status: z.literal('gepland'),
    name: text().min(2),
    address: AddressSchema,
    location: CoordinatesSchema,
    /** When it is expected to open, in words (`voorjaar 2027`). */
    expected: text().min(3),
    /** Where the team can be found until then. */
    alternative: text().min(10).max(400),
  }),
  AnchorPlaceBase.extend({
    status: z.literal('geen-locatie'),
    /** Where the team can be found instead (vindplaatsen, a neighbouring ankerplaats). */
    alternative: text().min(10).max(400),
  }),
]);
export type AnchorPlace = z.infer<typeof AnchorPlaceSchema>;
