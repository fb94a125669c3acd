import type { SearchQuery } from '#search/index.ts';
import { FACETS } from '#search/index.ts';
import type { SearchState } from '#search/index.ts';
import { ACCESS_SHORT_LABELS, COST_LABELS, KIND_LABELS } from './labels.ts';
import type { TaxonomyNames } from './site-content.ts';

export interface ActiveFilter {
  label: string;
  /** The same search without this filter. */
  without: SearchState;
}

/** Every chosen filter as a removable chip: "Wijk: Bolnes", "Kosten: Gratis", "In de buurt van: Oost". */
export function activeFilters(state: SearchState, names: TaxonomyNames): ActiveFilter[] {
  const { query } = state;
  const labelOf = {
    neighbourhoods: (value: string) => `Wijk: ${names.neighbourhoods.get(value) ?? value}`,
    lifeDomains: (value: string) => `Onderwerp: ${names.lifeDomains.get(value) ?? value}`,
    audiences: (value: string) => `Voor wie: ${names.audiences.get(value) ?? value}`,
    kind: (value: string) => KIND_LABELS[value as keyof typeof KIND_LABELS],
    cost: (value: string) => `Kosten: ${COST_LABELS[value as keyof typeof COST_LABELS]}`,
    access: (value: string) => ACCESS_SHORT_LABELS[value as keyof typeof ACCESS_SHORT_LABELS],
  };
  const chips: ActiveFilter[] = FACETS.flatMap((facet) =>
    (query.filters[facet] as readonly string[]).map((value) => {
      const filters: SearchQuery['filters'] = {
        ...query.filters,
        [facet]: (query.filters[facet] as readonly string[]).filter((other) => other !== value),
      };
      return { label: labelOf[facet](value), without: { ...state, query: { ...query, filters, page: 1 } } };
    }),
  );
  if (state.when) {
    const { when, ...rest } = state;
    chips.push({
      label: when === 'week' ? 'Wanneer: deze week' : 'Wanneer: deze maand',
      without: { ...rest, query: { ...query, filters: { ...query.filters, dates: [] }, page: 1 } },
    });
  }
  if (state.nearBy) {
    const { nearBy: _removed, ...rest } = state;
    const { near: _near, ...withoutNear } = query;
    const label =
      state.nearBy.kind === 'neighbourhood'
        ? `In de buurt van: ${names.neighbourhoods.get(state.nearBy.id) ?? state.nearBy.id}`
        : 'In de buurt van: mijn locatie';
    chips.push({
      label,
      without: {
        ...rest,
        query: { ...withoutNear, sort: query.sort === 'distance' ? 'relevance' : query.sort, page: 1 },
      },
    });
  }
  return chips;
}
