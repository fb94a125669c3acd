import type { Content } from '#admin/content/load-content.ts';
import type { SearchSettings } from './search-engine.ts';

/** What the engines need to know from content: the taxonomy's synonyms and the names of the wijken. */
export function searchSettings(content: Content): SearchSettings {
  return {
    synonyms: content.taxonomy.synonyms,
    placeNames: content.neighbourhoods.map((wijk) => wijk.data.name),
  };
}
