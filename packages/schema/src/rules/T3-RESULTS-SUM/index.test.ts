import { describe, expect, it } from 'vitest';
import { check, getCell, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T3-RESULTS-SUM';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes consistent reports of both formats', () => {
    expect(check(consistentReport('2019', 5), only)).toEqual([]);
    expect(check(consistentReport('2021', 6), only)).toEqual([]);
  });

  it('counts the three （六） rows of the 2021 format', () => {
    const base = consistentReport('2021', 2);
    const path = 'applications.results.other.unpaidFee.research';
    const report = setCell(base, path, (getCell(base, path) ?? 0) + 2);
    const [finding, ...rest] = check(report, only);
    expect(rest).toEqual([]);
    expect(finding!.ruleId).toBe(ID);
    expect(finding!.cells).toContain(path);
    expect(finding!.cells[0]).toBe('applications.results.total.research');
    expect(finding!.message).toContain('科研机构');
  });

  it('reports the total column of the Shanghai case: results blank, （七）总计 805', () => {
    const base = consistentReport('2019', 1);
    let report = base;
    const rows = base.applications!.results!;
    for (const path of [
      'granted',
      'partiallyGranted',
      'denied.stateSecret',
      'unavailable.notHeld',
      'other',
    ]) {
      report = setCell(report, `applications.results.${path}.total`, null);
    }
    report = setCell(report, 'applications.results.total.total', 805);
    const findings = check(report, only).filter((f) => f.cells[0]!.endsWith('total.total'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.actual).toBe(805);
    expect(rows).toBeDefined();
  });

  it('skips a column when a result row is missing (the SHAPE rules say so)', () => {
    const report = consistentReport('2019');
    delete (report.applications!.results as Record<string, unknown>).granted;
    expect(check(report, only)).toEqual([]);
  });
});
