import { Meilisearch } from 'meilisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { createMeilisearchEngine } from '#search/meilisearch/meilisearch-engine.ts';
import { SearchEngineError, SearchUnavailableError, type SearchSettings } from '#search/search-engine.ts';
import { SearchQuerySchema } from '#search/search-query.ts';
import { createTextAnalyzer } from '#search/text/text-analyzer.ts';
import { FIXTURE_DOCUMENTS, FIXTURE_SYNONYMS } from './fixture-documents.ts';
import { describeSearchEngineContract } from './search-engine-contract.ts';

// Runs only through `npm run test:meilisearch`; without MEILI_URL that command fails rather
// than reporting a skipped suite.
const url = process.env.MEILI_URL;
if (!url)
  throw new Error('MEILI_URL is niet gezet: npm run test:meilisearch heeft een draaiende Meilisearch nodig.');
const apiKey = process.env.MEILI_API_KEY;
const client = new Meilisearch({ host: url, ...(apiKey ? { apiKey } : {}) });
const prefix = `wijkwijzer-contract-${process.pid}`;
const settings: SearchSettings = { synonyms: FIXTURE_SYNONYMS };
const engineFor = (indexName: string) => createMeilisearchEngine({ url, apiKey, indexName });
const search = (text: string) => SearchQuerySchema.parse({ text });

afterAll(async () => {
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const index of results.filter((candidate) => candidate.uid.startsWith(prefix)))
    await client.deleteIndex(index.uid).waitTask();
});

describe('Meilisearch engine', () => {
  describeSearchEngineContract(() => engineFor(prefix));
});

describe('Meilisearch engine, when Meilisearch is not as it left it', () => {
  it('sets the index up again after someone deleted it, instead of failing until a restart', async () => {
    const engine = engineFor(`${prefix}-verwijderd`);
    await engine.configure(settings);
    await engine.upsert(FIXTURE_DOCUMENTS);
    await client.deleteIndex(`${prefix}-verwijderd`).waitTask();

    expect((await engine.search(search('schulden'))).total).toBe(0);
    await engine.upsert(FIXTURE_DOCUMENTS);
    const found = await engine.search(
      SearchQuerySchema.parse({ text: 'schulden', filters: { lifeDomains: ['geld'] } }),
    );
    expect(found.hits[0]?.id).toBe('schuldhulp');
  });

  it('sets the index up again after someone recreated it without our settings', async () => {
    const name = `${prefix}-opnieuw`;
    const engine = engineFor(name);
    await engine.configure(settings);
    await engine.upsert(FIXTURE_DOCUMENTS);
    await client.deleteIndex(name).waitTask();
    await client.createIndex(name, { primaryKey: 'id' }).waitTask();

    // Filtering and sorting on attributes the bare index does not know, then writing and finding.
    const filtered = SearchQuerySchema.parse({
      text: 'schulden',
      filters: { lifeDomains: ['geld'] },
      sort: 'title',
    });
    expect((await engine.search(filtered)).total).toBe(0);
    await engine.upsert(FIXTURE_DOCUMENTS);
    expect((await engine.search(filtered)).hits.map((hit) => hit.id)).toEqual(['schuldhulp']);
  });

  it('starts when another process creates the same index at the same moment', async () => {
    const engines = [engineFor(`${prefix}-samen`), engineFor(`${prefix}-samen`)];
    await Promise.all(engines.map((engine) => engine.configure(settings)));
    await engines[0]?.upsert(FIXTURE_DOCUMENTS.slice(0, 2));
    expect((await engines[1]?.versions())?.size).toBe(2);
  });

  it('leaves out a stored document that does not fit, and reports it outdated so the sync writes it again', async () => {
    const engine = engineFor(`${prefix}-kapot`);
    await engine.configure(settings);
    await engine.upsert(FIXTURE_DOCUMENTS);
    const fingerprint = createTextAnalyzer(settings).fingerprint;
    await client
      .index(`${prefix}-kapot`)
      .addDocuments([{ id: 'kapot', type: 'listing', version: 4, analysis: fingerprint, tTitle: 'schuld' }])
      .waitTask();

    const result = await engine.search(search('schulden'));
    expect(result.hits.map((hit) => hit.id)).not.toContain('kapot');
    expect(result.hits[0]?.id).toBe('schuldhulp');
    expect((await engine.versions()).get('kapot')).toBe(0);
    expect((await engine.versions()).get('schuldhulp')).toBe(1);
  });

  it('lets a save go on after a short wait while Meilisearch is still writing', async () => {
    const engine = engineFor(`${prefix}-druk`);
    await engine.configure(settings);
    const many = Array.from({ length: 3000 }, (_, number) => ({
      ...FIXTURE_DOCUMENTS[0]!,
      id: `veel-${number}`,
      title: `Schuldhulp ${number}`,
    }));
    expect(await engine.upsert(many, { maxWaitMs: 1 })).toBe('pending');
    await engine.upsert(FIXTURE_DOCUMENTS.slice(0, 1));
    expect((await engine.versions()).size).toBe(3001);
  });

  it('reports a request Meilisearch refuses as a fault, and an unreachable Meilisearch as unavailable', async () => {
    const engine = engineFor(`${prefix}-fout`);
    await engine.configure(settings);
    // Meilisearch takes ids up to 511 bytes: a longer one is a fault in what we send.
    const refused = await engine.upsert([{ ...FIXTURE_DOCUMENTS[0]!, id: 'x'.repeat(600) }]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SearchEngineError);

    const unreachable = createMeilisearchEngine({
      url: 'http://127.0.0.1:9',
      indexName: 'x',
      timeoutMs: 500,
    });
    await expect(unreachable.search(search('schulden'))).rejects.toBeInstanceOf(SearchUnavailableError);
  });
});
