import { getHsdsServiceAtLocation } from '#admin/open-data/hsds-catalog.ts';
import { hsdsItemRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /service_at_locations/{id}`: one dienst op een locatie, fully nested (described at /api/openapi.json). */
export const GET = hsdsItemRoute('dienst op een locatie', getHsdsServiceAtLocation);
export const OPTIONS = openDataPreflight;
