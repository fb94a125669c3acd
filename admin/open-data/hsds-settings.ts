import type { Content } from '../content/load-content.ts';
import type { HsdsSettings } from './hsds-catalog.ts';
import { taxonomyDefinitions } from './hsds-taxonomies.ts';

/** Names, vocabularies and the base of every link, from the municipality's content. */
export function hsdsSettingsFrom(content: Content, baseUrl: string): HsdsSettings {
  return {
    baseUrl,
    siteName: content.municipality.siteName,
    municipality: { name: content.municipality.name, province: content.municipality.province ?? '' },
    neighbourhoods: new Map(content.neighbourhoods.map((wijk) => [wijk.id, wijk.data.name])),
    taxonomies: taxonomyDefinitions(content.taxonomy),
  };
}
