import type { SearchDocument } from '../search-document.ts';
import { FACETS, type Facet } from '../search-query.ts';

function facetValues(document: SearchDocument, facet: Facet): readonly string[] {
  const value = document[facet];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/**
 * Numbers every facet value ever seen, so that filtering and counting thousands of matches is
 * array arithmetic instead of string lookups. Facet values are a small, fixed vocabulary
 * (wijken, leefgebieden, …), so the numbering never needs to forget one.
 */
export class FacetValues {
  readonly facetOf: number[] = [];
  readonly names: string[] = [];
  readonly #ids = new Map<string, number>();

  id(facet: number, value: string): number {
    const key = `${facet}:${value}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.#ids.set(key, id);
      this.facetOf.push(facet);
      this.names.push(value);
    }
    return id;
  }

  find(facet: number, value: string): number | undefined {
    return this.#ids.get(`${facet}:${value}`);
  }

  of(document: SearchDocument): Int32Array {
    return Int32Array.from(
      FACETS.flatMap((facet, index) => facetValues(document, facet).map((value) => this.id(index, value))),
    );
  }
}
