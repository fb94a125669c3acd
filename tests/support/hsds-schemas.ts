import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';

/**
 * The official HSDS 3.1 schemas (tests/fixtures/hsds, see its README) compiled with Ajv for JSON
 * Schema draft 2020-12, the dialect HSDS's API reference declares. Every kind of object we publish
 * has a validator here; sub-objects without a file of their own are validated against their
 * definition inside service.json.
 */
// ajv-formats is CommonJS whose default export TypeScript sees as the module; require gives the plugin.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv2020) => Ajv2020;

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'hsds');

/** Where the official files live; our OpenAPI description refers to them by these URLs. */
export const HSDS_SCHEMA_BASE =
  'https://raw.githubusercontent.com/openreferral/specification/abc731c8ac11825010e9d74a0ab61dcd48e880ec/schema/compiled/';

const FILES = [
  'service',
  'organization',
  'service_at_location',
  'service_list',
  'organization_list',
  'service_at_location_list',
] as const;

// HSDS annotates its schemas for the tabular form (CSV); these words are annotations, not rules.
const ANNOTATIONS = [
  'name',
  'path',
  'constraints',
  'core',
  'datapackage_metadata',
  'datapackage_type',
  'example',
  'tabular_required',
];

export function hsdsAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  for (const file of FILES) {
    const schema = JSON.parse(readFileSync(join(FIXTURES, `${file}.json`), 'utf8')) as object;
    ajv.addSchema({ ...schema, $id: `${HSDS_SCHEMA_BASE}${file}.json` });
  }
  ajv.addSchema(pageSchema());
  return ajv;
}

/** JSON Pointers into service.json for the kinds that have no compiled file. */
const SUB_SCHEMAS = {
  taxonomy_term: 'service.json#/properties/attributes/items/properties/taxonomy_term',
  taxonomy: 'service.json#/properties/attributes/items/properties/taxonomy_term/properties/taxonomy_detail',
  schedule: 'service.json#/properties/schedules/items',
  location: 'service.json#/properties/service_at_locations/items/properties/location',
  address:
    'service.json#/properties/service_at_locations/items/properties/location/properties/addresses/items',
  phone: 'service.json#/properties/phones/items',
  service_area: 'service.json#/properties/service_areas/items',
  language: 'service.json#/properties/languages/items',
  cost_option: 'service.json#/properties/cost_options/items',
  attribute: 'service.json#/properties/attributes/items',
  accessibility:
    'service.json#/properties/service_at_locations/items/properties/location/properties/accessibility/items',
  url: 'service.json#/properties/additional_urls/items',
  capacity: 'service.json#/properties/capacities/items',
} as const;

export type HsdsKind = (typeof FILES)[number] | keyof typeof SUB_SCHEMAS | 'page';

/** HSDS's `Page` envelope, from its API reference, with the fields every list must carry. */
function pageSchema(): object {
  const openapi = JSON.parse(readFileSync(join(FIXTURES, 'openapi.json'), 'utf8')) as {
    components: { schemas: { Page: { properties: object } } };
  };
  return {
    ...openapi.components.schemas.Page,
    $id: `${HSDS_SCHEMA_BASE}page.json`,
    required: [
      'total_items',
      'total_pages',
      'page_number',
      'size',
      'first_page',
      'last_page',
      'empty',
      'contents',
    ],
    properties: { ...openapi.components.schemas.Page.properties, contents: { type: 'array' } },
  };
}

export interface HsdsValidator {
  /** Throws with Ajv's messages when `value` is not a valid HSDS object of this kind. */
  check(kind: HsdsKind, value: unknown, where?: string): void;
  /** How many objects of each kind passed. */
  counts: Map<HsdsKind, number>;
}

export function hsdsValidator(): HsdsValidator {
  const ajv = hsdsAjv();
  const compiled = new Map<HsdsKind, ValidateFunction>();
  const counts = new Map<HsdsKind, number>();
  const validatorOf = (kind: HsdsKind): ValidateFunction => {
    let validate = compiled.get(kind);
    if (!validate) {
      const ref =
        kind in SUB_SCHEMAS
          ? `${HSDS_SCHEMA_BASE}${SUB_SCHEMAS[kind as keyof typeof SUB_SCHEMAS]}`
          : `${HSDS_SCHEMA_BASE}${kind}.json`;
      validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`no HSDS schema at ${ref}`);
      compiled.set(kind, validate);
    }
    return validate;
  };
  return {
    counts,
    check(kind, value, where = '') {
      const validate = validatorOf(kind);
      if (!validate(value))
        throw new Error(
          `${where} is not a valid HSDS ${kind}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`,
        );
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    },
  };
}
