import { listHsdsServiceAtLocations } from '#admin/open-data/hsds-catalog.ts';
import { ServiceListQuerySchema } from '#admin/open-data/hsds-query.ts';
import { hsdsListRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /service_at_locations`: a page of services at their locations (described at /api/openapi.json). */
export const GET = hsdsListRoute(ServiceListQuerySchema, listHsdsServiceAtLocations);
export const OPTIONS = openDataPreflight;
