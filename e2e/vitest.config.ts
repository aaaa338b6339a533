import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // One browser and one server at a time: the flows share nothing, but the machine has 2 cores.
    fileParallelism: false,
  },
});
