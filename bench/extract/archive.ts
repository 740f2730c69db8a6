// Part of `npm run bench -- extract`: the archive limits (issue 11). A .docx
// whose document.xml inflates to 300 MB (declared sizes truthful, then lying),
// past the ratio, past the entry count, with a DOCTYPE; time and RSS growth of
// extract() on each, and an honest .docx for comparison.
import { performance } from 'node:perf_hooks';
import { extract } from '@nianbao/extract/node';
import {
  bombDocument,
  DOC_HEAD,
  DOC_TAIL,
  deflated,
  docx,
  paragraph,
  stored,
} from '../../packages/extract/test/zip-bomb.ts';

async function run(name: string, bytes: Uint8Array) {
  const rss = process.memoryUsage().rss;
  let peak = rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  const t0 = performance.now();
  const r = await extract(bytes);
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `  ${name.padEnd(48)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB  ${ms.toFixed(0).padStart(6)} ms  RSS +${((peak - rss) / 1048576).toFixed(0).padStart(4)} MB  ${r.diagnostics[0]?.ruleId ?? '-'}`,
  );
}

console.log('archive limits (50 MB total, 100:1 past 1 MB per entry, 2,000 entries, no DOCTYPE):');
await run(
  'honest small .docx',
  docx(deflated('word/document.xml', `${DOC_HEAD}${paragraph('一、总体情况')}${DOC_TAIL}`)),
);
await run('300 MB document.xml, sizes truthful', docx(await bombDocument(300)));
await run('300 MB document.xml, sizes lying (1 KB)', docx(await bombDocument(300, 1000)));
await run(
  '3 MB entry at 1000:1',
  docx(
    deflated('word/document.xml', `${DOC_HEAD}${paragraph('甲'.repeat(1 << 20))}${DOC_TAIL}`, 10),
  ),
);
await run(
  '2,001 entries',
  docx(
    deflated('word/document.xml', `${DOC_HEAD}${DOC_TAIL}`),
    Array.from({ length: 2001 }, (_, i) => stored(`x/${i}`, 'x')),
  ),
);
await run(
  'DOCTYPE with entities',
  docx(
    deflated(
      'word/document.xml',
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>${DOC_HEAD.slice(21)}${DOC_TAIL}`,
    ),
  ),
);
