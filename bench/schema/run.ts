// `npm run bench -- schema`: median time of check() on a full report, both
// formats, with and without provenance, against the 1 ms budget (the web form
// re-checks on every keystroke). Prints figures and ratios; never fails on timing.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  blankReport,
  type CheckOptions,
  cellInfo,
  cellPaths,
  check,
  type Format,
  getCell,
  type Provenance,
  type Report,
  setCell,
} from '@nianbao/schema';
import { consistentReport } from '../../packages/schema/src/testing.ts';

const BUDGET_MS = 1;
const WARMUP = 200;
const RUNS = 2000;

/** Raw texts and headers for every cell, as an extractor of a portal page gives them. */
function provenanceOf(report: Report): Provenance {
  const cells: Provenance['cells'] = {};
  for (const path of cellPaths(report.format)) {
    const info = cellInfo(report.format, path)!;
    const value = getCell(report, path);
    cells[path] = {
      raw: value === null || value === undefined ? '' : String(value),
      header:
        info.column.kind === 'money'
          ? `${info.column.label.zh}(单位:万元,保留4位小数)`
          : info.column.label.zh,
      rowLabel: info.row.label.zh,
    };
  }
  return { cells };
}

/** A full report with realistic defects: one pinpointable cell, a table 四 slip, sections. */
function fullReport(format: Format): Report {
  let report = consistentReport(format, 5);
  report = setCell(report, 'applications.results.granted.commercial', 40);
  report = setCell(report, 'appeals.review.total', 9);
  report.meta = {
    ...report.meta,
    title: `某某县公安局${report.meta.reportYear}年政府信息公开工作年度报告`,
    agencyName: '某某县公安局',
    agencyKind: 'dept',
    publishedAt: `${(report.meta.reportYear ?? 2020) + 1}-01-20`,
  };
  report.sections = [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ].map((heading, i) => ({
    ordinal: heading[0]!,
    heading,
    text: `（一）主动公开\n本年主动公开政府信息${120 + i}条，收到政府信息公开申请${i + 3}件。\n（二）依申请公开\n规范办理。`,
  }));
  return report;
}

function timings(fn: () => void): { median: number; min: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

console.log(`check() on a full report — median of ${RUNS} runs after ${WARMUP} warm-up runs`);
console.log(`budget ${BUDGET_MS} ms (re-check on every keystroke)`);
// The machine is shared: a high load average inflates the median; the minimum
// approximates an idle machine.
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1/5/15 min)\n`,
);
const rows: string[][] = [
  ['format', 'provenance', 'findings', 'median ms', 'min ms', 'median / budget'],
];
for (const format of ['2019', '2021'] as const) {
  const report = fullReport(format);
  for (const withProvenance of [false, true]) {
    const options: CheckOptions = withProvenance ? { provenance: provenanceOf(report) } : {};
    const findings = check(report, options).length;
    const { median: ms, min } = timings(() => check(report, options));
    rows.push([
      format,
      withProvenance ? 'yes' : 'no',
      String(findings),
      ms.toFixed(3),
      min.toFixed(3),
      `${(ms / BUDGET_MS).toFixed(2)}× ${ms <= BUDGET_MS ? '(within budget)' : '(OVER budget)'}`,
    ]);
  }
}
// What the form sends on a keystroke: a report half typed in, blanks everywhere else.
for (const format of ['2019', '2021'] as const) {
  let report = blankReport(format);
  const paths = cellPaths(format).filter((p) => p.startsWith('applications.'));
  paths.slice(0, Math.floor(paths.length / 2)).forEach((p, i) => {
    report = setCell(report, p, i % 5);
  });
  const findings = check(report).length;
  const { median: ms, min } = timings(() => check(report));
  rows.push([
    `${format} form`,
    'no',
    String(findings),
    ms.toFixed(3),
    min.toFixed(3),
    `${(ms / BUDGET_MS).toFixed(2)}× ${ms <= BUDGET_MS ? '(within budget)' : '(OVER budget)'}`,
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));

// Each rule alone on growing reports: times per size and the ratio per 4× (issue 11).
console.log('');
await import('./linearity.ts');
