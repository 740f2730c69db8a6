// Prints what the extractor reads from a file: npx tsx --conditions=@nianbao/source packages/extract/scripts/inspect.ts <file>
import { readFileSync } from 'node:fs';
import { extract } from '@nianbao/extract/node';

const f = process.argv[2]!;
const r = await extract(readFileSync(f));
const { report, diagnostics, found } = r;
console.log('found', found, JSON.stringify(report.meta));
console.log('preamble', (report.preamble ?? '').slice(0, 100));
for (const s of report.sections)
  console.log('SEC', s.ordinal, s.heading, '|', s.text.slice(0, 60).replace(/\n/g, ' '));
console.log(JSON.stringify({ ad: report.activeDisclosure, ap: report.appeals }));
console.log(JSON.stringify(report.applications));
for (const d of diagnostics) console.log('DIAG', d.ruleId, d.severity, d.message);
console.log(
  JSON.stringify(r.provenance.tableHeaders),
  r.provenance.labels?.length,
  Object.keys(r.provenance.cells).length,
);
