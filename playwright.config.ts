import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e/specs',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { trace: 'off' },
  outputDir: 'test-results',
});
