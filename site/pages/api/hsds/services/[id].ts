import { getHsdsService } from '#admin/open-data/hsds-catalog.ts';
import { hsdsItemRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /services/{id}`: one dienst, fully nested (described at /api/openapi.json). */
export const GET = hsdsItemRoute('dienst', getHsdsService);
export const OPTIONS = openDataPreflight;
