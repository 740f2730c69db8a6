// `npm start`: builds what is missing or stale (turbo restores unchanged builds from
// its cache), then serves the API and the built web app on http://127.0.0.1:8787
// (PORT, HOST and the other variables of apps/api/README.md). The server runs in this
// process, so SIGINT/SIGTERM reach it directly: it finishes requests in flight and exits.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = `${root}apps/api/dist/server.js`;
const turbo = `${root}node_modules/.bin/turbo`;

function build(pkg) {
  const run = spawnSync(turbo, ['run', 'build', `--filter=${pkg}`, '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  });
  if (run.error)
    console.error(`npm start: cannot run turbo (${run.error.message}); run npm ci first.`);
  return run.status === 0;
}

const hasBuild = (dir) => {
  try {
    return Boolean(JSON.parse(readFileSync(`${root}${dir}/package.json`, 'utf8')).scripts?.build);
  } catch {
    return false;
  }
};

if (!build('@nianbao/api') || !existsSync(server)) {
  console.error('npm start: building the API failed; see the messages above.');
  process.exit(1);
}
// The web app is optional for the API: without it, / shows a page that links to /docs.
if (hasBuild('apps/web') && !build('@nianbao/web')) {
  const stale = existsSync(`${root}apps/web/dist/index.html`);
  console.error(
    `npm start: building the web app failed; serving ${stale ? 'its previous build' : 'the API only'}.`,
  );
}

await import(pathToFileURL(server).href);
