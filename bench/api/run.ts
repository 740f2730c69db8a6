/**
 * Load on the API from a second process: autocannon (here) against the bundled server
 * (a child process), 50 connections for 30 s each on POST /api/v1/validate with a real
 * report and on GET /healthz. Prints req/s, p50/p99 latency, non-2xx count, the server's
 * resident memory before and after, and the ratio of the two throughputs. Then the
 * hostile loads of issue 11 (hostile.ts), one after the other: /healthz latency p50/p99
 * meanwhile, a third client's /check, and the RSS of the server and its workers (peak,
 * after). Figures, never pass/fail.
 *
 *   npm run bench -- api             (BENCH_SECONDS=5 for a quick look; BENCH_LOADS=bomb
 *                                     runs only the loads whose name holds "bomb";
 *                                     BENCH_SECONDS=0 skips autocannon)
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { extract } from '@nianbao/extract/node';
import autocannon from 'autocannon';
import { corpusPath } from '../../tests/corpus.ts';
import { runHostile } from './hostile.ts';
import { rssMiB as serverRssMiB } from './hostile-inputs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// biome-ignore lint/suspicious/noUndeclaredEnvVars: benchmarks run outside turbo
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = 50;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const rssMiB = (pid: number) => {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
};

const build = spawnSync(
  'node_modules/.bin/turbo',
  ['run', 'build', '--filter=@nianbao/api', '--output-logs=errors-only'],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  },
);
if (build.status !== 0) throw new Error('building the API failed');

// A real report: the Shanghai 2019 page as extracted (tables 二, 三, 四 filled).
const { report } = await extract(
  { kind: 'html', html: readFileSync(corpusPath('pages/sh-gov-office-2019.fragment.html')) },
  {},
);
const body = JSON.stringify(report);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['apps/api/dist/server.js'], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMIT: 'off',
    NODE_ENV: 'production',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 100) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const check = await fetch(`${base}/api/v1/validate`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json' },
  });
  const { summary } = (await check.json()) as { summary: { total: number } };
  console.log(
    `report: ${report.meta.title} (${body.length} bytes of JSON, ${summary.total} findings)`,
  );
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s per endpoint, rate limit off, one log line per request\n`,
  );

  if (SECONDS > 0) await throughput();
  console.log('\nhostile loads (RSS: the server and its worker processes)');
  console.log(`server RSS at rest: ${(await serverRssMiB(server.pid!)).toFixed(0)} MiB`);
  await runHostile(base, server.pid!, (line) => console.log(line));
} finally {
  server.kill('SIGTERM');
}

async function throughput() {
  const rssStart = rssMiB(server.pid!);
  const run = (title: string, path: string, opts: Partial<autocannon.Options> = {}) =>
    autocannon({
      url: `${base}${path}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      title,
      ...opts,
    });
  const validate = await run('POST /api/v1/validate', '/api/v1/validate', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  const rssAfterValidate = rssMiB(server.pid!);
  const health = await run('GET /healthz', '/healthz');
  const rssEnd = rssMiB(server.pid!);

  const row = (r: autocannon.Result) =>
    `${r.title!.padEnd(24)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx ${r.non2xx + r.errors + r.timeouts}`;
  console.log(row(validate));
  console.log(row(health));
  console.log(
    `\nthroughput ratio validate / healthz: ${(validate.requests.average / health.requests.average).toFixed(3)}`,
  );
  console.log(
    `server RSS: ${rssStart.toFixed(1)} MiB before, ${rssAfterValidate.toFixed(1)} MiB after validate, ${rssEnd.toFixed(1)} MiB after healthz`,
  );
  for (const r of [validate, health]) {
    const codes = Object.entries(r.statusCodeStats ?? {}).map(
      ([code, { count }]) => `${code}×${count}`,
    );
    console.log(`${r.title}: status codes ${codes.join(', ')}`);
  }
  if (validate.non2xx + health.non2xx + validate.errors + health.errors > 0) {
    console.log('WARNING: some responses were not 2xx');
    process.exitCode = 1;
  }
}
