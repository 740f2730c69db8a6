// `npm run new:rule -w @nianbao/schema -- <RULE-ID> [--severity error|warning|info]
//   [--formats 2019,2021] [--dir <rules dir>]`
// Creates src/rules/<RULE-ID>/ with index.ts, index.test.ts and a README.md with
// the headings the meta-tests require, then regenerates src/rules/index.ts.
// Fill in the check, the messages, the examples and the basis, then run
// `npm run generate -w @nianbao/schema`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const id = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const severity = option('severity', 'warning');
const formats = option('formats', '2019,2021').split(',');
const dir = resolve(option('dir', join(here, '..', 'src', 'rules')));

const fail = (message) => {
  console.error(`new:rule: ${message}`);
  process.exit(1);
};
if (!id || !/^(S|FMT|T2|T3|T4|CELL|MONEY|XT|XY|DL)-[A-Z0-9-]+$/.test(id)) {
  fail('give a rule id as in docs/report-format.md §6, e.g. T3-ROW-TOTAL');
}
if (!['error', 'warning', 'info'].includes(severity)) fail('--severity is error, warning or info');
if (formats.some((f) => !['2019', '2021'].includes(f))) fail('--formats lists 2019 and/or 2021');
const folder = join(dir, id);
if (existsSync(folder)) fail(`${folder} exists already`);

const formatList = formats.map((f) => `'${f}'`).join(', ');
mkdirSync(folder, { recursive: true });
writeFileSync(
  join(folder, 'index.ts'),
  `import type { Rule } from '../../core/types.ts';

/** TODO: one line on what ${id} checks. */
const rule: Rule = {
  meta: {
    id: '${id}',
    severity: '${severity}',
    formats: [${formatList}],
    tags: ['TODO'],
    docs: {
      zh: 'TODO：检查内容',
      en: 'TODO: what it checks',
    },
    basis: 'TODO：依据（spec §6）',
    messages: {
      default: {
        zh: '{cell}：TODO',
        en: '{cell}: TODO',
      },
    },
  },
  check(ctx) {
    // Declare sums with ctx.equation (pinpointed across rules), report the rest with ctx.flag.
    void ctx;
  },
};

export default rule;
`,
);
writeFileSync(
  join(folder, 'index.test.ts'),
  `import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = '${id}';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes a valid report', () => {
    expect(check(consistentReport('${formats[0]}'), only)).toEqual([]);
  });

  it.todo('reports an invalid example');
});
`,
);
writeFileSync(
  join(folder, 'README.md'),
  `# ${id}

## 检查内容

TODO

## 依据

TODO（spec §6）

## 示例

- 通过：TODO
- 不通过：TODO

## What it checks

TODO

## Basis

TODO (spec §6)

## Examples

- Passes: TODO
- Fails: TODO
`,
);
console.log(`created ${folder}/{index.ts,index.test.ts,README.md}`);
if (!args.includes('--dir')) {
  execFileSync(process.execPath, [join(here, 'gen-rules-index.mjs')], { stdio: 'inherit' });
}
