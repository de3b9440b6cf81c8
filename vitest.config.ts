import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, no database) and `integration` (a real Neo4j started once by
// the global setup). `npm test` runs both; `npx vitest run --project unit` runs the fast half.
export default defineConfig({
  test: {
    // One shared Neo4j on a 2-core machine: files run one at a time so integration suites never
    // see each other's writes and the database is not starved (a global-only option).
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          setupFiles: ['tests/unit/fuzz-seed.ts'],
        },
      },
      {
        // Node loads graphql's CommonJS build (its package has no "exports"), so Apollo, graphql-ws
        // and @graphql-tools do; vite would give the project's own files its ES build, and graphql
        // refuses a schema built by the other copy (the WebSocket server validates with it).
        resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
