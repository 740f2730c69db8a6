// The shared test table of the three table-四 total rules (T4-REV-TOTAL,
// T4-LITD-TOTAL, T4-LITR-TOTAL): same equation, another group of columns.
import { describe, expect, it } from 'vitest';
import { check, setCell } from '../index.ts';
import type { AppealGroup } from '../tables/appeals-total.ts';
import { APPEAL_COLUMNS } from '../templates/index.ts';
import { consistentReport } from '../testing.ts';

export function describeAppealsTotalRule(id: string, group: AppealGroup, groupLabel: string): void {
  const only = { rules: [id] };
  const prefix = `appeals.${group}`;
  const cells = APPEAL_COLUMNS.map((c) => `${prefix}.${c.key}`);

  describe(id, () => {
    it('passes consistent reports and blank groups', () => {
      expect(check(consistentReport('2019'), only)).toEqual([]);
      expect(check(consistentReport('2021', 7), only)).toEqual([]);
      const blank = cells.reduce((r, cell) => setCell(r, cell, null), consistentReport('2021'));
      expect(check(blank, only)).toEqual([]);
    });

    it('names the five cells of the group and gives no fix', () => {
      const base = consistentReport('2019', 3);
      const total = base.appeals![group]!.total!;
      const [finding, ...rest] = check(setCell(base, `${prefix}.total`, total + 1), only);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({
        ruleId: id,
        severity: 'warning',
        expected: total,
        actual: total + 1,
      });
      expect(finding!.fix).toBeUndefined();
      expect([...finding!.cells].sort()).toEqual([...cells].sort());
      expect(finding!.message).toContain(groupLabel);
    });

    it('counts blanks as 0', () => {
      const report = setCell(
        setCell(consistentReport('2021', 1), `${prefix}.upheld`, null),
        `${prefix}.total`,
        9,
      );
      const [finding] = check(report, only);
      expect(finding!.actual).toBe(9);
    });
  });
}
