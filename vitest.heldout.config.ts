import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The held-out solution-extraction run (`npm run eval:extraction`, ~10 minutes): kept out of
 * `npm test` because it measures the leak guard rather than gating it — it is a held-out set, and
 * its last measurement still finds leaks (evals/heldout/extraction/README.md).
 */
export default mergeConfig(
  base,
  defineConfig({ test: { include: ['test/security/**/*.heldout.ts'], testTimeout: 1_800_000 } }),
);
