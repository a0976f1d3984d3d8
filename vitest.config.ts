import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    sequence: { shuffle: true },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // the Playwright half of hxkit/testing runs in e2e/, not under vitest
      exclude: ['src/**/index.ts', 'src/testing/playwright.ts', 'src/testing/idle.ts'],
      // npm test fails below these (the kit's own code, src/ only)
      thresholds: { lines: 95, statements: 95, functions: 95, branches: 90 },
    },
  },
})
