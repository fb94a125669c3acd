import { z } from 'zod';
import { CoordinatesSchema } from '#admin/schemas/fields.ts';
import { AccessSchema, CostSchema, ListingKindSchema } from '#admin/schemas/listing.ts';
import { SearchDocumentTypeSchema, type SearchDocument } from './search-document.ts';

export const FACETS = ['neighbourhoods', 'lifeDomains', 'audiences', 'kind', 'cost', 'access'] as const;
export type Facet = (typeof FACETS)[number];

export const SORTS = ['relevance', 'distance', 'title'] as const;

/**
 * A search as the engines receive it. Values within one filter are OR-ed, filters are AND-ed
 * (wijk = Bolnes OR Oost, AND leefgebied = geld), the way a resident expects facets to work.
 */
export const SearchQuerySchema = z.object({
  text: z.string().trim().max(200).default(''),
  filters: z
    .object({
      type: z.array(SearchDocumentTypeSchema).default([]),
      neighbourhoods: z.array(z.string()).default([]),
      lifeDomains: z.array(z.string()).default([]),
      audiences: z.array(z.string()).default([]),
      kind: z.array(ListingKindSchema).default([]),
      cost: z.array(CostSchema).default([]),
      access: z.array(AccessSchema).default([]),
      /** Activities on any of these days (`YYYY-MM-DD`): "deze week", "deze maand". */
      dates: z.array(z.iso.date()).default([]),
    })
    .default({
      type: [],
      neighbourhoods: [],
      lifeDomains: [],
      audiences: [],
      kind: [],
      cost: [],
      access: [],
      dates: [],
    }),
  /** Reference point for distance: a wijk centre or a shared location. */
  near: CoordinatesSchema.optional(),
  /** Only documents within this many kilometres of `near`. */
  radiusKm: z.number().positive().max(50).optional(),
  sort: z.enum(SORTS).default('relevance'),
  page: z.number().int().min(1).max(1000).default(1),
  /** Up to 250 for /kaart, which shows every place on one map. */
  perPage: z.number().int().min(1).max(250).default(20),
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;
export type SearchQueryInput = z.input<typeof SearchQuerySchema>;

export interface SearchHit {
  id: string;
  /** Kilometres from `near`, when given and the document has a location. */
  distanceKm?: number;
}

export interface SearchResult {
  /** Matching document ids for this page, best first, with the stored documents. */
  hits: (SearchHit & { document: SearchDocument })[];
  total: number;
  /** Per facet, value → count over all matches (ignoring that facet's own filter, so choices stay visible). */
  facets: Record<Facet, Record<string, number>>;
  /** A corrected query when the text had no or few matches and a likely spelling exists. */
  suggestion?: string;
  /** Engine time in milliseconds, for the search log and benchmarks. */
  tookMs: number;
}
