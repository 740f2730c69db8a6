/**
 * bench/extract: reports per second on the corpus pages in Node, the ratio of
 * extract + check to merely parsing the same HTML with the chosen DOM library
 * (linkedom; aim ≤ 2×), the DOM candidates compared, and the worst-case time
 * on hostile inputs. Prints figures; never fails on a timing.
 *
 *   npm run bench -- extract
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extract } from '@nianbao/extract/node';
import { check } from '@nianbao/schema';
import { parseHTML } from 'linkedom';
import { measureCandidates } from '../../packages/extract/bench/dom-candidates.ts';
import { hostileInputs } from '../../packages/extract/bench/hostile.ts';
import { corpusPath } from '../../tests/corpus.ts';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: the benchmark is not a turbo task
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = corpusPath('pages');
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ name: f, html: readFileSync(`${dir}/${f}`, 'utf8') }));

// Warm up both paths (the JIT and the lazily loaded modules).
for (let i = 0; i < 5; i++) {
  for (const p of pages) {
    parseHTML(p.html);
    const r = await extract(p.html);
    check(r.report, { provenance: r.provenance });
  }
}

// Parse, extract and check are interleaved page by page, so that the load of
// other processes on the machine falls on all three alike.
const parseTimes: number[] = [];
const extractTimes: number[] = [];
const checkTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  let parseMs = 0;
  let extractMs = 0;
  let checkMs = 0;
  for (const p of pages) {
    let t = performance.now();
    parseHTML(p.html);
    parseMs += performance.now() - t;
    t = performance.now();
    const r = await extract(p.html);
    extractMs += performance.now() - t;
    t = performance.now();
    if (r.found) check(r.report, { provenance: r.provenance });
    checkMs += performance.now() - t;
  }
  parseTimes.push(parseMs);
  extractTimes.push(extractMs);
  checkTimes.push(checkMs);
}
const parse = median(parseTimes);
const ext = median(extractTimes);
const chk = median(checkTimes);
const kb = pages.reduce((s, p) => s + p.html.length, 0) / 1024;
console.log(
  `corpus: ${pages.length} pages, ${kb.toFixed(0)} K characters; median of ${ROUNDS} rounds`,
);
console.log(
  `  linkedom parse only      ${parse.toFixed(1).padStart(8)} ms  (${((pages.length * 1000) / parse).toFixed(1)} pages/s)`,
);
console.log(
  `  extract (node entry)     ${ext.toFixed(1).padStart(8)} ms  (${((pages.length * 1000) / ext).toFixed(1)} reports/s)`,
);
console.log(`  check                    ${chk.toFixed(1).padStart(8)} ms`);
console.log(
  `  extract + check          ${(ext + chk).toFixed(1).padStart(8)} ms  (${((pages.length * 1000) / (ext + chk)).toFixed(1)} reports/s)`,
);
console.log(`  ratio (extract + check) / parse = ${((ext + chk) / parse).toFixed(2)}×  (aim ≤ 2×)`);
console.log('');

let worst = { name: '', ms: 0 };
console.log('hostile inputs (one run each; extract never throws):');
for (const h of hostileInputs()) {
  const t = performance.now();
  const r = await extract(h.input);
  const ms = performance.now() - t;
  if (ms > worst.ms) worst = { name: h.name, ms };
  const first = r.diagnostics[0]?.ruleId ?? '-';
  console.log(
    `  ${h.name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  found=${r.found}  first diagnostic: ${first}`,
  );
}
console.log(`  worst case: ${worst.name}, ${worst.ms.toFixed(0)} ms`);
console.log('');
measureCandidates(5);

// Readers on growing documents (ratio per 4×) and the archive limits (issue 11).
console.log('');
await import('./linearity.ts');
console.log('');
await import('./archive.ts');

// PDF reading (issue 13): reports per second, ratio to pdf.js's own text extraction.
console.log('');
await import('./pdf.ts');
