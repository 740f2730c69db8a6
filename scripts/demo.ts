// Demo until the API exists: check a report JSON (default: the seed fixture) and print its findings.
import { readFileSync } from 'node:fs';
import { check, ReportSchema } from '@nianbao/schema';

const file = process.argv[2] ?? 'packages/schema/test/fixtures/seed-2020.report.json';
const input = JSON.parse(readFileSync(file, 'utf8'));
const report = ReportSchema.parse(input.report ?? input);
const findings = check(report, { provenance: input.provenance });
console.log(`${report.meta.title ?? file}: ${findings.length} findings`);
for (const f of findings) console.log(`[${f.severity}] ${f.ruleId} ${f.message}`);
