import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T4-REV-TOTAL';
const only = { rules: [ID] };
const GROUP = 'appeals.review';

describe(ID, () => {
  it('passes consistent reports and blank groups', () => {
    expect(check(consistentReport('2019'), only)).toEqual([]);
    expect(check(consistentReport('2021', 7), only)).toEqual([]);
    const blank = consistentReport('2021');
    for (const k of ['upheld', 'corrected', 'other', 'pending', 'total']) {
      (blank.appeals!.review as Record<string, number | null>)[k] = null;
    }
    expect(check(blank, only)).toEqual([]);
  });

  it('names the five cells of the group and gives no fix', () => {
    const base = consistentReport('2019', 3);
    const total = base.appeals!.review!.total!;
    const [finding, ...rest] = check(setCell(base, `${GROUP}.total`, total + 1), only);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: ID,
      severity: 'warning',
      expected: total,
      actual: total + 1,
    });
    expect(finding!.fix).toBeUndefined();
    expect([...finding!.cells].sort()).toEqual(
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${GROUP}.${c}`).sort(),
    );
    expect(finding!.message).toContain('行政复议');
  });

  it('counts blanks as 0', () => {
    const report = setCell(
      setCell(consistentReport('2021', 1), `${GROUP}.upheld`, null),
      `${GROUP}.total`,
      9,
    );
    const [finding] = check(report, only);
    expect(finding!.actual).toBe(9);
  });
});
