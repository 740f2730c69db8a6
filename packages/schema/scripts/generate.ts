// Writes report.schema.json, rules.json and docs/rules.md. Run after changing
// the model or a rule: `npm run generate -w @nianbao/schema`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderJsonSchema, renderRulesJson, renderRulesMd } from './artifacts.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
writeFileSync(here('../report.schema.json'), renderJsonSchema());
writeFileSync(here('../rules.json'), renderRulesJson());
writeFileSync(here('../../../docs/rules.md'), renderRulesMd());
console.log('wrote report.schema.json, rules.json, docs/rules.md');
