import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { createSearchLog } from '#admin/search-log/search-log-buffer.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { createCrisisDetector } from '#search/crisis/crisis-detector.ts';
import { createDocumentSource } from '#search/document-source.ts';
import { performSearch } from '#search/perform-search.ts';
import type { SearchEngine } from '#search/search-engine.ts';
import { SearchQuerySchema, type SearchQueryInput } from '#search/search-query.ts';
import { createSearchService, type SearchService } from '#search/search-service.ts';
import { searchSettings } from '#search/search-settings.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import {
  CRISIS_QUERIES,
  NOT_CRISIS_QUERIES,
  RELEVANCE_CASES,
  type RelevanceCase,
} from './relevance-cases.ts';

/** The share of cases that must find a right answer in the top three, on every engine. */
const TARGET = 0.95;

const pathOf = (expected: string): string => (expected.startsWith('/') ? expected : `/aanbod/${expected}`);
const isSentence = (query: string): boolean => query.trim().split(/\s+/).length >= 3;

/**
 * The relevance suite against one engine, on the demo aanbod as the site serves it (listings
 * from the database, wijk pages and ankerplaatsen from content).
 */
export function describeRelevance(makeEngine: () => SearchEngine, cleanUp?: () => Promise<void>): void {
  const content = loadContent(contentRoot);
  let database: TempDatabase;
  let service: SearchService;
  let engine: SearchEngine;
  const search = (input: SearchQueryInput) => service.search(SearchQuerySchema.parse(input));

  beforeAll(async () => {
    database = await tempDatabase();
    await prepareDatabase(database.db, { content, contentRoot, demoData: true });
    engine = makeEngine();
    service = createSearchService({
      engine,
      source: createDocumentSource(database.db, content),
      settings: searchSettings(content),
      crisis: createCrisisDetector(content.crisis, content.municipality.urgentHelp),
      syncIntervalMs: 0,
    });
    await service.ready();
  });
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    await cleanUp?.();
  });

  async function miss(entry: RelevanceCase): Promise<string | undefined> {
    const { hits } = await search({
      text: entry.query,
      ...(entry.filters ? { filters: entry.filters } : {}),
      perPage: 3,
    });
    const shown = hits.map((hit) => hit.document.url);
    if (entry.top3.some((expected) => shown.includes(pathOf(expected)))) return undefined;
    return `"${entry.query}": wanted one of ${entry.top3.join(', ')}; got ${shown.join(', ') || 'nothing'}`;
  }

  describe('what residents type', () => {
    it('is a suite of whole sentences and single words, each naming the right listings', () => {
      expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(120);
      expect(RELEVANCE_CASES.filter((entry) => isSentence(entry.query)).length).toBeGreaterThanOrEqual(60);
      expect(new Set(RELEVANCE_CASES.map((entry) => entry.query)).size).toBe(RELEVANCE_CASES.length);
    });

    it(`finds a right answer in the top three for at least ${TARGET * 100} % of the cases`, async () => {
      const misses: string[] = [];
      for (const entry of RELEVANCE_CASES) {
        const missed = await miss(entry);
        if (missed) misses.push(missed);
      }
      const passed = RELEVANCE_CASES.length - misses.length;
      const sentences = RELEVANCE_CASES.filter((entry) => isSentence(entry.query)).length;
      console.log(
        `relevance (${engine.name}): ${passed}/${RELEVANCE_CASES.length} = ${((100 * passed) / RELEVANCE_CASES.length).toFixed(1)} % ` +
          `(${sentences} whole sentences)${misses.length > 0 ? `\n  missed:\n  ${misses.join('\n  ')}` : ''}`,
      );
      expect(passed / RELEVANCE_CASES.length, misses.join('\n')).toBeGreaterThanOrEqual(TARGET);
    });
  });

  describe('crisis wording', () => {
    const log = () => createSearchLog(database.db, 60_000);

    it.each(CRISIS_QUERIES)(
      '"$query" puts the $situation numbers first and still shows results',
      async ({ query, situation }) => {
        const state = { query: SearchQuerySchema.parse({ text: query }) };
        const outcome = await performSearch(service, log(), state);
        expect(outcome.crisis?.situations).toContain(situation);
        const first = content.crisis.situations.find(
          (candidate) => candidate.id === outcome.crisis?.situations[0],
        );
        expect(outcome.crisis?.numbers[0]?.phone).toBe(first?.call);
        expect(outcome.status).toBe('ok');
      },
    );

    it('still answers "ik wil niet meer leven" with aanbod below the numbers', async () => {
      const outcome = await performSearch(service, log(), {
        query: SearchQuerySchema.parse({ text: 'ik wil niet meer leven' }),
      });
      expect(outcome.crisis?.numbers.map((help) => help.phone)).toEqual(['0800-0113', '0800-2000', '112']);
      expect(outcome.status === 'ok' && outcome.result.total).toBeGreaterThan(0);
    });

    it.each(NOT_CRISIS_QUERIES)('"%s" is an everyday search', async (query) => {
      const outcome = await performSearch(service, log(), {
        query: SearchQuerySchema.parse({ text: query }),
      });
      expect(outcome.crisis).toBeUndefined();
    });
  });

  describe('wijk pages and ankerplaatsen', () => {
    const placeTypes = new Set(['neighbourhood', 'anchorPlace']);

    it.each(['eenzaam', 'schulden', 'opvoeden', 'ik voel me alleen', 'zorg thuis', 'hulp'])(
      '"%s" shows at most one of them in the top five',
      async (text) => {
        const { hits } = await search({ text, perPage: 5 });
        expect(hits).toHaveLength(5);
        expect(hits.filter((hit) => placeTypes.has(hit.document.type)).length).toBeLessThanOrEqual(1);
      },
    );

    it('keeps the ones it moved down on the next places, in both pages', async () => {
      const all = (await search({ text: 'eenzaam', perPage: 50 })).hits.map((hit) => hit.id);
      const first = (await search({ text: 'eenzaam', perPage: 4 })).hits.map((hit) => hit.id);
      const second = (await search({ text: 'eenzaam', perPage: 4, page: 2 })).hits.map((hit) => hit.id);
      expect([...first, ...second]).toEqual(all.slice(0, 8));
      expect(all.filter((id) => !id.startsWith('listing-')).length).toBeGreaterThan(1);
    });

    it.each([
      ['wijkteam bolnes', '/wijken/bolnes'],
      ['ankerplaats oost', '/wijken/oost'],
      ['slikkerveer', '/wijken/slikkerveer'],
      ['inloop wijkteam drievliet', '/wijken/drievliet-het-zand'],
    ])('"%s" shows the page %s first', async (text, path) => {
      const { hits } = await search({ text, perPage: 3 });
      expect(hits[0]?.document.url.split('#')[0]).toBe(path);
    });
  });
}
