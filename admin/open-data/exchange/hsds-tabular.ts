import { toCsv } from '../../csv/csv.ts';
import type { HsdsDocument } from './hsds-document.ts';

/**
 * The export as HSDS's tabular form: one CSV per kind of object, named and ordered as the
 * official schemas say (`path`, `datapackage_metadata.order`), with a Frictionless
 * `datapackage.json` that describes every file, its fields, keys and links.
 */
interface Field {
  name: string;
  type: 'string' | 'number';
  format?: 'uuid' | 'uri' | 'email' | 'date-time';
}

interface ResourceDefinition {
  name: string;
  path: string;
  fields: Field[];
  /** Columns that must hold a value in every row (HSDS `tabular_required`, and `id`). */
  required: string[];
  foreignKeys: { field: string; resource: string }[];
}

const s = (name: string, format?: Field['format']): Field => ({
  name,
  type: 'string',
  ...(format ? { format } : {}),
});
const n = (name: string): Field => ({ name, type: 'number' });
const id = s('id', 'uuid');
const ref = (name: string) => s(name, 'uuid');

/** In the order of HSDS's data package (organizations first, taxonomies last). */
export const RESOURCES: ResourceDefinition[] = [
  {
    name: 'organization',
    path: 'organizations.csv',
    fields: [
      id,
      s('name'),
      s('alternate_name'),
      s('description'),
      s('email', 'email'),
      s('website', 'uri'),
      s('tax_status'),
      s('tax_id'),
      n('year_incorporated'),
      s('legal_status'),
      s('logo'),
      s('uri', 'uri'),
      ref('parent_organization_id'),
    ],
    required: ['id', 'name', 'description'],
    foreignKeys: [],
  },
  {
    name: 'service',
    path: 'services.csv',
    fields: [
      id,
      ref('organization_id'),
      ref('program_id'),
      s('name'),
      s('alternate_name'),
      s('description'),
      s('url', 'uri'),
      s('email', 'email'),
      s('status'),
      s('interpretation_services'),
      s('application_process'),
      s('fees_description'),
      s('wait_time'),
      s('fees'),
      s('accreditations'),
      s('eligibility_description'),
      n('minimum_age'),
      n('maximum_age'),
      s('assured_date'),
      s('assurer_email', 'email'),
      s('licenses'),
      s('alert'),
      s('last_modified', 'date-time'),
    ],
    required: ['id', 'name', 'status', 'organization_id'],
    foreignKeys: [{ field: 'organization_id', resource: 'organization' }],
  },
  {
    name: 'attribute',
    path: 'attributes.csv',
    fields: [
      id,
      ref('link_id'),
      ref('taxonomy_term_id'),
      s('link_type'),
      s('link_entity'),
      s('value'),
      s('label'),
    ],
    required: ['id', 'link_id', 'taxonomy_term_id', 'link_entity'],
    foreignKeys: [{ field: 'taxonomy_term_id', resource: 'taxonomy_term' }],
  },
  {
    name: 'service_at_location',
    path: 'service_at_location.csv',
    fields: [id, ref('service_id'), ref('location_id'), s('description')],
    required: ['id', 'service_id', 'location_id'],
    foreignKeys: [
      { field: 'service_id', resource: 'service' },
      { field: 'location_id', resource: 'location' },
    ],
  },
  {
    name: 'location',
    path: 'locations.csv',
    fields: [
      id,
      s('location_type'),
      s('url', 'uri'),
      ref('organization_id'),
      s('name'),
      s('alternate_name'),
      s('description'),
      s('transportation'),
      n('latitude'),
      n('longitude'),
      s('external_identifier'),
      s('external_identifier_type'),
    ],
    required: ['id', 'location_type'],
    foreignKeys: [{ field: 'organization_id', resource: 'organization' }],
  },
  {
    name: 'phone',
    path: 'phones.csv',
    fields: [
      id,
      ref('location_id'),
      ref('service_id'),
      ref('organization_id'),
      ref('contact_id'),
      ref('service_at_location_id'),
      s('number'),
      n('extension'),
      s('type'),
      s('description'),
    ],
    required: ['id', 'number'],
    foreignKeys: [
      { field: 'service_id', resource: 'service' },
      { field: 'organization_id', resource: 'organization' },
    ],
  },
  {
    name: 'address',
    path: 'addresses.csv',
    fields: [
      id,
      ref('location_id'),
      s('attention'),
      s('address_1'),
      s('address_2'),
      s('city'),
      s('region'),
      s('state_province'),
      s('postal_code'),
      s('country'),
      s('address_type'),
    ],
    required: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
    foreignKeys: [{ field: 'location_id', resource: 'location' }],
  },
  {
    name: 'schedule',
    path: 'schedules.csv',
    fields: [
      id,
      ref('service_id'),
      ref('location_id'),
      ref('service_at_location_id'),
      s('valid_from'),
      s('valid_to'),
      s('dtstart'),
      n('timezone'),
      s('until'),
      n('count'),
      s('wkst'),
      s('freq'),
      n('interval'),
      s('byday'),
      s('byweekno'),
      s('bymonthday'),
      s('byyearday'),
      s('description'),
      s('opens_at'),
      s('closes_at'),
      s('schedule_link', 'uri'),
      s('attending_type'),
      s('notes'),
    ],
    required: ['id'],
    foreignKeys: [{ field: 'service_id', resource: 'service' }],
  },
  {
    name: 'service_area',
    path: 'service_areas.csv',
    fields: [
      id,
      ref('service_id'),
      ref('service_at_location_id'),
      s('name'),
      s('description'),
      s('extent'),
      s('extent_type'),
      s('uri'),
    ],
    required: ['id'],
    foreignKeys: [{ field: 'service_id', resource: 'service' }],
  },
  {
    name: 'language',
    path: 'languages.csv',
    fields: [id, ref('service_id'), ref('location_id'), ref('phone_id'), s('name'), s('code'), s('note')],
    required: ['id'],
    foreignKeys: [{ field: 'service_id', resource: 'service' }],
  },
  {
    name: 'accessibility',
    path: 'accessibility.csv',
    fields: [id, ref('location_id'), s('description'), s('details'), s('url', 'uri')],
    required: ['id'],
    foreignKeys: [{ field: 'location_id', resource: 'location' }],
  },
  {
    name: 'taxonomy_term',
    path: 'taxonomy_terms.csv',
    fields: [
      id,
      s('code'),
      s('name'),
      s('description'),
      ref('parent_id'),
      s('taxonomy'),
      s('language'),
      ref('taxonomy_id'),
      s('term_uri', 'uri'),
    ],
    required: ['id', 'name', 'description'],
    foreignKeys: [{ field: 'taxonomy_id', resource: 'taxonomy' }],
  },
  {
    name: 'cost_option',
    path: 'cost_options.csv',
    fields: [
      id,
      ref('service_id'),
      s('valid_from'),
      s('valid_to'),
      s('option'),
      s('currency'),
      n('amount'),
      s('amount_description'),
    ],
    required: ['id', 'service_id'],
    foreignKeys: [{ field: 'service_id', resource: 'service' }],
  },
  {
    name: 'taxonomy',
    path: 'taxonomies.csv',
    fields: [id, s('name'), s('description'), s('uri', 'uri'), s('version')],
    required: ['id', 'name', 'description'],
    foreignKeys: [],
  },
  {
    name: 'url',
    path: 'url.csv',
    fields: [id, s('label'), s('url', 'uri'), ref('organization_id'), ref('service_id')],
    required: ['id', 'url'],
    foreignKeys: [{ field: 'service_id', resource: 'service' }],
  },
];

