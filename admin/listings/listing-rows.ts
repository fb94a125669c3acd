import type { NewListingRow, ListingRow } from '../db/tables.ts';
import { ListingSchema, type Listing, type ListingData } from '../schemas/listing.ts';

/** The taxonomy links of a listing, kept in join tables so wijk and leefgebied queries use indexes. */
export interface ListingLinks {
  neighbourhoods: string[];
  lifeDomains: string[];
  audiences: string[];
}

/** JSON columns are parsed here and validated once, as part of the whole listing. */
const storedJson = (text: string): unknown => JSON.parse(text);

/** Row + links → a validated Listing; a row that no longer fits the schema fails loudly. */
export function listingFromRow(row: ListingRow, links: ListingLinks): Listing {
  return ListingSchema.parse({
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    status: row.status,
    title: row.title,
    summary: row.summary,
    description: row.description,
    organisation: row.organisation_slug,
    citywide: row.citywide === 1,
    neighbourhoods: links.neighbourhoods,
    lifeDomains: links.lifeDomains,
    audiences: links.audiences,
    cost: row.cost,
    costNote: row.cost_note ?? undefined,
    access: row.access,
    contact: storedJson(row.contact_json),
    locations: storedJson(row.locations_json),
    schedule: storedJson(row.schedule_json),
    languages: storedJson(row.languages_json),
    accessibility: storedJson(row.accessibility_json),
    whatToBring: row.what_to_bring ?? undefined,
    room: {
      status: row.room_status ?? undefined,
      waitWeeks: row.room_wait_weeks ?? undefined,
    },
    addressOnRequest: row.address_on_request === 1,
    professional: storedJson(row.professional_json),
    lastVerifiedAt: row.last_verified_at,
    roomSetAt: row.room_set_at ?? undefined,
    isDemo: row.is_demo === 1,
    openDataId: row.uuid,
    needsReview: row.needs_review === 1,
    origin: row.origin,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/**
 * Validated listing data → the columns of a new row. A room status without a date was set now
 * (a new listing, a demo file, or a changed status: the editor leaves the date out then).
 */
export function rowFromListingData(data: ListingData, now: string): NewListingRow {
  return {
    slug: data.slug,
    kind: data.kind,
    status: data.status,
    title: data.title,
    summary: data.summary,
    description: data.description,
    organisation_slug: data.organisation,
    citywide: data.citywide ? 1 : 0,
    cost: data.cost,
    cost_note: data.costNote ?? null,
    access: data.access,
    contact_json: JSON.stringify(data.contact),
    locations_json: JSON.stringify(data.locations),
    schedule_json: JSON.stringify(data.schedule),
    languages_json: JSON.stringify(data.languages),
    accessibility_json: JSON.stringify(data.accessibility),
    what_to_bring: data.whatToBring ?? null,
    room_status: data.room.status ?? null,
    room_wait_weeks: data.room.waitWeeks ?? null,
    room_set_at: data.room.status ? (data.roomSetAt ?? now) : null,
    address_on_request: data.addressOnRequest ? 1 : 0,
    professional_json: JSON.stringify(data.professional),
    last_verified_at: data.lastVerifiedAt,
    is_demo: data.isDemo ? 1 : 0,
    uuid: data.openDataId ?? crypto.randomUUID(),
    needs_review: data.needsReview ? 1 : 0,
    origin: data.origin,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
