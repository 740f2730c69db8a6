// `npm run bench`: runs every benchmark under bench/<area>/run.{ts,mjs} in turn
// (or only the areas named: `npm run bench -- schema extract`). Benchmarks print
// figures and ratios; they never fail on a timing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wanted = process.argv.slice(2);
const areas = readdirSync(`${root}bench`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && (wanted.length === 0 || wanted.includes(d.name)))
  .map((d) => d.name)
  .sort();
let failed = 0;
for (const area of areas) {
  const script = ['run.ts', 'run.mjs']
    .map((f) => `bench/${area}/${f}`)
    .find((f) => existsSync(`${root}${f}`));
  if (!script) continue;
  console.log(`\n=== bench/${area} ===`);
  const args = script.endsWith('.ts')
    ? ['tsx', '--conditions=@nianbao/source', script]
    : ['node', script];
  const run = spawnSync('npx', args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