type Row = Record<string, unknown>;

/** Every object of the document, flat, per resource; an object met twice (a phone in two places) once. */
export function tabularRows(document: HsdsDocument): Map<string, Row[]> {
  const rows = new Map<string, Map<string, Row>>(RESOURCES.map((resource) => [resource.name, new Map()]));
  const add = (resource: string, row: Row) => {
    const table = rows.get(resource);
    const key = String(row.id);
    if (table && !table.has(key)) table.set(key, row);
  };
  const addLocation = (location: Row & { addresses?: Row[]; accessibility?: Row[] }) => {
    add('location', location);
    for (const address of location.addresses ?? []) add('address', address);
    for (const feature of location.accessibility ?? []) add('accessibility', feature);
  };
  for (const organization of document.organizations) {
    add('organization', organization as unknown as Row);
    for (const phone of organization.phones) add('phone', phone as unknown as Row);
    for (const location of organization.locations) addLocation(location as unknown as Row);
    for (const attribute of organization.attributes) add('attribute', attribute as unknown as Row);
  }
  for (const service of document.services) {
    add('service', service as unknown as Row);
    for (const phone of service.phones) add('phone', phone as unknown as Row);
    for (const schedule of service.schedules) add('schedule', schedule as unknown as Row);
    for (const area of service.service_areas) add('service_area', area as unknown as Row);
    for (const language of service.languages) add('language', language as unknown as Row);
    for (const cost of service.cost_options) add('cost_option', cost as unknown as Row);
    for (const attribute of service.attributes) add('attribute', attribute as unknown as Row);
    for (const url of service.additional_urls) add('url', { ...url, service_id: service.id });
    for (const atLocation of service.service_at_locations) {
      add('service_at_location', atLocation as unknown as Row);
      addLocation(atLocation.location as unknown as Row);
    }
  }
  for (const taxonomy of document.taxonomies) add('taxonomy', taxonomy as unknown as Row);
  for (const term of document.taxonomy_terms) add('taxonomy_term', term as unknown as Row);
  return new Map([...rows].map(([name, table]) => [name, [...table.values()]]));
}

const cellOf = (value: unknown): string | number | undefined =>
  typeof value === 'string' || typeof value === 'number' ? value : undefined;

/** The CSV files and their descriptor, by file name. */
export function tabularPackage(document: HsdsDocument, packageName: string): Map<string, string> {
  const rows = tabularRows(document);
  const files = new Map<string, string>();
  for (const resource of RESOURCES) {
    const header = resource.fields.map((field) => field.name);
    files.set(
      resource.path,
      toCsv([
        header,
        ...(rows.get(resource.name) ?? []).map((row) => header.map((name) => cellOf(row[name]))),
      ]),
    );
  }
  const descriptor = {
    profile: 'tabular-data-package',
    name: packageName,
    title: `${document.publisher.name}: sociale kaart (HSDS 3.1)`,
    homepage: document.publisher.url,
    created: document.exported_at,
    resources: RESOURCES.map((resource) => ({
      name: resource.name,
      path: resource.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: resource.fields.map((field) => ({
          ...field,
          ...(resource.required.includes(field.name) ? { constraints: { required: true } } : {}),
        })),
        primaryKey: 'id',
        foreignKeys: resource.foreignKeys.map((key) => ({
          fields: key.field,
          reference: { resource: key.resource, fields: 'id' },
        })),
      },
    })),
  };
  files.set('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`);
  return files;
}
