import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'CELL-INT-NONNEG';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes whole non-negative counts and negative changes', () => {
    expect(check(consistentReport('2021'), only)).toEqual([]);
    const report = setCell(consistentReport('2019'), 'activeDisclosure.penalty.change', -8);
    expect(check(report, only)).toEqual([]);
  });

  it('reports negative and fractional counts, one finding per cell', () => {
    let report = setCell(consistentReport('2019'), 'applications.newReceived.research', -1);
    report = setCell(report, 'appeals.review.pending', 2.5);
    const findings = check(report, only);
    expect(findings.map((f) => [f.cells[0], f.actual])).toEqual([
      ['applications.newReceived.research', -1],
      ['appeals.review.pending', 2.5],
    ]);
    expect(findings[0]!.message).toContain('不能为负数');
    expect(findings[1]!.message).toContain('须为整数');
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('requires whole numbers in the signed change cells, and ignores amounts', () => {
    let report = setCell(consistentReport('2019'), 'activeDisclosure.fees.change', 1.5);
    report = setCell(report, 'activeDisclosure.procurement.amount', 0.1511);
    const findings = check(report, only);
    expect(findings.map((f) => f.cells[0])).toEqual(['activeDisclosure.fees.change']);
  });
});
