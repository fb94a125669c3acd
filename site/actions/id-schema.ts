import { z } from 'zod';

/** The id of a row in a hidden form field. */
export const IdSchema = z.coerce.number().int().positive();
