import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T2-A-PUBLIC-GE-NEW';
const only = { rules: [ID] };
const ROW = 'activeDisclosure.normativeDocuments';

describe(ID, () => {
  it('passes when the cumulative total covers this year', () => {
    let report = setCell(consistentReport('2019'), `${ROW}.newlyPublished`, 5);
    report = setCell(report, `${ROW}.totalPublic`, 120);
    expect(check(report, only)).toEqual([]);
  });

  it('warns when the total public count is below this year', () => {
    let report = setCell(consistentReport('2019'), `${ROW}.newlyPublished`, 5);
    report = setCell(report, `${ROW}.totalPublic`, 3);
    const [finding, ...rest] = check(report, only);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', expected: 5, actual: 3 });
    expect(finding!.cells).toEqual([`${ROW}.totalPublic`, `${ROW}.newlyPublished`]);
    expect(finding!.message).toContain('规范性文件');
  });

  it('counts a blank total as 0 and does not apply to the 2021 format', () => {
    let report = setCell(consistentReport('2019'), `${ROW}.newlyPublished`, 2);
    report = setCell(report, `${ROW}.totalPublic`, null);
    expect(check(report, only)).toHaveLength(1);
    expect(check(consistentReport('2021'), only)).toEqual([]);
  });
});
