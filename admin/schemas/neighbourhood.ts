import { z } from 'zod';
import { AddressSchema, CoordinatesSchema, EmailSchema, PhoneSchema, SlugSchema } from './fields.ts';
import { text } from './text.ts';

/** A vindplaats: where the wijkteam meets residents who are already there (school, GP, centre). */
export const FindPlaceSchema = z.object({
  name: text().min(2),
  /** e.g. `basisschool`, `huisartsenpraktijk`, `wijkcentrum`, `consultatiebureau`. */
  kind: text().min(2),
  address: AddressSchema,
});
export type FindPlace = z.infer<typeof FindPlaceSchema>;

/**
 * A wijk. The id is the file name (`drievliet-het-zand`); the Markdown body is the
 * wijkinformatie in B1 Dutch.
 */
export const NeighbourhoodSchema = z.object({
  name: text().min(2),
  /** Id of the gebied this wijk belongs to. */
  area: SlugSchema,
  /** One B1 sentence for overview lists. */
  summary: text().min(10).max(200),
  center: CoordinatesSchema,
  /** The wijk's leefbaarheidsteam (wijkregie): safety, maintenance, wijkoverleg. */
  liveabilityTeam: z.object({
    name: text().min(3),
    /** The municipality's wijkregisseur, by role rather than personal name. */
    contactRole: text().min(3),
    phone: PhoneSchema,
    email: EmailSchema,
    description: text().min(10).max(400),
  }),
  findPlaces: z.array(FindPlaceSchema).default([]),
});
export type Neighbourhood = z.infer<typeof NeighbourhoodSchema>;
