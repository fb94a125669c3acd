import { Meilisearch } from 'meilisearch';
import { describe } from 'vitest';
import { createMeilisearchEngine } from '#search/meilisearch/meilisearch-engine.ts';
import { describeRelevance } from './relevance-suite.ts';

// Runs only through `npm run test:meilisearch` (see tests/search-contract/meilisearch-engine.test.ts).
const url = process.env.MEILI_URL;
if (!url)
  throw new Error('MEILI_URL is niet gezet: npm run test:meilisearch heeft een draaiende Meilisearch nodig.');
const apiKey = process.env.MEILI_API_KEY;
const indexName = `wijkwijzer-relevance-${process.pid}`;

describe('relevance on the demo aanbod (Meilisearch)', () => {
  describeRelevance(
    () => createMeilisearchEngine({ url, apiKey, indexName }),
    async () => {
      const client = new Meilisearch({ host: url, ...(apiKey ? { apiKey } : {}) });
      await client.deleteIndex(indexName).waitTask();
    },
  );
});
