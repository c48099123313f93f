import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/per-file-database.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only queue on Postgres and the CPU.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'warn', MASTRA_TELEMETRY_DISABLED: '1' },
  },
});
