import { getHsdsOrganization } from '#admin/open-data/hsds-catalog.ts';
import { hsdsItemRoute } from '#site/lib/hsds-routes.ts';
import { openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /organizations/{id}`: one organisatie, fully nested (described at /api/openapi.json). */
export const GET = hsdsItemRoute('organisatie', getHsdsOrganization);
export const OPTIONS = openDataPreflight;
