/**
 * The HSDS 3.1 objects this project publishes: the fields we fill, named and typed as the official
 * schemas (`tests/fixtures/hsds/`) name them. Fields we have nothing for are left out, not null.
 */

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  taxonomy_detail: HsdsTaxonomy;
  language: string;
  term_uri?: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service' | 'organization';
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
  label: string;
}

export interface HsdsPhone {
  id: string;
  service_id?: string;
  organization_id?: string;
  number: string;
  type: 'voice';
}

export interface HsdsSchedule {
  id: string;
  service_id: string;
  service_at_location_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  count?: number;
  freq?: 'WEEKLY';
  wkst?: 'MO';
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  description: string;
  notes?: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface HsdsAccessibility {
  id: string;
  location_id: string;
  description: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  organization_id?: string;
  name: string;
  latitude?: number;
  longitude?: number;
  addresses: HsdsAddress[];
  accessibility: HsdsAccessibility[];
}

export interface HsdsServiceArea {
  id: string;
  service_id: string;
  name: string;
  description?: string;
  uri?: string;
}

export interface HsdsLanguage {
  id: string;
  service_id: string;
  name: string;
  code: string;
}

export interface HsdsCostOption {
  id: string;
  service_id: string;
  option: string;
  currency: 'EUR';
  amount?: number;
  amount_description?: string;
}

export interface HsdsUrl {
  id: string;
  url: string;
  label: string;
}

export interface HsdsUnit {
  id: string;
  name: string;
  scheme?: string;
  identifier?: string;
}

/** How many places a service has free now (room status), as HSDS `service_capacity`. */
export interface HsdsCapacity {
  id: string;
  service_id: string;
  unit: HsdsUnit;
  available: number;
  maximum?: number;
  description?: string;
  updated: string;
}

/** An organisation's one-to-one fields: what lists and nested services carry. */
export interface HsdsOrganizationBrief {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  uri?: string;
}

export interface HsdsOrganization extends HsdsOrganizationBrief {
  phones: HsdsPhone[];
  locations: HsdsLocation[];
  attributes: HsdsAttribute[];
  services: HsdsServiceBrief[];
}

/** A service's one-to-one fields: what lists carry. */
export interface HsdsServiceBrief {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url?: string;
  email?: string;
  status: 'active';
  application_process: string;
  fees_description: string;
  eligibility_description?: string;
  assured_date: string;
  alert?: string;
  last_modified: string;
}

export interface HsdsServiceAtLocationBrief {
  id: string;
  service_id: string;
  location_id: string;
  description?: string;
  location: HsdsLocation;
}

export interface HsdsService extends HsdsServiceBrief {
  additional_urls: HsdsUrl[];
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  service_areas: HsdsServiceArea[];
  service_at_locations: HsdsServiceAtLocationBrief[];
  languages: HsdsLanguage[];
  organization: HsdsOrganizationBrief;
  cost_options: HsdsCostOption[];
  capacities: HsdsCapacity[];
  attributes: HsdsAttribute[];
}

export interface HsdsServiceAtLocation extends HsdsServiceAtLocationBrief {
  service: HsdsServiceBrief;
  schedules: HsdsSchedule[];
  phones: HsdsPhone[];
}

/** HSDS's `Page` envelope of every list. */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
