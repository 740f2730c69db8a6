// Prints the findings of extract + check for a file: npx tsx --conditions=@nianbao/source packages/extract/scripts/findings.ts <file>
import { readFileSync } from 'node:fs';
import { check } from '@nianbao/schema';
import { extract } from '../src/node.ts';

const r = await extract(readFileSync(process.argv[2]!));
for (const d of r.diagnostics)
  console.log('extraction', d.ruleId, d.severity, d.cells.length, d.message);
if (r.found) {
  for (const f of check(r.report, { provenance: r.provenance })) {
    console.log(
      'report',
      f.ruleId,
      f.severity,
      f.origin,
      f.cells.slice(0, 2).join(','),
      f.message.slice(0, 100),
    );
  }
}
