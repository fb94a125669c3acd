import { ACCESS_KINDS, COSTS, LISTING_KINDS } from '#admin/schemas/listing.ts';
import type { Facet, SearchResult } from '#search/index.ts';
import { ACCESS_PARAM, COST_PARAM, FILTER_PARAMS, KIND_PARAM, type SearchState } from '#search/index.ts';
import { ACCESS_SHORT_LABELS, COST_LABELS, KIND_LABELS } from './labels.ts';
import type { TaxonomyNames } from './site-content.ts';

export interface FacetOption {
  /** Value as it stands in the URL. */
  param: string;
  label: string;
  count: number;
  checked: boolean;
}

export interface FacetGroup {
  facet: Facet;
  /** URL parameter name. */
  name: string;
  legend: string;
  options: FacetOption[];
}

const LEGENDS: Record<Facet, string> = {
  neighbourhoods: 'Wijk',
  lifeDomains: 'Onderwerp',
  audiences: 'Voor wie',
  kind: 'Soort aanbod',
  cost: 'Kosten',
  access: 'Aanmelden',
};

/**
 * The facets as checkbox groups with Dutch labels and counts. Options in the taxonomy order;
 * an option with no matches stays visible while it is checked, so it can be unchecked.
 */
export function facetGroups(state: SearchState, result: SearchResult, names: TaxonomyNames): FacetGroup[] {
  const { filters } = state.query;
  const build = <K extends string>(
    facet: Facet,
    entries: [K, string, string][],
    selected: readonly K[],
  ): FacetGroup => ({
    facet,
    name: FILTER_PARAMS[facet],
    legend: LEGENDS[facet],
    options: entries
      .map(([value, param, label]) => ({
        param,
        label,
        count: result.facets[facet][value] ?? 0,
        checked: selected.includes(value),
      }))
      .filter((option) => option.count > 0 || option.checked),
  });
  const fromNames = (map: Map<string, string>): [string, string, string][] =>
    [...map].map(([id, label]) => [id, id, label]);
  return [
    build(
      'neighbourhoods',
      fromNames(names.neighbourhoods).sort((a, b) => a[2].localeCompare(b[2], 'nl')),
      filters.neighbourhoods,
    ),
    build('lifeDomains', fromNames(names.lifeDomains), filters.lifeDomains),
    build('audiences', fromNames(names.audiences), filters.audiences),
    build(
      'kind',
      LISTING_KINDS.map((value) => [value, KIND_PARAM[value], KIND_LABELS[value]]),
      filters.kind,
    ),
    build(
      'cost',
      COSTS.map((value) => [value, COST_PARAM[value], COST_LABELS[value]]),
      filters.cost,
    ),
    build(
      'access',
      ACCESS_KINDS.map((value) => [value, ACCESS_PARAM[value], ACCESS_SHORT_LABELS[value]]),
      filters.access,
    ),
  ].filter((group) => group.options.length > 0);
}
