import { listHsdsTaxonomies } from '#admin/open-data/hsds-catalog.ts';
import { TaxonomyListQuerySchema } from '#admin/open-data/hsds-query.ts';
import { hsdsListRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /taxonomies`: a page of taxonomies (leefgebieden, doelgroepen, …) (described at /api/openapi.json). */
export const GET = hsdsListRoute(TaxonomyListQuerySchema, listHsdsTaxonomies);
export const OPTIONS = openDataPreflight;
