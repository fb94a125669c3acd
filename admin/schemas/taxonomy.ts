import { z } from 'zod';
import { SlugSchema } from './fields.ts';
import { text } from './text.ts';

/** A leefgebied: an area of life as discussed in a keukentafelgesprek. */
export const LifeDomainSchema = z.object({
  id: SlugSchema,
  name: text().min(3),
  /** B1 sentence with everyday examples, shown under the heading. */
  description: text().min(10).max(200),
});
export type LifeDomain = z.infer<typeof LifeDomainSchema>;

/** A doelgroep: who an offer is for. */
export const AudienceSchema = z.object({
  id: SlugSchema,
  name: text().min(3),
});
export type Audience = z.infer<typeof AudienceSchema>;

/**
 * The shared vocabulary of the sociale kaart. Synonym groups are words residents use
 * interchangeably (`schulden`, `geldzorgen`, `rood staan`); search treats each group as one.
 */
export const TaxonomySchema = z
  .object({
    lifeDomains: z.array(LifeDomainSchema).min(1),
    audiences: z.array(AudienceSchema).min(1),
    synonyms: z.array(z.array(text().trim().toLowerCase().min(2)).min(2)),
  })
  .superRefine((taxonomy, ctx) => {
    for (const key of ['lifeDomains', 'audiences'] as const) {
      const seen = new Set<string>();
      taxonomy[key].forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: 'custom', message: `Dubbele id "${item.id}".`, path: [key, index, 'id'] });
        }
        seen.add(item.id);
      });
    }
  });
export type Taxonomy = z.infer<typeof TaxonomySchema>;
