import { getHsdsTaxonomy } from '#admin/open-data/hsds-catalog.ts';
import { hsdsItemRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /taxonomies/{id}`: one taxonomie, fully nested (described at /api/openapi.json). */
export const GET = hsdsItemRoute('taxonomie', getHsdsTaxonomy);
export const OPTIONS = openDataPreflight;
