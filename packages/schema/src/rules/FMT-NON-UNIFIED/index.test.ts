import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'FMT-NON-UNIFIED';

describe(ID, () => {
  it('passes a report with its tables', () => {
    expect(check(consistentReport('2021'), { rules: [ID] })).toEqual([]);
  });

  it('reports a report without any table, and the shape rules stay silent then', () => {
    const report = consistentReport('2021');
    delete report.activeDisclosure;
    delete report.applications;
    delete report.appeals;
    const findings = check(report, {
      rules: [ID, 'T2-B-SHAPE', 'T3-B-SHAPE', 'T4-SHAPE'],
    });
    expect(findings).toMatchObject([{ ruleId: ID, severity: 'error' }]);
  });

  it('passes when one table is there', () => {
    const report = consistentReport('2019');
    delete report.activeDisclosure;
    delete report.applications;
    expect(check(report, { rules: [ID] })).toEqual([]);
  });
});
