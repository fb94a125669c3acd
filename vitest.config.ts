import { defineConfig } from 'vitest/config';

/**
 * Three projects: what needs no database (unit, search contract, relevance), and every
 * integration file twice, once on SQLite and once on PostgreSQL. The PostgreSQL project starts a
 * throwaway server of its own unless TEST_DATABASE_URL names one.
 */
const integration = ['tests/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    // Integration tests each open their own database; files run in parallel, tests within a file in order.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/relevance/embedded-relevance.test.ts',
            'tests/search-contract/embedded-engine.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: { name: 'integration:sqlite', include: integration, env: { TEST_DATABASE: 'sqlite' } },
      },
      {
        extends: true,
        test: {
          name: 'integration:postgres',
          include: integration,
          env: { TEST_DATABASE: 'postgres' },
          globalSetup: ['tests/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
