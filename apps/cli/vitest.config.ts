import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@nianbao/source'] },
  ssr: { resolve: { conditions: ['@nianbao/source'] } },
  test: { name: 'cli', include: ['src/**/*.test.ts'] },
});
