/**
 * The web form's two speed figures (printed, never pass/fail):
 *   1. initial JavaScript of the build, gzip: what the browser loads before the
 *      form is usable (the entry script and its modulepreloads), and the chunks
 *      loaded later on demand (extractor, .docx reader, HTML renderer);
 *   2. navigation → form ready (the app's `nb:form-ready` mark);
 *   3. keystroke → findings in Chromium: the app's performance marks around the
 *      edit → check() → render cycle (src/lib/perf.ts), for keys typed into
 *      table 三 of real reports, against the 4 ms budget.
 *
 *   npm run bench -- web        (BENCH_KEYS=400 for more keystrokes)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readCorpus } from '../../tests/corpus.ts';
import { launchChromium, ROOT, serveForm, WEB_DIST } from '../../tests/web-harness.ts';

const BUDGET_MS = 4;
// biome-ignore lint/suspicious/noUndeclaredEnvVars: benchmarks run outside turbo
const KEYS = Number(process.env.BENCH_KEYS ?? 200);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

// ---- 1. bundle size -------------------------------------------------------

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
  cwd: join(ROOT, 'apps/web'),
  stdio: 'inherit',
});
if (build.status !== 0 || !existsSync(join(WEB_DIST, 'index.html'))) {
  console.error('bench/web: the build failed');
  process.exit(1);
}
const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
const initial = new Set(
  [
    ...html.matchAll(
      /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.\/([^"]+\.js)"/g,
    ),
  ].map((m) => m[1]!),
);
const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\.\/([^"]+)"/g)].map(
  (m) => m[1]!,
);
const assets = readdirSync(join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js'));
const sizes = (file: string) => {
  const bytes = readFileSync(join(WEB_DIST, file));
  return { raw: statSync(join(WEB_DIST, file)).size, gzip: gzipSync(bytes, { level: 9 }).length };
};
let initialRaw = 0;
let initialGzip = 0;
console.log('initial JavaScript (loaded before the form is usable):');
for (const file of initial) {
  const s = sizes(file);
  initialRaw += s.raw;
  initialGzip += s.gzip;
  console.log(`  ${file.padEnd(44)} ${kb(s.raw).padStart(11)}  gzip ${kb(s.gzip).padStart(10)}`);
}
console.log(
  `  ${'total'.padEnd(44)} ${kb(initialRaw).padStart(11)}  gzip ${kb(initialGzip).padStart(10)}`,
);
for (const file of css) {
  const s = sizes(file);
  console.log(
    `  ${file.padEnd(44)} ${kb(s.raw).padStart(11)}  gzip ${kb(s.gzip).padStart(10)} (CSS)`,
  );
}
console.log('loaded on demand:');
let lazyGzip = 0;
for (const file of assets.map((f) => `assets/${f}`).filter((f) => !initial.has(f))) {
  const s = sizes(file);
  lazyGzip += s.gzip;
  console.log(`  ${file.padEnd(44)} ${kb(s.raw).padStart(11)}  gzip ${kb(s.gzip).padStart(10)}`);
}
console.log(`initial JS gzip: ${kb(initialGzip)}; on-demand JS gzip: ${kb(lazyGzip)}`);

// ---- 2. keystroke → findings ----------------------------------------------

function stats(values: number[]) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * v.length))] ?? Number.NaN;
  return { n: v.length, median: at(0.5), p95: at(0.95), max: v[v.length - 1] ?? Number.NaN };
}

process.env.NIANBAO_WEB_STATIC = '1'; // the built files; the server plays no part in these figures
const served = await serveForm();
const browser = await launchChromium();
const deadline = setTimeout(() => {
  console.error('bench/web: gave up after 5 minutes');
  process.exit(1);
}, 300_000);

{
  const times: number[] = [];
  const page = await browser.context.newPage();
  for (let i = 0; i < 6; i++) {
    await page.goto(served.url);
    await page.waitForSelector('[data-cell]');
    const at = await page.evaluate(
      () => performance.getEntriesByName('nb:form-ready')[0]?.startTime ?? Number.NaN,
    );
    if (i > 0) times.push(at); // the first load fills the cache
  }
  await page.close();
  const s = stats(times);
  console.log(
    `\nnavigation → form ready (cached, local server): median ${s.median.toFixed(0)} ms, max ${s.max.toFixed(0)} ms over ${s.n} loads`,
  );
}

const cases = [
  { name: 'seed (2019 format, 161 T3 cells)', text: readCorpus('seed/000_42380e1adf95d416.txt') },
  { name: 'pt-syq-2023 page (2021 format)', text: readCorpus('pages/pt-syq-2023.html') },
];
try {
  console.log(
    `\nkeystroke → findings in Chromium, ${KEYS} keys per report (budget ${BUDGET_MS} ms):`,
  );
  for (const c of cases) {
    const page = await browser.context.newPage();
    await page.goto(served.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.fill('[data-import="text"]', c.text);
    await page.click('[data-import="read"]');
    await page.waitForSelector('[data-import-result="ok"]');
    const cell = page.locator('[data-cell="applications.results.granted.naturalPerson"]');
    await cell.click();
    // Warm-up, then measure: digits and Backspaces, each one an edit and a check.
    await page.keyboard.type('1234');
    await page.evaluate(() => performance.clearMeasures());
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Backspace' : String(i % 10));
    }
    await page.waitForTimeout(100);
    const read = (name: string) =>
      page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
    const findings = await page.locator('[data-finding]').count();
    console.log(`  ${c.name}: ${findings} findings on screen`);
    for (const name of [
      'nb:check',
      'nb:input-to-findings',
      'nb:keystroke-to-findings',
      'nb:keystroke-to-paint',
    ]) {
      const s = stats(await read(name));
      const ratio = s.median / BUDGET_MS;
      console.log(
        `    ${name.padEnd(26)} n=${String(s.n).padStart(4)}  median ${s.median.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  max ${s.max.toFixed(2)} ms  median/budget ${ratio.toFixed(2)}`,
      );
    }
    await page.close();
  }
} finally {
  clearTimeout(deadline);
  await browser.close();
  await served.stop();
}
