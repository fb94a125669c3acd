import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/relevance/embedded-relevance.test.ts',
      'tests/search-contract/embedded-engine.test.ts',
    ],
    // Integration tests each open their own SQLite file; files run in parallel, tests within a file in order.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
