import { builtinModules } from 'node:module';
import { defaultServerConditions, defineConfig } from 'vite';

// Bundles the server for plain Node: workspace packages (TypeScript source under the
// @nianbao/source condition) are inlined; npm dependencies stay in node_modules
// (swagger-ui-dist must, its files are served from there).
export default defineConfig({
  resolve: { conditions: ['@nianbao/source', ...defaultServerConditions] },
  ssr: {
    resolve: {
      conditions: ['@nianbao/source', ...defaultServerConditions],
      externalConditions: ['node'],
    },
    noExternal: [/^@nianbao\//],
  },
  build: {
    // The server, and the worker that reads documents (see src/extract-pool.ts).
    ssr: true,
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      input: { server: 'src/server.ts', 'extract-worker': 'src/extract-worker.ts' },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        format: 'es',
      },
    },
  },
});
