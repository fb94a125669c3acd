import { z } from 'zod';
import type { NewListingRow, ListingRow } from '../db/tables.ts';
import {
  AccessibilityFeatureSchema,
  LanguageSchema,
  ListingContactSchema,
  ListingLocationSchema,
  ListingSchema,
  ScheduleSchema,
  type Listing,
  type ListingData,
} from '../schemas/listing.ts';

/** The taxonomy links of a listing, kept in join tables so wijk and leefgebied queries use indexes. */
export interface ListingLinks {
  neighbourhoods: string[];
  lifeDomains: string[];
  audiences: string[];
}

const json = <S extends z.ZodType>(schema: S) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Ongeldige JSON in de database.' });
      return z.NEVER;
    }
  }).pipe(schema);

const StoredJson = {
  contact: json(ListingContactSchema),
  locations: json(z.array(ListingLocationSchema)),
  schedule: json(ScheduleSchema),
  languages: json(z.array(LanguageSchema)),
  accessibility: json(z.array(AccessibilityFeatureSchema)),
};

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
    contact: StoredJson.contact.parse(row.contact_json),
    locations: StoredJson.locations.parse(row.locations_json),
    schedule: StoredJson.schedule.parse(row.schedule_json),
    languages: StoredJson.languages.parse(row.languages_json),
    accessibility: StoredJson.accessibility.parse(row.accessibility_json),
    lastVerifiedAt: row.last_verified_at,
    isDemo: row.is_demo === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Validated listing data → the columns of a new row. */
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
    last_verified_at: data.lastVerifiedAt,
    is_demo: data.isDemo ? 1 : 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
