import { listHsdsTaxonomyTerms } from '#admin/open-data/hsds-catalog.ts';
import { TaxonomyTermListQuerySchema } from '#admin/open-data/hsds-query.ts';
import { hsdsListRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /taxonomy_terms`: a page of taxonomy terms (described at /api/openapi.json). */
export const GET = hsdsListRoute(TaxonomyTermListQuerySchema, listHsdsTaxonomyTerms);
export const OPTIONS = openDataPreflight;
