import { z } from 'zod';
import { TeamSchema } from './team.ts';
import { text } from './text.ts';

/**
 * A gebied: the wijken served by one sociaal team and one jeugd- en gezinsteam.
 * Its id is the file name; which wijken belong to it is said by each wijk.
 */
export const AreaSchema = z.object({
  name: text().min(3),
  /** Display order on overview pages. */
  order: z.number().int().min(0),
  teams: z.object({
    sociaal: TeamSchema,
    jgt: TeamSchema,
  }),
});
export type Area = z.infer<typeof AreaSchema>;
