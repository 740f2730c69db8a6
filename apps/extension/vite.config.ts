import { crx } from '@crxjs/vite-plugin';
import { defaultClientConditions, defineConfig } from 'vite';
import { privateExtension } from './build-plugins.ts';
import manifest from './manifest.config.ts';

export default defineConfig(({ command }) => ({
  resolve: { conditions: ['@nianbao/source', ...defaultClientConditions] },
  plugins: [crx({ manifest }), privateExtension()],
  build: {
    // crxjs's dev server writes a dev-only build into outDir: keep it apart.
    outDir: command === 'serve' ? 'dist-dev' : 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    // Chrome has modulepreload; the polyfill would only add a fetch() to the bundle.
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', strictPort: false },
}));
