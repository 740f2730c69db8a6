// `npm start`: builds what is missing, then serves the API and the web app on
// http://127.0.0.1:8787 (PORT, HOST). Until the API exists it runs a demo that
// checks the seed report and prints its findings.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = `${root}apps/api/dist/server.js`;
const hasApi = existsSync(`${root}apps/api/src/server.ts`);

if (hasApi) {
  const build = spawnSync(
    'npx',
    [
      'turbo',
      'run',
      'build',
      '--filter=@nianbao/api...',
      '--filter=@nianbao/web...',
      '--output-logs=errors-only',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
  if (build.status !== 0 || !existsSync(server)) {
    console.error('npm start: the build failed; see the messages above.');
    process.exit(1);
  }
  const child = spawn(process.execPath, [server], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const demo = spawnSync('npx', ['tsx', '--conditions=@nianbao/source', 'scripts/demo.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(demo.status ?? 1);
}
