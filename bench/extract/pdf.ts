/**
 * PDF reports per second, and the ratio of our whole PDF read (pdf.js text
 * layer → HTML grid → DOM reader → report) to pdf.js's own getTextContent
 * over every page of the same files (aim ≤ 1.5×). Interleaved file by file so
 * the machine's load falls on both alike. Prints figures; never fails.
 *
 *   npx tsx --conditions=@nianbao/source bench/extract/pdf.ts
 */
import { readFileSync } from 'node:fs';
import { extract } from '@nianbao/extract/node';
import { corpusPath } from '../../tests/corpus.ts';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: the benchmark is not a turbo task
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(
  'pdfjs-dist/legacy/build/pdf.worker.mjs'
);
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

const fixtures = new URL('../../packages/extract/test/fixtures/pdf/', import.meta.url);
const files = [
  { name: 'hongze-gov-2023.pdf (WPS)', data: readFileSync(corpusPath('pdf/hongze-gov-2023.pdf')) },
  {
    name: 'sh-gov-office-2019.fragment.pdf (Chromium)',
    data: readFileSync(new URL('sh-gov-office-2019.fragment.pdf', fixtures)),
  },
  {
    name: 'lo-merged-2021.pdf (LibreOffice)',
    data: readFileSync(new URL('lo-merged-2021.pdf', fixtures)),
  },
];

async function textOnly(data: Uint8Array): Promise<number> {
  // The options the reader uses (src/pdf/read.ts), so only our own work differs.
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
  }
  await doc.destroy();
  return items;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Warm-up (module loading, JIT).
for (const f of files) {
  await textOnly(f.data);
  await extract(f.data);
}

const ours = new Map<string, number[]>();
const theirs = new Map<string, number[]>();
for (let r = 0; r < ROUNDS; r++) {
  for (const f of files) {
    let t = performance.now();
    await textOnly(f.data);
    theirs.set(f.name, [...(theirs.get(f.name) ?? []), performance.now() - t]);
    t = performance.now();
    const result = await extract(f.data);
    ours.set(f.name, [...(ours.get(f.name) ?? []), performance.now() - t]);
    if (!result.found) console.log(`  (${f.name}: not found)`);
  }
}

console.log(`PDF reading (median of ${ROUNDS} rounds):`);
let a = 0;
let b = 0;
for (const f of files) {
  const o = median(ours.get(f.name)!);
  const p = median(theirs.get(f.name)!);
  a += o;
  b += p;
  console.log(
    `  ${f.name.padEnd(44)} pdf.js getTextContent ${p.toFixed(0).padStart(5)} ms   extract ${o.toFixed(0).padStart(5)} ms   ${(o / p).toFixed(2)}×`,
  );
}
console.log(
  `  all ${files.length} files: ${(files.length / (a / 1000)).toFixed(1)} PDF reports/s; extract / getTextContent = ${(a / b).toFixed(2)}×  (aim ≤ 1.5×)`,
);
