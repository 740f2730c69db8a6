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
    // Two entries: the CLI, and the reader thread it starts for large batches (dist/worker.mjs).
    ssr: true,
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { nianbao: 'src/cli.ts', worker: 'src/worker.ts' },
      output: {
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
        format: 'es',
      },
    },
  },
  logLevel: 'warn',
});
