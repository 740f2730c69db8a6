// fast-check arbitraries for reports: consistent ones (every equation holds) to
// perturb, and any schema-valid partial ones to throw at `check`.
import fc from 'fast-check';
import { setCellInPlace } from '../src/core/cells.ts';
import {
  blankReport,
  cellInfo,
  cellPaths,
  FORMATS,
  type Format,
  type Report,
} from '../src/index.ts';

const APPLICANTS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
];

/** Result rows of table 三 (everything under 三、本年度办理结果 except （七）总计). */
export const resultRows = (format: Format) =>
  FORMATS[format].applications.rows
    .map((r) => r.path)
    .filter((p) => p.startsWith('applications.results.') && p !== 'applications.results.total');

/** Table 三 cell paths of a format. */
export const applicationCells = (format: Format) =>
  cellPaths(format).filter((p) => p.startsWith('applications.'));

/**
 * A consistent report: random applicant counts on the result rows, random
 * carry-overs; totals, （七）总计 and 新收 computed so that every table 三 and
 * table 四 equation holds.
 */
export function consistentReportArb(format: Format): fc.Arbitrary<Report> {
  const rows = resultRows(format);
  const count = fc.integer({ min: 0, max: 60 });
  return fc
    .record({
      results: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), {
        minLength: rows.length,
        maxLength: rows.length,
      }),
      carriedOver: fc.array(count, { minLength: 6, maxLength: 6 }),
      carriedForward: fc.array(count, { minLength: 6, maxLength: 6 }),
      appeals: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), {
        minLength: 3,
        maxLength: 3,
      }),
    })
    .map(({ results, carriedOver, carriedForward, appeals }) => {
      const report = blankReport(format, 0);
      const set = (p: string, v: number) => setCellInPlace(report, p, v);
      const columnTotals = APPLICANTS.map(() => 0);
      rows.forEach((row, i) => {
        APPLICANTS.forEach((c, j) => {
          set(`${row}.${c}`, results[i]![j]!);
          columnTotals[j]! += results[i]![j]!;
        });
        set(
          `${row}.total`,
          results[i]!.reduce((a, b) => a + b, 0),
        );
      });
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      APPLICANTS.forEach((c, j) => {
        set(`applications.results.total.${c}`, columnTotals[j]!);
        set(`applications.carriedOver.${c}`, carriedOver[j]!);
        set(`applications.carriedForward.${c}`, carriedForward[j]!);
        // 一 + 二 = （七） + 四 → 一 = （七） + 四 − 二; keep it ≥ 0 by raising 四 if needed.
        const fresh = columnTotals[j]! + carriedForward[j]! - carriedOver[j]!;
        if (fresh < 0) {
          carriedForward[j] = carriedForward[j]! - fresh;
          set(`applications.carriedForward.${c}`, carriedForward[j]!);
        }
        set(
          `applications.newReceived.${c}`,
          columnTotals[j]! + carriedForward[j]! - carriedOver[j]!,
        );
      });
      set('applications.results.total.total', sum(columnTotals));
      set('applications.carriedOver.total', sum(carriedOver));
      set('applications.carriedForward.total', sum(carriedForward));
      set(
        'applications.newReceived.total',
        sum(columnTotals) + sum(carriedForward) - sum(carriedOver),
      );
      ['review', 'litigationDirect', 'litigationAfterReview'].forEach((g, i) => {
        ['upheld', 'corrected', 'other', 'pending'].forEach((k, j) => {
          set(`appeals.${g}.${k}`, appeals[i]![j]!);
        });
        set(`appeals.${g}.total`, sum(appeals[i]!));
      });
      report.meta = { reportYear: format === '2019' ? 2020 : 2023 };
      return report;
    });
}

const cellValue = (kind: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 6, arbitrary: fc.integer({ min: kind === 'signed' ? -500 : 0, max: 5000 }) },
    { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000 }) },
    {
      weight: 1,
      arbitrary: fc.double({ min: -1e9, max: 1e12, noNaN: true, noDefaultInfinity: true }),
    },
  );

/**
 * Any schema-valid report, partly filled: some rows absent, cells blank or any
 * finite number, tables absent, random meta and sections.
 */
export function partialReportArb(format: Format): fc.Arbitrary<Report> {
  const paths = cellPaths(format);
  return fc
    .record({
      values: fc.array(cellValue('count'), { minLength: paths.length, maxLength: paths.length }),
      signed: fc.array(cellValue('signed'), { minLength: paths.length, maxLength: paths.length }),
      dropRows: fc.array(fc.boolean(), { minLength: paths.length, maxLength: paths.length }),
      dropTables: fc.record({ a: fc.boolean(), b: fc.boolean(), c: fc.boolean() }),
      meta: fc.record(
        {
          title: fc.string(),
          agencyName: fc.constantFrom('嵩县公安局', '某某镇人民政府', '上海市人民政府办公厅', ''),
          agencyKind: fc.constantFrom('dept', 'gov', 'township', 'other'),
          reportYear: fc.integer({ min: 1990, max: 2200 }),
          publishedAt: fc
            .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
        },
        { requiredKeys: [] },
      ),
      sections: fc.array(
        fc.record({
          ordinal: fc.option(fc.constantFrom('一', '二', '三', '四', '五', '六', '七')),
          heading: fc.string(),
          text: fc.string(),
        }),
        { maxLength: 8 },
      ),
    })
    .map(({ values, signed, dropRows, dropTables, meta, sections }) => {
      const report = { format, meta, sections } as unknown as Report;
      const dropped = new Set<string>();
      const seen = new Set<string>();
      paths.forEach((p, i) => {
        const info = cellInfo(format, p)!;
        // Decide once per row, at its first cell, whether the row is absent (1 in 4).
        if (!seen.has(info.row.path)) {
          seen.add(info.row.path);
          if (dropRows[i] && values[i] === null) dropped.add(info.row.path);
        }
        if (dropped.has(info.row.path)) return;
        setCellInPlace(report, p, info.column.kind === 'signed' ? signed[i]! : values[i]!);
      });
      const r = report as unknown as Record<string, unknown>;
      if (dropTables.a) delete r.activeDisclosure;
      if (dropTables.b) delete r.applications;
      if (dropTables.c) delete r.appeals;
      return report;
    });
}
