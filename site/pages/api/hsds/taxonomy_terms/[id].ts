import { getHsdsTaxonomyTerm } from '#admin/open-data/hsds-catalog.ts';
import { hsdsItemRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /taxonomy_terms/{id}`: one term, fully nested (described at /api/openapi.json). */
export const GET = hsdsItemRoute('term', getHsdsTaxonomyTerm);
export const OPTIONS = openDataPreflight;
