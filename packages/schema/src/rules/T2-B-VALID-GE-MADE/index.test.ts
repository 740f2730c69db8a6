import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T2-B-VALID-GE-MADE';
const only = { rules: [ID] };
const ROW = 'activeDisclosure.normativeDocuments';

const withRow = (issued: number | null, repealed: number | null, valid: number | null) => {
  let report = setCell(consistentReport('2021'), `${ROW}.issued`, issued);
  report = setCell(report, `${ROW}.repealed`, repealed);
  return setCell(report, `${ROW}.valid`, valid);
};

describe(ID, () => {
  it('passes usual rows', () => {
    expect(check(withRow(5, 2, 40), only)).toEqual([]);
    expect(check(withRow(5, 10, 0), only)).toEqual([]);
  });

  it('notes fewer in force than issued minus repealed', () => {
    const [finding] = check(withRow(5, 0, 3), only);
    expect(finding).toMatchObject({ severity: 'info', expected: 5, actual: 3 });
    expect(finding!.message).toContain('行政规范性文件');
  });

  it('does not apply to the 2019 format', () => {
    expect(check(consistentReport('2019'), only)).toEqual([]);
  });
});
