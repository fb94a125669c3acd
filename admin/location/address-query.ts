import { z } from 'zod';
import { PostcodeSchema } from '../schemas/fields.ts';

/**
 * "Wat is mijn wijk?": postcode and house number, as residents type them (`2981ab`, ` 2981 AB `,
 * `12`, `12a`). Only the number counts for the lookup; a letter or addition is allowed and ignored.
 */
export const AddressQuerySchema = z.object({
  postcode: z
    .string({ error: 'Vul je postcode in.' })
    .trim()
    .min(1, 'Vul je postcode in.')
    .pipe(PostcodeSchema),
  houseNumber: z
    .string({ error: 'Vul je huisnummer in.' })
    .trim()
    .min(1, 'Vul je huisnummer in.')
    .regex(/^[1-9][0-9]{0,4}(\s*[-\s]?\s*[A-Za-z0-9]{1,4})?$/, 'Vul een huisnummer in zoals 12 of 12a.')
    .transform((value) => Number.parseInt(value, 10)),
});
export type AddressQuery = z.output<typeof AddressQuerySchema>;
