#!/usr/bin/env node
// `nianbao` command: runs the bundled CLI. After a fresh `npm ci` the bundle
// does not exist yet, so build it once (a few seconds) and then run it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/nianbao.mjs', import.meta.url));

if (!existsSync(bundle)) {
  process.stderr.write('nianbao: building the CLI once (apps/cli/dist)…\n');
  const build = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.resolve('vite/bin/vite.js')), 'build'],
    {
      cwd: appDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (build.status !== 0 || !existsSync(bundle)) {
    process.stderr.write('nianbao: build failed; run `npm run build -w @nianbao/cli` to see why\n');
    process.exit(2);
  }
}
await import(pathToFileURL(bundle).href);
