import type { Content } from '../../content/load-content.ts';
import type { ImportVocabulary } from './hsds-reverse.ts';

/** The wijken, leefgebieden and doelgroepen an import can map onto, from content. */
export function importVocabularyFrom(content: Content): ImportVocabulary {
  return {
    municipalityName: content.municipality.name,
    neighbourhoods: content.neighbourhoods.map((wijk) => ({ id: wijk.id, name: wijk.data.name })),
    lifeDomains: content.taxonomy.lifeDomains.map(({ id, name }) => ({ id, name })),
    audiences: content.taxonomy.audiences.map(({ id, name }) => ({ id, name })),
  };
}
