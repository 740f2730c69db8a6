#!/usr/bin/env node
// `nianbao` command: runs the bundled CLI. After a fresh `npm ci` the bundle
// does not exist yet, so build it once through vite's JavaScript API (its
// supported entry; its bin file is not exported) and then run it.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/nianbao.mjs', import.meta.url));

async function buildOnce() {
  process.stderr.write('nianbao: 首次运行，正在构建命令行工具（apps/cli/dist）…\n');
  try {
    const { build } = await import('vite');
    await build({ root: appDir, configFile: `${appDir}vite.config.ts`, logLevel: 'error' });
  } catch (error) {
    process.stderr.write(
      `nianbao: 构建失败（${error?.message ?? error}）；请运行 npm run build -w @nianbao/cli 查看原因\n`,
    );
    process.exit(2);
  }
  if (!existsSync(bundle)) {
    process.stderr.write('nianbao: 构建后仍找不到 apps/cli/dist/nianbao.mjs\n');
    process.exit(2);
  }
}

if (!existsSync(bundle)) await buildOnce();
await import(pathToFileURL(bundle).href);
