import { distanceKm } from '#admin/location/distance.ts';
import { arrangePlaces, arrangesPlaces, rankedLength } from '../place-ranking.ts';
import type { SearchDocument } from '../search-document.ts';
import type { SearchEngine, SearchSettings } from '../search-engine.ts';
import { FACETS, type Facet, type SearchQuery, type SearchResult } from '../search-query.ts';
import { suggestSpelling } from '../suggest-spelling.ts';
import { foldText } from '../text/analyzer.ts';
import { createTextAnalyzer, type TextAnalyzer } from '../text/text-analyzer.ts';
import { FacetValues } from './facet-values.ts';
import { matchWords } from './match-words.ts';
import { planQuery } from './query-plan.ts';
import { ScoreBuffers } from './score-buffers.ts';
import { TermIndex } from './term-index.ts';
import { topK } from './top-k.ts';

/** What the engine keeps per document besides the index: the document, its facet value ids and a sort key. */
interface Stored {
  document: SearchDocument;
  /** Ids (see FacetValues) of every facet value the document has. */
  values: Int32Array;
  titleKey: string;
}

/** Everything one index consists of, so a rebuild can swap it as a whole. */
interface IndexState {
  index: TermIndex;
  stored: (Stored | undefined)[];
  slotById: Map<string, number>;
  values: FacetValues;
}

const emptyState = (): IndexState => ({
  index: new TermIndex(),
  stored: [],
  slotById: new Map(),
  values: new FacetValues(),
});

/**
 * The default engine: an in-process inverted index built for this product's size (a
 * municipality's aanbod, thousands to tens of thousands of documents). It rebuilds from the
 * database at start, so there is nothing to install or run next to the site.
 */
