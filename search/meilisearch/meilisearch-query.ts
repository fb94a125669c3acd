import type { FederatedMultiSearchParams, MultiSearchQuery, SearchResponse, Settings } from 'meilisearch';
import { distanceKm } from '#admin/location/distance.ts';
import { SearchDocumentSchema, type SearchDocument } from '../search-document.ts';
import { FACETS, type Facet, type SearchQuery } from '../search-query.ts';
import { foldText } from '../text/analyzer.ts';
import type { QueryAnalysis, QueryWord, TextAnalyzer } from '../text/text-analyzer.ts';

/*
 * Pure translation between our search model and Meilisearch's: no network here, so every
 * rule is unit-tested. The engine module only sends what these functions build.
 *
 * Meilisearch does not get the resident's text: it gets the shared analyser's terms, and each
 * document carries its text as those terms too (`tTitle`, …). Stemming, compounds, synonym
 * phrases and stop words are then decided in one place for both engines; Meilisearch adds
 * typo tolerance, prefix search, synonyms between terms and ranking.
 */

/** Term fields in order of weight, as `searchableAttributes`. */
export const TERM_FIELDS = ['tTitle', 'tSummary', 'tKeywords', 'tParts', 'tBody'] as const;
type TermField = (typeof TERM_FIELDS)[number];
/** Everything a hit needs to become a SearchDocument again; the term fields stay on the server. */
const DOCUMENT_FIELDS = Object.keys(SearchDocumentSchema.shape);
/**
 * Dutch for the tokenizer, which would otherwise guess per field and may split terms as German.
 * Queries name no locale: Meilisearch then takes the locales of the searchable attributes.
 */
const LOCALES = ['nld'];
/** How much less a document counts that lacks the filler words of the query ("hulp", "mijn moeder"). */
const WITHOUT_WEAK_WORDS_WEIGHT = 0.9;

/** Index settings; applying the same settings twice is a no-op for Meilisearch. */
export function meilisearchSettings(analyzer: TextAnalyzer): Settings {
  return {
    // Order is weight: a word in the title counts more than one in the description.
    searchableAttributes: [...TERM_FIELDS],
    filterableAttributes: ['type', ...FACETS, 'citywide', 'dates', '_geo'],
    sortableAttributes: ['titleKey', '_geo'],
    // "sort" right after "words": nearest first among results that match as many words.
    rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
    // The analyser already left the stop words out of documents and queries.
    stopWords: [],
    synonyms: Object.fromEntries([...analyzer.synonymTable].map(([term, others]) => [term, [...others]])),
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      // Typo matches in long descriptions are mostly noise; the embedded engine does the same.
      disableOnAttributes: ['tBody'],
    },
    localizedAttributes: [{ attributePatterns: [...TERM_FIELDS], locales: LOCALES }],
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 100_000 },
  };
}

export type MeilisearchDocument = SearchDocument &
  Record<TermField, string> & {
    _geo?: { lat: number; lng: number };
    /** Folded title: sorting on it orders "Één" with the E's, as the embedded engine does. */
    titleKey: string;
    /** The analyser's fingerprint; a document analysed differently is written again by the sync. */
    analysis: string;
  };

const terms = (tokens: readonly { term: string }[]): string => tokens.map((token) => token.term).join(' ');

export function toMeilisearchDocument(document: SearchDocument, analyzer: TextAnalyzer): MeilisearchDocument {
  const analysed = analyzer.document([
    document.title,
    document.summary,
    document.keywords.join(' '),
    document.body,
  ]);
  const [title, summary, keywords, body] = analysed.fields;
  return {
    ...document,
    ...(document.location ? { _geo: { lat: document.location.lat, lng: document.location.lng } } : {}),
    titleKey: foldText(document.title),
    analysis: analyzer.fingerprint,
    tTitle: terms(title),
    tSummary: terms(summary),
    tKeywords: terms(keywords),
    tParts: terms(analysed.parts),
    tBody: terms(body),
  };
}

export type HitOutcome = { ok: true; document: SearchDocument } | { ok: false; id: string; problem: string };

/** A stored hit back to our document; Meilisearch's own fields fall away. */
export function fromMeilisearchHit(hit: Record<string, unknown>): HitOutcome {
  const parsed = SearchDocumentSchema.safeParse(hit);
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    id: typeof hit.id === 'string' ? hit.id : String(hit.id),
    problem: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
  };
}

