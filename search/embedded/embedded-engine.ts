import { distanceKm } from '../geo.ts';
import type { SearchDocument } from '../search-document.ts';
import type { SearchEngine, SearchSettings } from '../search-engine.ts';
import { FACETS, type Facet, type SearchQuery, type SearchResult } from '../search-query.ts';
import { foldText } from '../text/analyzer.ts';
import { planQuery, type PlannedWord } from './query-plan.ts';
import { buildSynonymTable } from './synonym-table.ts';
import { TermIndex } from './term-index.ts';
import { topK } from './top-k.ts';

interface Candidate {
  slot: number;
  document: SearchDocument;
  score: number;
  distance?: number;
}

const titleOrder = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

function facetValues(document: SearchDocument, facet: Facet): readonly string[] {
  const value = document[facet];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/**
 * The default engine: an in-process inverted index built for this product's size (a
 * municipality's aanbod, thousands to tens of thousands of documents). It rebuilds from the
 * database at start, so there is nothing to install or run next to the site.
 */
export function createEmbeddedEngine(): SearchEngine {
  let index = new TermIndex();
  let documents: (SearchDocument | undefined)[] = [];
  let slotById = new Map<string, number>();
  let synonyms = new Map<string, string[]>();

  function removeId(id: string): void {
    const slot = slotById.get(id);
    if (slot === undefined) return;
    index.remove(slot);
    documents[slot] = undefined;
    slotById.delete(id);
  }

  /** Slots matching every word; when none do, the last words are dropped one by one (Meilisearch's "last" strategy). */
  function matchWords(words: PlannedWord[]): Map<number, number> {
    const perWord = words.map((word) => {
      const scores = new Map<number, number>();
      for (const alternative of word.alternatives) index.score(alternative.term, alternative.factor, alternative.fields, scores);
      return scores;
    });
    for (let count = perWord.length; count > 0; count--) {
      const used = perWord.slice(0, count);
      const smallest = used.reduce((a, b) => (b.size < a.size ? b : a));
      const matched = new Map<number, number>();
      for (const slot of smallest.keys()) {
        let total = 0;
        let everyWord = true;
        for (const scores of used) {
          const score = scores.get(slot);
          if (score === undefined) {
            everyWord = false;
            break;
          }
          total += score;
        }
        if (everyWord) matched.set(slot, total);
      }
      if (matched.size > 0) return matched;
    }
    return new Map();
  }

  return {
    name: 'embedded',

    async configure(settings: SearchSettings) {
      synonyms = buildSynonymTable(settings.synonyms);
    },

    async upsert(batch) {
      for (const document of batch) {
        removeId(document.id);
        const slot = index.add([document.title, document.summary, document.keywords.join(' '), document.body]);
        documents[slot] = document;
        slotById.set(document.id, slot);
      }
    },

    async remove(ids) {
      for (const id of ids) removeId(id);
    },

    async clear() {
      index = new TermIndex();
      documents = [];
      slotById = new Map();
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const started = performance.now();
      const words = planQuery(query.text, index, synonyms);
      const scored = words.length > 0 ? matchWords(words) : undefined;
      const slots = scored ? scored.keys() : slotById.values();

      const activeFacets = FACETS.filter((facet) => query.filters[facet].length > 0);
      const selected = new Map(activeFacets.map((facet) => [facet, new Set<string>(query.filters[facet])]));
      const types = new Set(query.filters.type);
      const facets = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as Record<Facet, Record<string, number>>;
      const count = (document: SearchDocument, facet: Facet): void => {
        const counts = facets[facet];
        for (const value of facetValues(document, facet)) counts[value] = (counts[value] ?? 0) + 1;
      };

      const matches: Candidate[] = [];
      for (const slot of slots) {
        const document = documents[slot];
        if (!document) continue;
        if (types.size > 0 && !types.has(document.type)) continue;
        let distance: number | undefined;
        if (query.near && document.location) distance = distanceKm(query.near, document.location);
        if (query.radiusKm !== undefined && (distance === undefined || distance > query.radiusKm)) continue;

        // A document failing exactly one facet filter still counts for that facet, so a
        // resident sees how many results choosing another value there would give.
        let failed: Facet | undefined;
        let failures = 0;
        for (const facet of activeFacets) {
          const wanted = selected.get(facet);
          if (wanted && !facetValues(document, facet).some((value) => wanted.has(value))) {
            failed = facet;
            if (++failures > 1) break;
          }
        }
        if (failures === 1 && failed) count(document, failed);
        if (failures > 0) continue;
        for (const facet of FACETS) count(document, facet);
        matches.push({ slot, document, score: scored?.get(slot) ?? 0, ...(distance === undefined ? {} : { distance }) });
      }

      const byTitle = (a: Candidate, b: Candidate): number => titleOrder.compare(a.document.title, b.document.title) || a.slot - b.slot;
      const byScore = (a: Candidate, b: Candidate): number => b.score - a.score || byTitle(a, b);
      const byDistance = (a: Candidate, b: Candidate): number =>
        (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) || byScore(a, b);
      const compare = query.sort === 'distance' && query.near ? byDistance : query.sort === 'title' || !scored ? byTitle : byScore;

      const offset = (query.page - 1) * query.perPage;
      const page = topK(matches, offset + query.perPage, compare).slice(offset);
      const corrected = words.filter((word) => word.correction);
      return {
        hits: page.map(({ document, distance }) => ({ id: document.id, document, ...(distance === undefined ? {} : { distanceKm: distance }) })),
        total: matches.length,
        facets,
        ...(corrected.length > 0 ? { suggestion: suggest(query.text, words) } : {}),
        tookMs: performance.now() - started,
      };
    },

    async versions() {
      return new Map([...slotById].map(([id, slot]) => [id, documents[slot]?.version ?? 0]));
    },

    async close() {},
  };
}

/** The query with each misspelt word replaced by the word it most likely meant. */
function suggest(text: string, words: PlannedWord[]): string {
  const replacements = new Map(words.flatMap((word) => (word.correction ? [[word.word, word.correction] as const] : [])));
  return text
    .trim()
    .split(/\s+/)
    .map((part) => replacements.get(foldText(part)) ?? part)
    .join(' ');
}
