import { distanceKm } from '#admin/location/distance.ts';
import type { SearchDocument } from '../search-document.ts';
import type { SearchEngine, SearchSettings } from '../search-engine.ts';
import { FACETS, type Facet, type SearchQuery, type SearchResult } from '../search-query.ts';
import { foldText } from '../text/analyzer.ts';
import { planQuery, type PlannedWord } from './query-plan.ts';
import { buildSynonymTable } from './synonym-table.ts';
import { TermIndex } from './term-index.ts';
import { topK } from './top-k.ts';

/** What the engine keeps per document besides the index: the document, its facet value ids and a sort key. */
interface Stored {
  document: SearchDocument;
  /** Ids (see FacetValues) of every facet value the document has. */
  values: Int32Array;
  titleKey: string;
}

function facetValues(document: SearchDocument, facet: Facet): readonly string[] {
  const value = document[facet];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/**
 * Numbers every facet value ever seen, so that filtering and counting thousands of matches is
 * array arithmetic instead of string lookups.
 */
class FacetValues {
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

/**
 * The default engine: an in-process inverted index built for this product's size (a
 * municipality's aanbod, thousands to tens of thousands of documents). It rebuilds from the
 * database at start, so there is nothing to install or run next to the site.
 */
export function createEmbeddedEngine(): SearchEngine {
  let index = new TermIndex();
  let stored: (Stored | undefined)[] = [];
  let slotById = new Map<string, number>();
  let values = new FacetValues();
  let synonyms = new Map<string, string[]>();

  function removeId(id: string): void {
    const slot = slotById.get(id);
    if (slot === undefined) return;
    index.remove(slot);
    stored[slot] = undefined;
    slotById.delete(id);
  }

  /**
   * Scores per slot for the documents matching every word. When no document has them all,
   * every document matching some word counts, ranked by the summed scores: in "mijn vrouw is
   * overleden" the rare, meaningful match on "overleden" then outweighs a stray "vrouw".
   */
  function matchWords(words: PlannedWord[]): { slots: number[]; scores: Float64Array } {
    const perWord = words.map((word) => {
      const scores = new Float64Array(index.slotCount);
      const slots: number[] = [];
      for (const alternative of word.alternatives)
        index.score(alternative.term, alternative.factor, alternative.fields, scores, slots);
      return { slots, scores };
    });
    const [first, ...others] = perWord;
    if (!first) return { slots: [], scores: new Float64Array(0) };
    if (others.length === 0) return first;

    const smallest = perWord.reduce((a, b) => (b.slots.length < a.slots.length ? b : a));
    const scores = new Float64Array(index.slotCount);
    const slots = smallest.slots.filter((slot) => {
      let total = 0;
      for (const word of perWord) {
        const score = word.scores[slot] ?? 0;
        if (score === 0) return false;
        total += score;
      }
      scores[slot] = total;
      return true;
    });
    if (slots.length > 0) return { slots, scores };

    const union: number[] = [];
    for (const word of perWord) {
      for (const slot of word.slots) {
        if (scores[slot] === 0) union.push(slot);
        scores[slot] = (scores[slot] ?? 0) + (word.scores[slot] ?? 0);
      }
    }
    return { slots: union, scores };
  }

  return {
    name: 'embedded',

    async configure(settings: SearchSettings) {
      synonyms = buildSynonymTable(settings.synonyms);
    },

    async upsert(batch) {
      for (const document of batch) {
        removeId(document.id);
        const slot = index.add([
          document.title,
          document.summary,
          document.keywords.join(' '),
          document.body,
        ]);
        stored[slot] = { document, values: values.of(document), titleKey: foldText(document.title) };
        slotById.set(document.id, slot);
      }
    },

    async remove(ids) {
      for (const id of ids) removeId(id);
    },

    async clear() {
      index = new TermIndex();
      stored = [];
      slotById = new Map();
      values = new FacetValues();
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const started = performance.now();
      const words = planQuery(query.text, index, synonyms);
      const scored = words.length > 0 ? matchWords(words) : undefined;
      const slots = scored ? scored.slots : slotById.values();

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

        let satisfied = 0;
        for (const id of entry.values) if (selected[id] === 1) satisfied |= 1 << (values.facetOf[id] ?? 0);
        const failing = activeMask & ~satisfied;
        if (failing === 0) {
          for (const id of entry.values) counts[id] = (counts[id] ?? 0) + 1;
          matches.push(slot);
        } else if ((failing & (failing - 1)) === 0) {
          // Failing exactly one facet filter still counts for that facet, so a resident sees
          // how many results choosing another value there would give.
          for (const id of entry.values)
            if (1 << (values.facetOf[id] ?? 0) === failing) counts[id] = (counts[id] ?? 0) + 1;
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
      const scores = scored?.scores;
      const byScore = (a: number, b: number): number =>
        (scores ? (scores[b] ?? 0) - (scores[a] ?? 0) : 0) || byTitle(a, b);
      const byDistance = (a: number, b: number): number =>
        (distances ? (distances[a] ?? 0) - (distances[b] ?? 0) : 0) || byScore(a, b);
      const compare =
        query.sort === 'distance' && distances
          ? byDistance
          : query.sort === 'title' || !scores
            ? byTitle
            : byScore;

      const offset = (query.page - 1) * query.perPage;
      const page = topK(matches, offset + query.perPage, compare).slice(offset);
      const corrected = words.filter((word) => word.correction);
      return {
        hits: page.flatMap((slot) => {
          const document = stored[slot]?.document;
          if (!document) return [];
          const distance = distances?.[slot] ?? Number.POSITIVE_INFINITY;
          return [
            { id: document.id, document, ...(Number.isFinite(distance) ? { distanceKm: distance } : {}) },
          ];
        }),
        total: matches.length,
        facets,
        ...(corrected.length > 0 ? { suggestion: suggest(query.text, words) } : {}),
        tookMs: performance.now() - started,
      };
    },

    async versions() {
      return new Map([...slotById].map(([id, slot]) => [id, stored[slot]?.document.version ?? 0]));
    },

    async close() {},
  };
}

/** The query with each misspelt word replaced by the word it most likely meant. */
function suggest(text: string, words: PlannedWord[]): string {
  const replacements = new Map(
    words.flatMap((word) => (word.correction ? [[word.word, word.correction] as const] : [])),
  );
  return text
    .trim()
    .split(/\s+/)
    .map((part) => replacements.get(foldText(part)) ?? part)
    .join(' ');
}
