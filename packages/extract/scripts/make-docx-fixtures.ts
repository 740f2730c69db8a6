/**
 * Writes the .docx fixtures of test/fixtures (run once; CI has no LibreOffice,
 * so the .docx files are committed):
 *
 *   npx tsx --conditions=@nianbao/source packages/extract/scripts/make-docx-fixtures.ts
 *
 * 1. merged-2021.html: a 2021-format report in the official layout (merged
 *    header cells, 三、本年度办理结果 rowspan 22, group rowspans, colspan value
 *    cells), labels from the schema templates, values that balance; its
 *    expected values go to merged-2021.values.json.
 * 2. LibreOffice converts it and two corpus pages to .docx:
 *    soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir test/fixtures <html>
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMAT_2021 } from '@nianbao/schema';
import { corpusPath } from '../../../tests/corpus.ts';

const out = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const t = FORMAT_2021;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// Values: a deterministic pattern in which every equation of table 三 holds.
const rows = t.applications.rows;
const results = rows.filter(
  (r) => r.path.includes('.results.') && !r.path.endsWith('results.total'),
);
const values = new Map<string, number[]>();
results.forEach((r, i) => {
  const v = [(i * 7) % 11, i % 3, 0, i % 2, 0, (i * 5) % 4];
  values.set(r.path, [...v, v.reduce((a, b) => a + b, 0)]);
});
const total = [0, 1, 2, 3, 4, 5, 6].map((c) =>
  results.reduce((s, r) => s + values.get(r.path)![c]!, 0),
);
values.set('applications.results.total', total);
const forward = [2, 0, 1, 0, 0, 0, 3];
values.set('applications.carriedForward', forward);
const carried = [1, 0, 0, 0, 0, 0, 1];
values.set('applications.carriedOver', carried);
values.set(
  'applications.newReceived',
  total.map((v, c) => v + forward[c]! - carried[c]!),
);

let t3 = `<table border="1"><tr><td colspan="3" rowspan="3">${esc(t.koujiStatement)}</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr>${t.applications.columns
  .slice(1, 6)
  .map((c) => `<td>${c.label.zh}</td>`)
  .join('')}</tr>\n`;
let lastGroup = '';
let resultsOpen = false;
for (const row of rows) {
  const v = values
    .get(row.path)!
    .map((n) => `<td>${n}</td>`)
    .join('');
  const groups = row.groups.map((g) => g.zh);
  let labels = '';
  if (groups.length === 0) labels = `<td colspan="3">${esc(row.label.zh)}</td>`;
  else {
    if (!resultsOpen) {
      labels += `<td rowspan="22">${esc(groups[0]!)}</td>`;
      resultsOpen = true;
    }
    if (groups.length === 1) labels += `<td colspan="2">${esc(row.label.zh)}</td>`;
    else {
      if (groups[1] !== lastGroup) {
        const span = rows.filter((r) => r.groups[1]?.zh === groups[1]).length;
        labels += `<td rowspan="${span}">${esc(groups[1]!)}</td>`;
      }
      labels += `<td>${esc(row.label.zh)}</td>`;
    }
  }
  lastGroup = groups[1] ?? '';
  t3 += `<tr>${labels}${v}</tr>\n`;
}
t3 += '</table>';

const t2Values: Record<string, number[]> = {
  regulations: [0, 0, 0],
  normativeDocuments: [12, 3, 140],
  licensing: [2629],
  penalty: [1330],
  coercion: [54],
  fees: [12.5],
};
let t2 = '<table border="1">';
for (const st of t.activeDisclosure.subTables) {
  t2 += `<tr><td colspan="4">${st.caption.zh}</td></tr><tr><td>${st.rowHeader.zh}</td>`;
  t2 += st.columns
    .map((c) => `<td${st.columns.length === 1 ? ' colspan="3"' : ''}>${esc(c.label.zh)}</td>`)
    .join('');
  t2 += '</tr>';
  for (const row of st.rows) {
    const key = row.path.split('.').pop()!;
    t2 += `<tr><td>${row.label.zh}</td>${t2Values[key]!.map((n) => `<td${st.columns.length === 1 ? ' colspan="3"' : ''}>${n}</td>`).join('')}</tr>`;
  }
}
t2 += '</table>';
const t4Values = [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2];
const outcome = t.appeals.columns.map((c) => `<td>${c.label.zh}</td>`).join('');
const t4 = `<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>${t.appeals.columns.map((c) => `<td rowspan="2">${c.label.zh}</td>`).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${outcome}${outcome}</tr><tr>${t4Values.map((n) => `<td>${n}</td>`).join('')}</tr></table>`;

const s = t.sections.map((x) => x.heading.zh);
const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试镇人民政府2022年政府信息公开工作年度报告</title></head><body>
<p>测试镇人民政府2022年政府信息公开工作年度报告</p>
<p>本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。</p>
<p>${s[0]}</p><p>2022年，我镇认真贯彻落实《条例》，主动公开、依申请公开、政府信息管理、平台建设、监督保障工作有序推进。</p>
<p>${s[1]}</p>${t2}
<p>${s[2]}</p>${t3}
<p>${s[3]}</p>${t4}
<p>${s[4]}</p><p>一是公开内容不够全面。下一步将加强培训，改进工作。</p>
<p>${s[5]}</p><p>本年度未收取信息处理费。</p>
</body></html>`;
writeFileSync(join(out, 'merged-2021.html'), html);
const expected = {
  _source: 'scripts/make-docx-fixtures.ts (generated with the official layout)',
  format: '2021',
  reportYear: 2022,
  agencyName: '测试镇人民政府',
  publishedAt: null,
  applications: Object.fromEntries(rows.map((r) => [r.label.zh, values.get(r.path)])),
  appeals: t4Values,
  activeDisclosure: Object.fromEntries(
    t.activeDisclosure.subTables.flatMap((st) =>
      st.rows.map((r) => [`${st.caption.zh}/${r.label.zh}`, t2Values[r.path.split('.').pop()!]]),
    ),
  ),
};
writeFileSync(join(out, 'merged-2021.values.json'), `${JSON.stringify(expected, null, 1)}\n`);

const work = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
const inputs = [join(out, 'merged-2021.html')];
for (const page of ['sh-gov-office-2019.fragment', 'pt-syq-2019']) {
  const target = join(work, `${page.replace('.fragment', '')}.html`);
  copyFileSync(corpusPath(`pages/${page}.html`), target);
  inputs.push(target);
}
execFileSync(
  'soffice',
  [
    `-env:UserInstallation=file://${work}/profile`,
    '--headless',
    '--convert-to',
    'docx:MS Word 2007 XML',
    '--outdir',
    out,
    ...inputs,
  ],
  { stdio: 'inherit', timeout: 180_000 },
);
console.log(`fixtures written to ${out}`);
