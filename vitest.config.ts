import { defineConfig } from 'vitest/config';

// One vitest run covers every workspace (so CI can count one total) plus the
// end-to-end suites under tests/. Each project keeps its own config file.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests'],
  },
});
