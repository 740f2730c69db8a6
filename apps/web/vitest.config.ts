import react from '@vitejs/plugin-react';
import { defaultClientConditions } from 'vite';
import { defineProject } from 'vitest/config';

// Component tests run in happy-dom; the browser flows live in tests/web-*.test.ts.
export default defineProject({
  plugins: [react()],
  resolve: {
    conditions: ['@nianbao/source', ...defaultClientConditions],
  },
  test: {
    name: 'web',
    environment: 'happy-dom',
    // Imported portal pages link stylesheets and frames: nothing is loaded, quietly.
    environmentOptions: {
      happyDOM: {
        settings: {
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
        },
      },
    },
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
    // Component tests drive a whole form (and the extractor); shared CI cores are slow.
    testTimeout: 30_000,
  },
});
