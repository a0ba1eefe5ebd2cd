import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs both projects: the unit and API tests (fast, most of the suite) and the browser
 * journeys (skipped, saying so, when Debian's Chromium is not installed).
 */
export default defineConfig({
  test: {
    // Two cores: one database-backed test file per core.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['node_modules', 'dist', 'e2e'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
      './vitest.e2e.config.ts',
    ],
  },
});
