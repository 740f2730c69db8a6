import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/**
 * After crxjs has written the extension:
 * - drop `web_accessible_resources`: the checker is injected with
 *   chrome.scripting.executeScript, which needs none, and without them no page
 *   can probe for the extension or load its files;
 * - delete the intermediate ESM chunks crxjs leaves behind for IIFE scripts
 *   (unreferenced; they would only mislead a size measurement).
 */
export function privateExtension(): Plugin {
  let outDir = 'dist';
  return {
    name: 'nianbao:private-extension',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/')
        ? config.build.outDir
        : join(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      handler() {
        const manifestPath = join(outDir, 'manifest.json');
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
        delete manifest.web_accessible_resources;
        writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

        const files = listFiles(outDir);
        const texts = files
          .filter((f) => /\.(js|html|json|css)$/.test(f))
          .map((f) => readFileSync(f, 'utf8'));
        for (const file of files) {
          const name = relative(outDir, file);
          if (!/^assets\/.*\.iife\.ts-[\w-]+\.js$/.test(name)) continue;
          const base = name.slice('assets/'.length);
          const referenced = texts.some((t) => t.includes(base));
          if (!referenced) rmSync(file);
        }
      },
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}
