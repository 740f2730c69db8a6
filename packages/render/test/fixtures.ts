// Real reports built through the schema (blankReport + setCell) and checked with the real engine.
import { blankReport, check, type Format, type Report, setCell } from '@nianbao/schema';
import { makeBatch } from '../src/severity.ts';
import type { CheckedReport } from '../src/types.ts';

/** A report whose tables are zero except the given cells. */
export function reportWith(
  format: Format,
  cells: Record<string, number | null>,
  year?: number,
): Report {
  let report = blankReport(format, 0);
  for (const [path, value] of Object.entries(cells)) report = setCell(report, path, value);
  report.meta = {
    reportYear: year ?? (format === '2019' ? 2020 : 2023),
    agencyName: '测试县公安局',
  };
  return report;
}

export function checked(
  source: string,
  report: Report,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): CheckedReport {
  return {
    source,
    format: report.format,
    reportYear: report.meta.reportYear ?? null,
    agencyName: report.meta.agencyName ?? null,
    report,
    findings: check(report, { locale }),
    diagnostics: [],
    suppressed: [],
    found: true,
  };
}

/** A column of table 三 that does not balance: 自然人 new 5, results total 3. */
export const UNBALANCED = {
  'applications.newReceived.naturalPerson': 5,
  'applications.newReceived.total': 5,
  'applications.results.granted.naturalPerson': 3,
  'applications.results.granted.total': 3,
  'applications.results.total.naturalPerson': 3,
  'applications.results.total.total': 3,
};

export function sampleBatch(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const bad = checked('pages/bad.html', reportWith('2019', UNBALANCED), locale);
  // A report without findings (rendering, not the rules, is under test here).
  const good = { ...checked('pages/good.html', reportWith('2021', {}), locale), findings: [] };
  const broken: CheckedReport = {
    source: 'http://127.0.0.1:1/missing.html',
    format: null,
    reportYear: null,
    agencyName: null,
    report: null,
    findings: [],
    diagnostics: [],
    suppressed: [],
    found: false,
    error: { code: 'HTTP_404', message: 'HTTP 404 Not Found' },
  };
  return makeBatch([good, bad, broken]);
}
