import type { HsdsKind, HsdsValidator } from './hsds-schemas.ts';

/**
 * Validates an HSDS object and every nested object in it against its own official definition,
 * so the counts say how many schedules, locations, terms… were checked, not just services.
 */
const NESTED: Record<string, HsdsKind> = {
  phones: 'phone',
  schedules: 'schedule',
  service_areas: 'service_area',
  languages: 'language',
  cost_options: 'cost_option',
  attributes: 'attribute',
  addresses: 'address',
  accessibility: 'accessibility',
  additional_urls: 'url',
  capacities: 'capacity',
  locations: 'location',
};

export function checkDeep(validator: HsdsValidator, kind: HsdsKind, value: unknown, where: string): void {
  validator.check(kind, value, where);
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const childKind = NESTED[key];
    if (childKind && Array.isArray(child))
      child.forEach((item, index) => checkDeep(validator, childKind, item, `${where}.${key}[${index}]`));
    else if (key === 'location') checkDeep(validator, 'location', child, `${where}.location`);
    else if (key === 'taxonomy_term') checkDeep(validator, 'taxonomy_term', child, `${where}.taxonomy_term`);
    else if (key === 'taxonomy_detail') validator.check('taxonomy', child, `${where}.taxonomy_detail`);
    else if (key === 'service_at_locations' && Array.isArray(child))
      child.forEach((item, index) =>
        checkDeep(validator, 'service_at_location', item, `${where}.service_at_locations[${index}]`),
      );
    else if (key === 'services' && Array.isArray(child))
      child.forEach((item, index) => validator.check('service_list', item, `${where}.services[${index}]`));
    else if (key === 'organization') validator.check('organization_list', child, `${where}.organization`);
    else if (key === 'service' && kind === 'service_at_location')
      validator.check('service_list', child, `${where}.service`);
  }
}