export function createEmbeddedEngine(): SearchEngine {
  let state = emptyState();
  let analyzer: TextAnalyzer = createTextAnalyzer({ synonyms: [] });
  const buffers = new ScoreBuffers();

  function removeId(target: IndexState, id: string): void {
    const slot = target.slotById.get(id);
    if (slot === undefined) return;
    target.index.remove(slot);
    target.stored[slot] = undefined;
    target.slotById.delete(id);
  }

  function write(target: IndexState, batch: SearchDocument[]): void {
    for (const document of batch) {
      removeId(target, document.id);
      const slot = target.index.add(
        analyzer.document([document.title, document.summary, document.keywords.join(' '), document.body]),
      );
      target.stored[slot] = {
        document,
        values: target.values.of(document),
        titleKey: foldText(document.title),
      };
      target.slotById.set(document.id, slot);
    }
  }

  function run(query: SearchQuery): SearchResult {
    const started = performance.now();
    const { index, stored, slotById, values } = state;
    const analysis = analyzer.query(query.text);
    const synonyms = (term: string) => analyzer.synonyms(term);
    const words = planQuery(analysis.words, index, synonyms);
    const matched =
      words.length > 0
        ? matchWords(words, planQuery(analysis.weakWords, index, synonyms), index, buffers)
        : undefined;
    const slots = matched ? matched.slots : slotById.values();

    // Facet filters as bit masks: a document satisfies facet f when one of its values is selected.
    let activeMask = 0;
    const selected = new Uint8Array(values.names.length);
    FACETS.forEach((facet, facetIndex) => {
      if (query.filters[facet].length === 0) return;
      activeMask |= 1 << facetIndex;
      for (const value of query.filters[facet]) {
        const id = values.find(facetIndex, value);
        if (id !== undefined) selected[id] = 1;
      }
    });
    const types = new Set(query.filters.type);
    const days = new Set(query.filters.dates);
    const counts = new Int32Array(values.names.length);
    const facetBit = Int32Array.from(values.facetOf, (facet) => 1 << facet);
    const near = query.near;
    // Distances per slot, so that sorting compares numbers and allocates nothing per match.
    const distances = near ? new Float64Array(index.slotCount).fill(Number.POSITIVE_INFINITY) : undefined;

    const matches: number[] = [];
    for (const slot of slots) {
      const entry = stored[slot];
      if (!entry) continue;
      const { document } = entry;
      if (types.size > 0 && !types.has(document.type)) continue;
      if (days.size > 0 && !document.dates?.some((date) => days.has(date))) continue;
      if (distances && near && document.location) distances[slot] = distanceKm(near, document.location);
      if (
        query.radiusKm !== undefined &&
        !((distances?.[slot] ?? Number.POSITIVE_INFINITY) <= query.radiusKm)
      )
        continue;

      // Indexed loops over typed arrays: this runs for every match, thousands per search.
      const ids = entry.values;
      let satisfied = 0;
      for (let at = 0; at < ids.length; at++) {
        const id = ids[at] ?? 0;
        if (selected[id] === 1) satisfied |= facetBit[id] ?? 0;
      }
      const failing = activeMask & ~satisfied;
      if (failing === 0) {
        for (let at = 0; at < ids.length; at++) {
          const id = ids[at] ?? 0;
          counts[id] = (counts[id] ?? 0) + 1;
        }
        matches.push(slot);
      } else if ((failing & (failing - 1)) === 0) {
        // Failing exactly one facet filter still counts for that facet, so a resident sees
        // how many results choosing another value there would give.
        for (let at = 0; at < ids.length; at++) {
          const id = ids[at] ?? 0;
          if (facetBit[id] === failing) counts[id] = (counts[id] ?? 0) + 1;
        }
      }
    }
    const facets = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as Record<
      Facet,
      Record<string, number>
    >;
    counts.forEach((count, id) => {
      const facet = FACETS[values.facetOf[id] ?? 0];
      if (count > 0 && facet) facets[facet][values.names[id] ?? ''] = count;
    });

    const byTitle = (a: number, b: number): number => {
      const left = stored[a]?.titleKey ?? '';
      const right = stored[b]?.titleKey ?? '';
      return left < right ? -1 : left > right ? 1 : a - b;
    };
    const scores = matched?.scores;
    const byScore = (a: number, b: number): number =>
      (scores ? (scores[b] ?? 0) - (scores[a] ?? 0) : 0) || byTitle(a, b);
    const byDistance = (a: number, b: number): number =>
      (distances ? (distances[a] ?? 0) - (distances[b] ?? 0) : 0) || byScore(a, b);
    const inOrder =
      query.sort === 'distance' && distances
        ? byDistance
        : query.sort === 'title' || !scores
          ? byTitle
          : byScore;
    // When no document has every word, documents with more of the words come first, whatever the order.
    const coverage = matched?.coverage;
    const compare = coverage
      ? (a: number, b: number): number => (coverage[b] ?? 0) - (coverage[a] ?? 0) || inOrder(a, b)
      : inOrder;

    const arranged = arrangesPlaces(query, analysis.namesPlace);
    const ranked = topK(matches, rankedLength(query, arranged), compare);
    const ordered = arranged
      ? arrangePlaces(ranked, (slot) => stored[slot]?.document.type ?? 'listing')
      : ranked;
    const offset = (query.page - 1) * query.perPage;
    const corrections = new Map(
      words.flatMap((word) => (word.correction ? [[word.word, word.correction] as const] : [])),
    );
    return {
      hits: ordered.slice(offset, offset + query.perPage).flatMap((slot) => {
        const document = stored[slot]?.document;
        if (!document) return [];
        const distance = distances?.[slot] ?? Number.POSITIVE_INFINITY;
        return [
          { id: document.id, document, ...(Number.isFinite(distance) ? { distanceKm: distance } : {}) },
        ];
      }),
      total: matches.length,
      facets,
      ...(corrections.size > 0 ? { suggestion: suggestSpelling(query.text, corrections) } : {}),
      tookMs: performance.now() - started,
    };
  }

  return {
    name: 'embedded',

    async configure(settings: SearchSettings) {
      analyzer = createTextAnalyzer(settings);
    },

    async upsert(batch) {
      write(state, batch);
      return 'done';
    },

    async remove(ids) {
      for (const id of ids) removeId(state, id);
      return 'done';
    },

    async rebuild(fill) {
      const next = emptyState();
      await fill(async (batch) => write(next, batch));
      state = next;
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      try {
        return run(query);
      } finally {
        buffers.returnAll();
      }
    },

    async versions() {
      const { slotById, stored } = state;
      return new Map([...slotById].map(([id, slot]) => [id, stored[slot]?.document.version ?? 0]));
    },

    async close() {},
  };
}
