import { getCollection } from 'astro:content';
import type { SearchVocabulary } from '#search/index.ts';

let vocabulary: Promise<SearchVocabulary> | undefined;

/**
 * What the search URL may name, from content: wijken (with centres), leefgebieden, doelgroepen.
 * Content is fixed at build time, so it is read once per process, not on every search.
 */
export function getSearchVocabulary(): Promise<SearchVocabulary> {
  vocabulary ??= Promise.all([
    getCollection('wijken'),
    getCollection('leefgebieden'),
    getCollection('doelgroepen'),
  ]).then(([neighbourhoods, lifeDomains, audiences]) => ({
    neighbourhoodCentres: new Map(neighbourhoods.map((wijk) => [wijk.id, wijk.data.center])),
    lifeDomains: new Set(lifeDomains.map((entry) => entry.id)),
    audiences: new Set(audiences.map((entry) => entry.id)),
  }));
  return vocabulary;
}
