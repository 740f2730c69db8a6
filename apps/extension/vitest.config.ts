import { defaultClientConditions } from 'vite';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@nianbao/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@nianbao/source'] } },
  test: { name: 'extension', include: ['src/**/*.test.ts'] },
});
