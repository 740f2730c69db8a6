import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'XY-T4-PENDING';
const only = { rules: [ID] };

function pair(decidedNow: number) {
  let previous = consistentReport('2021', 1, 2022);
  for (const group of ['review', 'litigationDirect', 'litigationAfterReview']) {
    previous = setCell(previous, `appeals.${group}.pending`, 0);
  }
  previous = setCell(previous, 'appeals.review.pending', 2);
  let report = consistentReport('2021', 1, 2023);
  report = setCell(report, 'appeals.review.upheld', decidedNow);
  report = setCell(report, 'appeals.review.corrected', 0);
  report = setCell(report, 'appeals.review.other', 0);
  return { report, previous };
}

describe(ID, () => {
  it("passes when this year decided at least last year's pending cases", () => {
    const { report, previous } = pair(2);
    expect(check(report, { ...only, previous })).toEqual([]);
  });

  it('gives an info when fewer were decided than were pending', () => {
    const { report, previous } = pair(0);
    const findings = check(report, { ...only, previous });
    expect(findings).toMatchObject([
      {
        severity: 'info',
        cells: ['appeals.review.upheld', 'appeals.review.corrected', 'appeals.review.other'],
      },
    ]);
  });
});