const quote = (value: string): string => JSON.stringify(value);

/** Filter expressions, AND-ed; `except` leaves one facet's filter out (for its own counts). */
export function meilisearchFilter(query: SearchQuery, except?: Facet): string[] {
  const filter: string[] = [];
  if (query.filters.type.length > 0) filter.push(`type IN [${query.filters.type.map(quote).join(', ')}]`);
  if (query.filters.dates.length > 0) filter.push(`dates IN [${query.filters.dates.map(quote).join(', ')}]`);
  for (const facet of FACETS) {
    const values = query.filters[facet];
    if (facet !== except && values.length > 0) filter.push(`${facet} IN [${values.map(quote).join(', ')}]`);
  }
  if (query.near && query.radiusKm !== undefined) {
    filter.push(`_geoRadius(${query.near.lat}, ${query.near.lng}, ${Math.round(query.radiusKm * 1000)})`);
  }
  return filter;
}

/** Whether anything besides the words narrows the search. */
export function isFiltered(query: SearchQuery): boolean {
  return meilisearchFilter(query).length > 0;
}

export function meilisearchSort(query: SearchQuery, hasWords: boolean): string[] | undefined {
  if (query.sort === 'distance' && query.near) return [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`];
  if (query.sort === 'title' || !hasWords) return ['titleKey:asc'];
  return undefined;
}

/** The words as Meilisearch's `q`: the last one still being typed is matched as a prefix, others not. */
export function queryText(words: readonly QueryWord[]): string {
  const text = words.map((word) => word.term).join(' ');
  return words.at(-1)?.prefix ? text : `${text} `;
}

/** One search of a federated request: what to send as `q`, how to match, how much it weighs. */
export interface SubQuery {
  q: string;
  matchingStrategy: 'all' | 'last';
  weight: number;
}

/**
 * Orders of the words such that any set of up to five words sits together in one of them (the
 * words in a row, and every other word in a row). A "last" search of each rotation of an order
 * ranks a document by the longest run of words it matches from the start, so over all
 * rotations of these orders, by how many of the words it matches.
 */
export function coverageOrders(count: number): number[][] {
  const inRow = Array.from({ length: count }, (_, index) => index);
  if (count < 4) return [inRow];
  const everyOther = [
    ...inRow.filter((index) => index % 2 === 0),
    ...inRow.filter((index) => index % 2 === 1),
  ];
  return [inRow, everyOther];
}

/**
 * The searches that together give the shared semantics:
 * - `all`: documents with every word; with filler, those that have it too weigh a bit more;
 * - `any`: no document has every word, so every document with some word, those with more of
 *   the words first (never nothing because the words never occur together).
 */
export function subQueries(analysis: QueryAnalysis, mode: 'all' | 'any', query: SearchQuery): SubQuery[] {
  const { words, weakWords } = analysis;
  if (words.length === 0) return [{ q: '', matchingStrategy: 'all', weight: 1 }];
  if (mode === 'any' && words.length > 1) {
    return coverageOrders(words.length).flatMap((order) =>
      order.map((_, shift) => {
        const rotated = [...order.slice(shift), ...order.slice(0, shift)].map(
          (index) => words[index] as QueryWord,
        );
        // Only the word typed last is completed, wherever the rotation puts it.
        const typedLast = rotated.at(-1) === words.at(-1);
        const text = queryText(rotated.map((word) => ({ ...word, prefix: typedLast && word.prefix })));
        return { q: text, matchingStrategy: 'last' as const, weight: 1 };
      }),
    );
  }
  const all = { q: queryText(words), matchingStrategy: 'all' as const, weight: 1 };
  // Sorted by distance or title, a weight would split the list in two; filler only helps relevance.
  if (weakWords.length === 0 || query.sort !== 'relevance') return [all];
  return [
    { q: queryText([...words, ...weakWords]), matchingStrategy: 'all', weight: 1 },
    { ...all, weight: WITHOUT_WEAK_WORDS_WEIGHT },
  ];
}

/**
 * One federated request: the sub-queries merged into one ranked list without duplicates, with
 * exact totals and facet counts over all of them. `facets` lists the facets to count.
 */
export function federatedRequest(options: {
  indexUid: string;
  query: SearchQuery;
  subQueries: readonly SubQuery[];
  filter: string[];
  facets: readonly Facet[];
  offset: number;
  limit: number;
  hasWords: boolean;
}): FederatedMultiSearchParams {
  const sort = meilisearchSort(options.query, options.hasWords);
  return {
    federation: {
      offset: options.offset,
      limit: options.limit,
      ...(options.facets.length > 0 ? { facetsByIndex: { [options.indexUid]: [...options.facets] } } : {}),
    },
    queries: options.subQueries.map((sub) => ({
      indexUid: options.indexUid,
      q: sub.q,
      matchingStrategy: sub.matchingStrategy,
      filter: options.filter,
      attributesToRetrieve: DOCUMENT_FIELDS,
      federationOptions: { weight: sub.weight },
      ...(sort ? { sort } : {}),
    })),
  };
}

/** A cheap count: how many documents have every word, with no filter at all. */
export function everyWordProbe(indexUid: string, words: readonly QueryWord[]): MultiSearchQuery {
  return { indexUid, q: queryText(words), matchingStrategy: 'all', page: 1, hitsPerPage: 0 };
}

/**
 * A cheaper count first: how many documents have the word exactly (a one-word phrase: no typo,
 * no prefix, no synonym). Only for a word none has does the spelling probe below run.
 */
export function exactWordProbe(indexUid: string, word: QueryWord): MultiSearchQuery {
  return { indexUid, q: `"${word.term}"`, page: 1, hitsPerPage: 0 };
}

/**
 * The best document for one word alone, with where it matched: Meilisearch ranks exact,
 * synonym and prefix matches above typo matches, so when this document matched the word only
 * through a typo, no document has the word as typed.
 */
export function spellingProbe(indexUid: string, word: QueryWord): MultiSearchQuery {
  return {
    indexUid,
    q: queryText([word]),
    limit: 1,
    showMatchesPosition: true,
    attributesToRetrieve: ['title', 'summary', 'keywords', 'body', ...TERM_FIELDS],
  };
}

/**
 * The written word a spelling probe's hit matched `word` with, when that was only a typo: the
 * term it matched, closest to what was typed, in the form the document writes it.
 */
export function correctionFromProbe(
  response: SearchResponse | undefined,
  word: QueryWord,
  analyzer: TextAnalyzer,
  distance: (a: string, b: string) => number,
): string | undefined {
  const hit = response?.hits[0];
  if (!hit) return undefined;
  const matched = new Set<string>();
  for (const field of TERM_FIELDS) {
    const text: unknown = hit[field];
    if (typeof text !== 'string') continue;
    const bytes = Buffer.from(text);
    for (const { start } of hit._matchesPosition?.[field] ?? []) {
      const end = bytes.indexOf(' ', start);
      matched.add(bytes.subarray(start, end === -1 ? bytes.length : end).toString());
    }
  }
  const known = new Set([word.term, ...analyzer.synonyms(word.term)]);
  const exact = [...matched].some((term) => known.has(term) || (word.prefix && term.startsWith(word.term)));
  if (exact || matched.size === 0) return undefined;
  const [closest] = [...matched].sort((a, b) => distance(word.term, a) - distance(word.term, b));
  if (!closest) return undefined;
  const analysed = analyzer.document([
    String(hit.title ?? ''),
    String(hit.summary ?? ''),
    Array.isArray(hit.keywords) ? hit.keywords.join(' ') : '',
    String(hit.body ?? ''),
  ]);
  const written = [...analysed.fields.flat(), ...analysed.parts].find((token) => token.term === closest);
  return written?.word ?? closest;
}

/** Facet counts of a federated answer, for the facets it was asked to count. */
export function facetCounts(
  response: SearchResponse,
  indexUid: string,
  facets: readonly Facet[],
): Partial<Record<Facet, Record<string, number>>> {
  const distribution = response.facetsByIndex?.[indexUid]?.distribution ?? {};
  return Object.fromEntries(facets.map((facet) => [facet, { ...(distribution[facet] ?? {}) }]));
}

export function withDistance(query: SearchQuery, document: SearchDocument): { distanceKm?: number } {
  return query.near && document.location ? { distanceKm: distanceKm(query.near, document.location) } : {};
}
