/**
 * Test helpers: consistent reports to perturb. Not part of the public API.
 */
import { blankReport } from './core/blank.ts';
import { setCellInPlace } from './core/cells.ts';
import type { Format, Report } from './model/report.ts';
import { FORMATS } from './templates/index.ts';

const APPLICANTS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
];

/**
 * A full report whose every equation holds: table 三 rows filled from `seed`
 * values per applicant column, totals computed, every count ≥ 0; table 四
 * filled likewise. Different seeds give different (deterministic) reports.
 */
export function consistentReport(format: Format, seed = 1, reportYear?: number): Report {
  const report = blankReport(format, 0);
  const t = FORMATS[format];
  const resultRows = t.applications.rows
    .map((r) => r.path)
    .filter((p) => p.startsWith('applications.results.') && p !== 'applications.results.total');
  const set = (path: string, v: number) => setCellInPlace(report, path, v);
  const colTotals = new Map<string, number>();
  resultRows.forEach((row, i) => {
    let rowTotal = 0;
    APPLICANTS.forEach((col, j) => {
      const v = (seed * (i + 1) * (j + 2)) % 7;
      set(`${row}.${col}`, v);
      rowTotal += v;
      colTotals.set(col, (colTotals.get(col) ?? 0) + v);
    });
    set(`${row}.total`, rowTotal);
  });
  let grand = 0;
  APPLICANTS.forEach((col, j) => {
    const total = colTotals.get(col) ?? 0;
    grand += total;
    set(`applications.results.total.${col}`, total);
    const carriedForward = Math.min(total, (seed + j + 1) % 4);
    // 一 = （七） + 四 − 二 must stay a count (≥ 0).
    const carriedOver = Math.min((seed + j) % 3, total + carriedForward);
    set(`applications.carriedOver.${col}`, carriedOver);
    set(`applications.carriedForward.${col}`, carriedForward);
    set(`applications.newReceived.${col}`, total + carriedForward - carriedOver);
  });
  set('applications.results.total.total', grand);
  for (const row of ['newReceived', 'carriedOver', 'carriedForward']) {
    const sum = APPLICANTS.reduce(
      (s, col) =>
        s +
        ((report as unknown as Record<string, Record<string, Record<string, number>>>)
          .applications![row]![col] ?? 0),
      0,
    );
    set(`applications.${row}.total`, sum);
  }
  for (const group of ['review', 'litigationDirect', 'litigationAfterReview']) {
    const parts = [seed % 5, (seed + 1) % 3, seed % 2, (seed + 2) % 4];
    for (const [i, k] of ['upheld', 'corrected', 'other', 'pending'].entries()) {
      set(`appeals.${group}.${k}`, parts[i]!);
    }
    set(
      `appeals.${group}.total`,
      parts.reduce((a, b) => a + b, 0),
    );
  }
  report.meta = { reportYear: reportYear ?? (format === '2019' ? 2020 : 2023) };
  return report;
}
