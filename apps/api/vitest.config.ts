import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@nianbao/source'] },
  ssr: { resolve: { conditions: ['@nianbao/source'] } },
  test: { name: 'api', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
