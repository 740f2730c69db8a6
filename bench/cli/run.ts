// bench/cli: the built CLI on a batch of 1,000 reports (the corpus repeated):
// wall time, reports per second and peak memory, per output format and
// concurrency, plus start-up time, and the cost of isolating every document on a
// worker (heap cap, time limit) against reading unisolated in one thread. `tsx bench/cli/run.ts 200` runs a smaller batch. Prints figures and ratios; never fails on a timing.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR } from '../../tests/corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'apps/cli/dist/nianbao.mjs');
const TARGET = Number(process.argv[2] ?? 1000);
// Prints the process's peak resident set size when it exits (the CLI ends with process.exit).
// CPU time is printed too: on a shared machine it says more than wall time.
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>{const r=process.resourceUsage();process.stderr.write('\\nmaxrss_kb='+r.maxRSS+' cpu_us='+(r.userCPUTime+r.systemCPUTime)+'\\n')})`;

if (!existsSync(CLI)) {
  const build = spawnSync('npm', ['run', 'build', '-w', '@nianbao/cli'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(1);
}

function corpusDocuments(): string[] {
  const out: string[] = [];
  for (const sub of ['pages', 'seed', 'text']) {
    for (const f of readdirSync(path.join(CORPUS_DIR, sub)).sort()) {
      if (/\.(html|txt)$/.test(f)) out.push(path.join(CORPUS_DIR, sub, f));
    }
  }
  return out;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  code: number | null;
  outputBytes: number;
}

function runCli(args: string[], output?: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, CLI, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      // Worker threads run the hook too: the main thread's line (the last one) counts.
      const last = [...stderr.matchAll(/maxrss_kb=(\d+) cpu_us=(\d+)/g)].at(-1);
      const rss = Number(last?.[1] ?? 0) / 1024;
      const cpuMs = Number(last?.[2] ?? 0) / 1000;
      const outputBytes = output && existsSync(output) ? statSync(output).size : 0;
      resolve({ wallMs, cpuMs, maxRssMb: rss, code, outputBytes });
    });
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main() {
  const docs = corpusDocuments();
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-'));
  const batch = path.join(dir, 'batch');
  spawnSync('mkdir', ['-p', batch]);
  for (let i = 0; i < TARGET; i++) {
    const src = docs[i % docs.length]!;
    copyFileSync(src, path.join(batch, `${String(i).padStart(4, '0')}-${path.basename(src)}`));
  }
  console.log(
    `machine: ${cpus().length} cores, Node ${process.version}; batch: ${TARGET} documents (${docs.length} corpus files repeated)`,
  );

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const startups: Run[] = [];
  for (let i = 0; i < 5; i++) startups.push(await runCli(['--version']));
  const startup = median(startups.map((r) => r.wallMs));
  console.log(
    `start-up (nianbao --version, median of 5): ${fmt(startup, 0)} ms wall, ${fmt(median(startups.map((r) => r.cpuMs)), 0)} ms CPU`,
  );
  const load = await import('node:os').then((os) => os.loadavg()[0]!);
  console.log(
    `load average at start: ${fmt(load, 1)} (wall times stretch when it exceeds the cores)`,
  );

  const rows: { label: string; run: Run }[] = [];
  const UNISOLATED = { NIANBAO_READ_IN_THREAD: '1' };
  for (const [label, args, env] of [
    ['json  -j 4 (pool: 2 isolated workers)', ['-f', 'json', '-j', '4'], {}],
    ['json  -j 1 --threads 1 (1 isolated worker)', ['-f', 'json', '-j', '1', '--threads', '1'], {}],
    ['json  -j 4 unisolated, in one thread', ['-f', 'json', '-j', '4'], UNISOLATED],
    ['json  -j 1 unisolated, in one thread', ['-f', 'json', '-j', '1'], UNISOLATED],
    ['text  -j 4', ['-f', 'text', '-j', '4'], {}],
    ['sarif -j 4', ['-f', 'sarif', '-j', '4'], {}],
    ['html  -j 4', ['-f', 'html', '-j', '4'], {}],
  ] as const) {
    const output = path.join(dir, `out-${label.replace(/\W+/g, '')}`);
    const run = await runCli(
      ['check', batch, ...args, '--fail-on', 'never', '-o', output],
      output,
      env,
    );
    rows.push({ label, run });
    console.log(
      `${label}: ${fmt(run.wallMs / 1000, 2)} s wall, ${fmt(TARGET / (run.wallMs / 1000))} reports/s, ` +
        `${fmt(run.cpuMs / 1000, 1)} s CPU (${fmt(TARGET / (run.cpuMs / 1000))} reports per CPU-second), ` +
        `peak RSS ${fmt(run.maxRssMb, 0)} MB, output ${fmt(run.outputBytes / 1e6, 1)} MB, exit ${run.code}`,
    );
  }
  const j4 = rows[0]!.run;
  const j1 = rows[1]!.run;
  const bare4 = rows[2]!.run;
  const bare1 = rows[3]!.run;
  console.log(
    `ratio one worker (-j 1 --threads 1) / default (-j 4, 2 workers) wall time: ${fmt(j1.wallMs / j4.wallMs, 2)}×`,
  );
  console.log(
    `cost of isolation, default pool vs unisolated (-j 4): wall ${fmt(j4.wallMs / bare4.wallMs, 2)}×, ` +
      `CPU ${fmt(j4.cpuMs / bare4.cpuMs, 2)}×, peak RSS ${fmt(j4.maxRssMb / bare4.maxRssMb, 2)}×`,
  );
  console.log(
    `cost of isolation, one worker vs unisolated (-j 1): wall ${fmt(j1.wallMs / bare1.wallMs, 2)}×, ` +
      `CPU ${fmt(j1.cpuMs / bare1.cpuMs, 2)}×, peak RSS ${fmt(j1.maxRssMb / bare1.maxRssMb, 2)}×`,
  );
  console.log(
    `ratio start-up / per-report time (json -j 4): ${fmt(startup / (j4.wallMs / TARGET), 1)}×`,
  );
  console.log(`peak RSS per report (json -j 4): ${fmt((j4.maxRssMb * 1024) / TARGET, 0)} KB`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
