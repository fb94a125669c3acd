import { z } from 'zod';
import { PhoneSchema, SlugSchema } from './fields.ts';
import { text } from './text.ts';

/** One kind of danger a search can reveal, with the words that reveal it and the number to call. */
export const CrisisSituationSchema = z.object({
  /** Stable name, e.g. `zelfdoding`; `/api/zoeken` reports it. */
  id: SlugSchema,
  /** The question the help block opens with, in B1 Dutch: "Denk je aan zelfmoord?". */
  heading: text().trim().min(5).max(80),
  /** One to three short B1 sentences under it: what to do now. */
  message: text().trim().min(10).max(300),
  /** The urgent-help number (as in `gemeente.yaml`) to show first for this situation. */
  call: PhoneSchema,
  /**
   * What residents type in this situation: single words or short sentences. The search
   * forgives typos in longer words and allows a few words in between.
   */
  phrases: z.array(text().trim().min(2).max(80)).min(1),
});
export type CrisisSituation = z.infer<typeof CrisisSituationSchema>;

/**
 * `content/crisis.yaml`: searches that sound like someone is in danger (suicide, violence at
 * home, acute danger) show the crisis numbers first. In content, so the municipality can add
 * the words its residents use.
 */
export const CrisisSchema = z
  .object({
    /** The urgent-help numbers the block always lists, in this order. */
    numbers: z.array(PhoneSchema).min(1),
    situations: z.array(CrisisSituationSchema).min(1),
  })
  .superRefine((crisis, ctx) => {
    const ids = new Set<string>();
    crisis.situations.forEach((situation, index) => {
      if (ids.has(situation.id))
        ctx.addIssue({
          code: 'custom',
          message: `Dubbele id "${situation.id}".`,
          path: ['situations', index, 'id'],
        });
      ids.add(situation.id);
      if (!crisis.numbers.includes(situation.call))
        ctx.addIssue({
          code: 'custom',
          message: `Het nummer ${situation.call} staat niet bij numbers.`,
          path: ['situations', index, 'call'],
        });
    });
  });
export type Crisis = z.infer<typeof CrisisSchema>;
