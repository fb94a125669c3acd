import { listHsdsOrganizations } from '#admin/open-data/hsds-catalog.ts';
import { OrganizationListQuerySchema } from '#admin/open-data/hsds-query.ts';
import { hsdsListRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /organizations`: a page of public organisations (described at /api/openapi.json). */
export const GET = hsdsListRoute(OrganizationListQuerySchema, listHsdsOrganizations);
export const OPTIONS = openDataPreflight;
