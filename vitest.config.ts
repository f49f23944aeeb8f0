import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // the engine's start-up variants, synchronously (the page's worker loads them lazily: variants.ts)
    // the import footprints from disk (the worker fetches them: worker/footprintsAsset.ts)
    setupFiles: ['src/engine/python/startup/eagerVariants.ts', 'tests/setup/footprints.ts'],
    // The JSON report feeds scripts/test-summary.mjs (CI's closing "N passed, N failed" line).
    reporters: ['default', ['json', { outputFile: '.cache/test-results/unit.json' }]],
  },
});
