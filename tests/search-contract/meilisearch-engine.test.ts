import { describe } from 'vitest';
import { createMeilisearchEngine } from '#search/meilisearch/meilisearch-engine.ts';
import { describeSearchEngineContract } from './search-engine-contract.ts';

// Runs only through `npm run test:meilisearch`; without MEILI_URL that command fails rather
// than reporting a skipped suite.
const url = process.env.MEILI_URL;
if (!url)
  throw new Error('MEILI_URL is niet gezet: npm run test:meilisearch heeft een draaiende Meilisearch nodig.');

describe('Meilisearch engine', () => {
  describeSearchEngineContract(() =>
    createMeilisearchEngine({
      url,
      apiKey: process.env.MEILI_API_KEY,
      indexName: `wijkwijzer-contract-${process.pid}`,
    }),
  );
});
