import { getCollection } from 'astro:content';
import { getNeighbourhoods } from './site-content.ts';

/** Choices of the listing editor, named as residents see them. */
export async function listingFormOptions() {
  const [neighbourhoods, lifeDomains, audiences] = await Promise.all([
    getNeighbourhoods(),
    getCollection('leefgebieden'),
    getCollection('doelgroepen'),
  ]);
  return {
    neighbourhoods: neighbourhoods.map((wijk) => ({ value: wijk.id, label: wijk.data.name })),
    lifeDomains: lifeDomains.map((entry) => ({ value: entry.id, label: entry.data.name })),
    audiences: audiences.map((entry) => ({ value: entry.id, label: entry.data.name })),
  };
}
