import { defineConfig } from 'vitest/config';

/**
 * The search contract and the relevance suite against a running Meilisearch (`MEILI_URL`,
 * `MEILI_API_KEY`), each in its own index that it removes when done. One file at a time: they
 * share one server.
 */
export default defineConfig({
  test: {
    include: [
      'tests/search-contract/meilisearch-engine.test.ts',
      'tests/relevance/meilisearch-relevance.test.ts',
    ],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
