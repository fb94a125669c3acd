import type { Coordinates } from '../schemas/fields.ts';
import type { AddressQuery } from './address-query.ts';
import type { AddressLookup } from './locatieserver.ts';
import { neighbourhoodAt, type PlacedNeighbourhood } from './neighbourhood-at.ts';

/** The answer to "wat is mijn wijk?", for the page to turn into a redirect or a message. */
export type NeighbourhoodAnswer =
  | { status: 'found'; neighbourhoodId: string }
  | { status: 'address-not-found' }
  | { status: 'outside-municipality'; municipality?: string }
  | { status: 'unavailable' };

export interface NeighbourhoodFinder {
  byAddress(query: AddressQuery): Promise<NeighbourhoodAnswer>;
  byLocation(point: Coordinates): NeighbourhoodAnswer;
}

export function createNeighbourhoodFinder(options: {
  municipality: string;
  neighbourhoods: readonly PlacedNeighbourhood[];
  lookupAddress: (query: AddressQuery) => Promise<AddressLookup>;
}): NeighbourhoodFinder {
  const { municipality, neighbourhoods, lookupAddress } = options;

  function byLocation(point: Coordinates): NeighbourhoodAnswer {
    const match = neighbourhoodAt(point, neighbourhoods);
    return match ? { status: 'found', neighbourhoodId: match.id } : { status: 'outside-municipality' };
  }

  return {
    byLocation,
    async byAddress(query) {
      const lookup = await lookupAddress(query);
      if (lookup.status === 'unavailable') return { status: 'unavailable' };
      if (lookup.status === 'not-found') return { status: 'address-not-found' };
      if (lookup.address.municipality.toLocaleLowerCase('nl') !== municipality.toLocaleLowerCase('nl')) {
        return { status: 'outside-municipality', municipality: lookup.address.municipality };
      }
      // An address of this municipality always belongs to some wijk, even past a simplified edge.
      const match = neighbourhoodAt(lookup.address.point, neighbourhoods, Number.POSITIVE_INFINITY);
      return match ? { status: 'found', neighbourhoodId: match.id } : { status: 'outside-municipality' };
    },
  };
}
