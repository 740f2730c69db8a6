import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T3-COL-BALANCE';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes a consistent report of each format', () => {
    expect(check(consistentReport('2019'), only)).toEqual([]);
    expect(check(consistentReport('2021', 3), only)).toEqual([]);
  });

  it('reports an unbalanced column, with both sums', () => {
    const report = setCell(consistentReport('2021'), 'applications.carriedForward.research', 99);
    const [finding, ...rest] = check(report, only);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: ID, severity: 'error', origin: 'report' });
    expect(finding!.cells).toContain('applications.carriedForward.research');
    expect(finding!.message).toContain('科研机构');
  });

  it('counts blank cells as 0', () => {
    const base = consistentReport('2019');
    const report = setCell(base, 'applications.carriedOver.naturalPerson', null);
    const value = base.applications!.carriedOver!.naturalPerson!;
    const findings = check(report, only);
    expect(findings.length).toBe(value === 0 ? 0 : 1);
  });

  it('speaks English when asked', () => {
    const report = setCell(consistentReport('2019'), 'applications.newReceived.total', 1000);
    const [finding] = check(report, { ...only, locale: 'en' });
    expect(finding!.message).toMatch(/does not balance/);
  });
});
