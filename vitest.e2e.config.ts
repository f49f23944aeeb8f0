import { defineConfig } from 'vitest/config';

// Browser tests against the production build (run `npm run build` first; test:e2e does).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: '.cache/test-results/e2e.json' }]],
  },
});
