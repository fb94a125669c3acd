import { z } from 'zod';
import { text } from './text.ts';

/** An information page such as `/privacy`; the id is the file name and the URL. */
export const InfoPageSchema = z.object({
  title: text().min(2).max(80),
  /** Meta description and intro, one B1 sentence. */
  description: text().min(10).max(200),
  /** Position in the footer; pages without it are not listed there. */
  footerOrder: z.number().int().min(0).optional(),
});
export type InfoPage = z.infer<typeof InfoPageSchema>;
