import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Row types as stored. Booleans are 0/1 and nested values JSON text, so the same schema
 * runs on SQLite and PostgreSQL; repositories turn rows into zod-validated entities.
 */
export interface Database {
  organisations: OrganisationTable;
  listings: ListingTable;
  listing_neighbourhoods: { listing_id: number; neighbourhood: string };
  listing_life_domains: { listing_id: number; life_domain: string };
  listing_audiences: { listing_id: number; audience: string };
  app_meta: { key: string; value: string };
  search_log: SearchLogTable;
}

export interface SearchLogTable {
  id: Generated<number>;
  query_text: string;
  filters_json: string;
  hit_count: number;
  took_ms: number;
  searched_at: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: string;
  summary: string;
  description: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address_json: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ListingTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  status: string;
  title: string;
  summary: string;
  description: string;
  organisation_slug: string;
  citywide: number;
  cost: string;
  cost_note: string | null;
  access: string;
  contact_json: string;
  locations_json: string;
  schedule_json: string;
  languages_json: string;
  accessibility_json: string;
  last_verified_at: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisationRow = Insertable<OrganisationTable>;
export type ListingRow = Selectable<ListingTable>;
export type NewListingRow = Insertable<ListingTable>;
export type ListingRowUpdate = Updateable<ListingTable>;
