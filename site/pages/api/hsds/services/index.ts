import { listHsdsServices } from '#admin/open-data/hsds-catalog.ts';
import { ServiceListQuerySchema } from '#admin/open-data/hsds-query.ts';
import { hsdsListRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /services`: a page of published services with their one-to-one fields (described at /api/openapi.json). */
export const GET = hsdsListRoute(ServiceListQuerySchema, listHsdsServices);
export const OPTIONS = openDataPreflight;
