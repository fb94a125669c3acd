import { getCollection } from 'astro:content';
import type { SearchVocabulary } from '../../search/url-params.ts';

/** What the search URL may name, from content: wijken (with centres), leefgebieden, doelgroepen. */
export async function getSearchVocabulary(): Promise<SearchVocabulary> {
  const [neighbourhoods, lifeDomains, audiences] = await Promise.all([
    getCollection('wijken'),
    getCollection('leefgebieden'),
    getCollection('doelgroepen'),
  ]);
  return {
    neighbourhoodCentres: new Map(neighbourhoods.map((wijk) => [wijk.id, wijk.data.center])),
    lifeDomains: new Set(lifeDomains.map((entry) => entry.id)),
    audiences: new Set(audiences.map((entry) => entry.id)),
  };
}
