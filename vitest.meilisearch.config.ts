import { defineConfig } from 'vitest/config';

/** The search contract against a running Meilisearch (`MEILI_URL`, `MEILI_API_KEY`). */
export default defineConfig({
  test: {
    include: ['tests/search-contract/meilisearch-engine.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
