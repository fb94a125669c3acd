import { daysOf, dutchToday } from '#admin/calendar/activity-dates.ts';
import type { Coordinates } from '#admin/schemas/fields.ts';
import type { Access, Cost, ListingKind } from '#admin/schemas/listing.ts';
import { SearchQuerySchema, type SearchQuery } from './search-query.ts';

/**
 * The search as it stands in a shareable URL, with Dutch names and values
 * (`/zoeken?q=schulden&wijk=bolnes&kosten=gratis`), and back. Unknown values are dropped
 * rather than refused: an old or hand-edited link still gives results.
 */

export const KIND_PARAM: Record<ListingKind, string> = {
  service: 'voorziening',
  activity: 'activiteit',
  volunteer: 'vrijwillige-hulp',
};
export const COST_PARAM: Record<Cost, string> = {
  free: 'gratis',
  contribution: 'eigen-bijdrage',
  reimbursed: 'vergoed',
};
export const ACCESS_PARAM: Record<Access, string> = {
  open: 'vrij',
  referral: 'verwijzing',
  indication: 'indicatie',
};
const SORT_PARAM = { relevance: 'relevantie', distance: 'afstand', title: 'titel' } as const;

/** `wanneer`: activities this week (today to Sunday) or this month (today to its last day). */
export const WHEN_PARAM = { week: 'deze-week', month: 'deze-maand' } as const;
export type When = keyof typeof WHEN_PARAM;

export const FILTER_PARAMS = {
  neighbourhoods: 'wijk',
  lifeDomains: 'leefgebied',
  audiences: 'doelgroep',
  kind: 'soort',
  cost: 'kosten',
  access: 'toegang',
} as const;

/** Where "bij mij in de buurt" measures from: a chosen wijk or a location the resident shared. */
export type NearBy = { kind: 'neighbourhood'; id: string } | { kind: 'location'; coordinates: Coordinates };

export interface SearchState {
  query: SearchQuery;
  nearBy?: NearBy;
  /** Only activities on a day of this week or month; the query's date filter holds the days. */
  when?: When;
}

export interface SearchVocabulary {
  neighbourhoodCentres: Map<string, Coordinates>;
  lifeDomains: Set<string>;
  audiences: Set<string>;
}

function invert<K extends string>(map: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(map).map(([key, value]) => [value as string, key as K]));
}
const KINDS = invert(KIND_PARAM);
const COSTS = invert(COST_PARAM);
const ACCESS = invert(ACCESS_PARAM);
const SORTS = invert(SORT_PARAM);

const known = <T>(values: string[], lookup: (value: string) => T | undefined): T[] => [
  ...new Set(
    values.flatMap((value) => {
      const found = lookup(value);
      return found === undefined ? [] : [found];
    }),
  ),
];

// Shared locations are rounded to about 100 m: enough for "near me", not enough to be an address.
const roundCoordinate = (value: number) => Math.round(value * 1000) / 1000;

export function parseSearchParams(
  params: URLSearchParams,
  vocabulary: SearchVocabulary,
  perPage = 20,
  today = dutchToday(),
): SearchState {
  const whenValue = params.get('wanneer');
  const when = (Object.keys(WHEN_PARAM) as When[]).find((key) => WHEN_PARAM[key] === whenValue);
  const all = (name: string) =>
    params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
  const filters = {
    type: [],
    neighbourhoods: known(all(FILTER_PARAMS.neighbourhoods), (value) =>
      vocabulary.neighbourhoodCentres.has(value) ? value : undefined,
    ),
    lifeDomains: known(all(FILTER_PARAMS.lifeDomains), (value) =>
      vocabulary.lifeDomains.has(value) ? value : undefined,
    ),
    audiences: known(all(FILTER_PARAMS.audiences), (value) =>
      vocabulary.audiences.has(value) ? value : undefined,
    ),
    kind: known(all(FILTER_PARAMS.kind), (value) => KINDS.get(value)),
    cost: known(all(FILTER_PARAMS.cost), (value) => COSTS.get(value)),
    access: known(all(FILTER_PARAMS.access), (value) => ACCESS.get(value)),
    dates: when ? daysOf(when, today) : [],
  };

  let nearBy: NearBy | undefined;
  const nearWijk = params.get('bij') ?? '';
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lng'));
  if (vocabulary.neighbourhoodCentres.has(nearWijk)) nearBy = { kind: 'neighbourhood', id: nearWijk };
  else if (params.has('lat') && params.has('lng') && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
    nearBy = { kind: 'location', coordinates: { lat: roundCoordinate(lat), lng: roundCoordinate(lng) } };
  }
  const near =
    nearBy?.kind === 'neighbourhood' ? vocabulary.neighbourhoodCentres.get(nearBy.id) : nearBy?.coordinates;

  const requestedSort = SORTS.get(params.get('sorteer') ?? '') ?? (near ? 'distance' : 'relevance');
  const page = Number.parseInt(params.get('pagina') ?? '1', 10);
  const query = SearchQuerySchema.parse({
    text: (params.get('q') ?? '').slice(0, 200),
    filters,
    ...(near ? { near } : {}),
    sort: requestedSort === 'distance' && !near ? 'relevance' : requestedSort,
    page: Number.isFinite(page) && page >= 1 && page <= 1000 ? page : 1,
    perPage,
  });
  return { query, ...(nearBy ? { nearBy } : {}), ...(when ? { when } : {}) };
}

/** The state back as URL parameters, for links that change one thing (a filter, the page). */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const { query, nearBy, when } = state;
  if (query.text) params.set('q', query.text);
  if (when) params.set('wanneer', WHEN_PARAM[when]);
  const filterValues: Record<keyof typeof FILTER_PARAMS, string[]> = {
    neighbourhoods: query.filters.neighbourhoods,
    lifeDomains: query.filters.lifeDomains,
    audiences: query.filters.audiences,
    kind: query.filters.kind.map((value) => KIND_PARAM[value]),
    cost: query.filters.cost.map((value) => COST_PARAM[value]),
    access: query.filters.access.map((value) => ACCESS_PARAM[value]),
  };
  for (const [key, name] of Object.entries(FILTER_PARAMS) as [keyof typeof FILTER_PARAMS, string][]) {
    for (const value of filterValues[key]) params.append(name, value);
  }
  if (nearBy?.kind === 'neighbourhood') params.set('bij', nearBy.id);
  if (nearBy?.kind === 'location') {
    params.set('lat', String(nearBy.coordinates.lat));
    params.set('lng', String(nearBy.coordinates.lng));
  }
  const defaultSort = nearBy ? 'distance' : 'relevance';
  if (query.sort !== defaultSort) params.set('sorteer', SORT_PARAM[query.sort]);
  if (query.page > 1) params.set('pagina', String(query.page));
  return params;
}
