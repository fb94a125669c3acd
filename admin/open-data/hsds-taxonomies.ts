import {
  ACCESS_LABELS,
  ACCESSIBILITY_LABELS,
  COST_LABELS,
  KIND_LABELS,
  ORGANISATION_KIND_LABELS,
} from '../schemas/labels.ts';
import type { Listing } from '../schemas/listing.ts';
import type { Organisation } from '../schemas/organisation.ts';
import type { Taxonomy } from '../schemas/taxonomy.ts';
import type { HsdsTaxonomy, HsdsTaxonomyTerm } from './hsds-types.ts';
import { uuidV5 } from './identifiers.ts';

/**
 * The vocabularies of the sociale kaart as HSDS taxonomies: leefgebieden and doelgroepen from
 * content, and the fixed choices of a listing (soort, kosten, toegang, toegankelijkheid) and of an
 * organisation, so
 * a reuser can filter on them and an import can read them back.
 */
export const TAXONOMY_KEYS = [
  'leefgebieden',
  'doelgroepen',
  'soort-aanbod',
  'kosten',
  'toegang',
  'toegankelijkheid',
  'soort-organisatie',
] as const;
export type TaxonomyKey = (typeof TAXONOMY_KEYS)[number];

export interface TermDefinition {
  code: string;
  name: string;
  description: string;
}

export interface TaxonomyDefinition {
  key: TaxonomyKey;
  name: string;
  description: string;
  appliesTo: 'service' | 'organization';
  /** The search parameter on /zoeken that filters on this taxonomy's codes. */
  searchParam?: string;
  terms: TermDefinition[];
}

const enumTerms = (labels: Record<string, string>): TermDefinition[] =>
  Object.entries(labels).map(([code, name]) => ({ code, name, description: name }));

export function taxonomyDefinitions(taxonomy: Taxonomy): TaxonomyDefinition[] {
  return [
    {
      key: 'leefgebieden',
      name: 'Leefgebieden',
      description: 'Waar een vraag of een aanbod over gaat, zoals in een keukentafelgesprek.',
      appliesTo: 'service',
      searchParam: 'leefgebied',
      terms: taxonomy.lifeDomains.map(({ id, name, description }) => ({ code: id, name, description })),
    },
    {
      key: 'doelgroepen',
      name: 'Doelgroepen',
      description: 'Voor wie een aanbod bedoeld is.',
      appliesTo: 'service',
      searchParam: 'doelgroep',
      terms: taxonomy.audiences.map(({ id, name }) => ({ code: id, name, description: name })),
    },
    {
      key: 'soort-aanbod',
      name: 'Soort aanbod',
      description: 'Voorziening van een organisatie, activiteit of vrijwillige hulp.',
      appliesTo: 'service',
      terms: enumTerms(KIND_LABELS),
    },
    {
      key: 'kosten',
      name: 'Kosten',
      description: 'Of het aanbod gratis is, een eigen bijdrage vraagt of vergoed wordt.',
      appliesTo: 'service',
      terms: enumTerms(COST_LABELS),
    },
    {
      key: 'toegang',
      name: 'Toegang',
      description: 'Of je zelf kunt komen, of een verwijzing of indicatie nodig hebt.',
      appliesTo: 'service',
      terms: enumTerms(ACCESS_LABELS),
    },
    {
      key: 'toegankelijkheid',
      name: 'Toegankelijkheid',
      description: 'Wat er is voor mensen met een beperking, ook bij aanbod zonder vaste plek.',
      appliesTo: 'service',
      terms: enumTerms(ACCESSIBILITY_LABELS),
    },
    {
      key: 'soort-organisatie',
      name: 'Soort organisatie',
      description: 'Het soort organisatie dat het aanbod doet.',
      appliesTo: 'organization',
      terms: enumTerms(ORGANISATION_KIND_LABELS),
    },
  ];
}

export const taxonomyId = (namespace: string, key: TaxonomyKey): string =>
  uuidV5(namespace, `taxonomy:${key}`);

export const termId = (namespace: string, key: TaxonomyKey, code: string): string =>
  uuidV5(namespace, `taxonomy:${key}:term:${code}`);

/** The codes a listing carries, per taxonomy. */
export function listingTerms(listing: Listing): { key: TaxonomyKey; code: string }[] {
  return [
    ...listing.lifeDomains.map((code) => ({ key: 'leefgebieden' as const, code })),
    ...listing.audiences.map((code) => ({ key: 'doelgroepen' as const, code })),
    { key: 'soort-aanbod', code: listing.kind },
    { key: 'kosten', code: listing.cost },
    { key: 'toegang', code: listing.access },
    ...listing.accessibility.map((code) => ({ key: 'toegankelijkheid' as const, code })),
  ];
}

export const organisationTerms = (organisation: Organisation): { key: TaxonomyKey; code: string }[] => [
  { key: 'soort-organisatie', code: organisation.kind },
];

export function hsdsTaxonomy(
  namespace: string,
  definition: TaxonomyDefinition,
  baseUrl: string,
): HsdsTaxonomy {
  const id = taxonomyId(namespace, definition.key);
  return {
    id,
    name: definition.name,
    description: definition.description,
    uri: `${baseUrl}/api/hsds/taxonomies/${id}`,
  };
}

export function hsdsTaxonomyTerm(
  namespace: string,
  definition: TaxonomyDefinition,
  term: TermDefinition,
  baseUrl: string,
): HsdsTaxonomyTerm {
  const taxonomy = hsdsTaxonomy(namespace, definition, baseUrl);
  return {
    id: termId(namespace, definition.key, term.code),
    code: term.code,
    name: term.name,
    description: term.description,
    taxonomy: definition.name,
    taxonomy_id: taxonomy.id,
    taxonomy_detail: taxonomy,
    language: 'nl',
    ...(definition.searchParam
      ? { term_uri: `${baseUrl}/zoeken?${definition.searchParam}=${encodeURIComponent(term.code)}` }
      : {}),
  };
}

/** Every term of every taxonomy, with its HSDS form: for lists, look-ups and filters. */
export interface TermIndex {
  terms: { key: TaxonomyKey; code: string; term: HsdsTaxonomyTerm }[];
  byId: Map<string, { key: TaxonomyKey; code: string; term: HsdsTaxonomyTerm }>;
  byCode: (key: TaxonomyKey, code: string) => HsdsTaxonomyTerm | undefined;
}

export function termIndex(namespace: string, definitions: TaxonomyDefinition[], baseUrl: string): TermIndex {
  const terms = definitions.flatMap((definition) =>
    definition.terms.map((term) => ({
      key: definition.key,
      code: term.code,
      term: hsdsTaxonomyTerm(namespace, definition, term, baseUrl),
    })),
  );
  const byId = new Map(terms.map((entry) => [entry.term.id, entry]));
  const byKeyCode = new Map(terms.map((entry) => [`${entry.key}:${entry.code}`, entry.term]));
  return { terms, byId, byCode: (key, code) => byKeyCode.get(`${key}:${code}`) };
}
