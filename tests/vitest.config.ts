import { defineProject } from 'vitest/config';

// End-to-end suites: real servers, real Chromium, the built apps.
export default defineProject({
  resolve: { conditions: ['@nianbao/source'] },
  ssr: { resolve: { conditions: ['@nianbao/source'] } },
  test: {
    name: 'e2e',
    include: ['**/*.e2e.test.ts', '**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
