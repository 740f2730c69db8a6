import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@nianbao/source'] },
  ssr: { resolve: { conditions: ['@nianbao/source'] } },
  test: { name: 'render', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
