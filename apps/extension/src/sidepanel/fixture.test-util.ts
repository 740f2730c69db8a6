// A page state built by the real engine from a report with known defects, for the panel's tests.
import { blankReport, check, type Finding, type Report, setCell } from '@nianbao/schema';
import type { NumberedFinding, PageState, TableId } from '../shared/types.ts';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function defectiveReport(): Report {
  let report = blankReport('2019', 0);
  report = {
    ...report,
    meta: {
      agencyName: '嵩县公安局<script>x()</script>',
      reportYear: 2020,
      agencyKind: 'dept',
      publishedAt: '2021-02-03',
    },
  };
  // 新收 2 + 结转 0 but 总计 says 3: the row total and the column balance fail on one cell.
  report = setCell(report, 'applications.newReceived.naturalPerson', 2);
  report = setCell(report, 'applications.newReceived.total', 3);
  report = setCell(report, 'applications.results.granted.naturalPerson', 2);
  report = setCell(report, 'applications.results.granted.total', 2);
  report = setCell(report, 'applications.results.total.naturalPerson', 2);
  report = setCell(report, 'applications.results.total.total', 2);
  report = setCell(report, 'appeals.review.upheld', 1);
  return report;
}

export function stateFor(report: Report, locale: 'zh-CN' | 'en' = 'zh-CN'): PageState {
  const findings: Finding[] = [...check(report, { locale })].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity],
  );
  const numbered: NumberedFinding[] = findings.map((f, i) => {
    const head = f.cells[0]?.split('.')[0] ?? '';
    const table = (
      ['activeDisclosure', 'applications', 'appeals'].includes(head) ? head : 'other'
    ) as TableId;
    return { ...f, number: i + 1, reportIndex: 0, table, marked: table !== 'other' };
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of numbered) counts[f.severity]++;
  return {
    state: 'done',
    url: 'https://www.songxian.gov.cn/2020.html',
    title: '嵩县公安局2020年政府信息公开工作年度报告',
    locale,
    reports: [{ report, provenance: { cells: {} }, findings: numbered }],
    counts,
    diagnostics: [],
    marksOn: true,
    durationMs: 12.5,
  };
}
