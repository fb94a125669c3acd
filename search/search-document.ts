import { z } from 'zod';
import { CoordinatesSchema } from '#admin/schemas/fields.ts';
import { AccessSchema, CostSchema, ListingKindSchema } from '#admin/schemas/listing.ts';

export const SEARCH_DOCUMENT_TYPES = ['listing', 'neighbourhood', 'anchorPlace'] as const;
export const SearchDocumentTypeSchema = z.enum(SEARCH_DOCUMENT_TYPES);
export type SearchDocumentType = z.infer<typeof SearchDocumentTypeSchema>;

/**
 * One thing a resident can find: a listing, a wijk's information page or an ankerplaats.
 * Built only from public fields; personal data (questions, referrals, volunteers) never
 * reaches this schema, so it can never reach the index.
 */
export const SearchDocumentSchema = z.object({
  /** Stable and unique across types: `listing-12`, `neighbourhood-bolnes`, `anchorPlace-bolnes`. */
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  type: SearchDocumentTypeSchema,
  /** Path of the page the result links to. */
  url: z.string().startsWith('/'),
  title: z.string(),
  summary: z.string(),
  /** Plain text (no Markdown) of the longer description; weighted below title and summary. */
  body: z.string(),
  /** Extra words that should find this document: organisation name, leefgebied and doelgroep names. */
  keywords: z.array(z.string()),
  /** Listings only. */
  kind: ListingKindSchema.optional(),
  cost: CostSchema.optional(),
  access: AccessSchema.optional(),
  organisation: z.string().optional(),
  /** Wijk ids; a citywide listing carries all wijken so a wijk filter finds it. */
  neighbourhoods: z.array(z.string()),
  citywide: z.boolean(),
  lifeDomains: z.array(z.string()),
  audiences: z.array(z.string()),
  /** Where it is; absent for help without a fixed place. Used for distance sort and radius. */
  location: CoordinatesSchema.optional(),
  /** Activities: the days they happen from the day the document was built, for "deze week" / "deze maand". */
  dates: z.array(z.iso.date()).optional(),
  /** Activities: the next time it happens, local Dutch time `YYYY-MM-DDTHH:MM`. */
  nextOccurrence: z.string().optional(),
  /**
   * The listing version this document was built from; for activities combined with the day it was
   * built (their dates move with the calendar), for content documents a hash of their text.
   */
  version: z.number().int().positive(),
});
export type SearchDocument = z.infer<typeof SearchDocumentSchema>;
