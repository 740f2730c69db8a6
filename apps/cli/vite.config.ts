import { defaultServerConditions, defineConfig } from 'vite';

// Bundles the CLI into one ESM file for Node 20 (dist/nianbao.mjs) so that it
// starts fast and runs without tsx: workspace packages (TS source under the
// @nianbao/source condition) and npm dependencies are all inlined.
export default defineConfig({
  resolve: { conditions: ['@nianbao/source', ...defaultServerConditions] },
  ssr: {
    noExternal: true,
    resolve: {
      conditions: ['@nianbao/source', ...defaultServerConditions],
      externalConditions: ['@nianbao/source'],
    },
  },
  build: {
    ssr: 'src/cli.ts',
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'nianbao.mjs', format: 'es' } },
  },
  logLevel: 'warn',
});
