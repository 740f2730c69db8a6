import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'XY-T3-CARRY';
const only = { rules: [ID] };

/** Last year's report, and this year's whose carried-over row equals last year's carried-forward row. */
function pair(formatNow: '2019' | '2021', formatBefore: '2019' | '2021') {
  const previous = consistentReport(formatBefore, 2, formatBefore === '2019' ? 2020 : 2022);
  let report = consistentReport(formatNow, 3, (previous.meta.reportYear ?? 0) + 1);
  for (const col of [
    'naturalPerson',
    'commercial',
    'research',
    'publicInterest',
    'legalService',
    'otherOrg',
    'total',
  ]) {
    report = setCell(
      report,
      `applications.carriedOver.${col}`,
      previous.applications!.carriedForward![col as 'total']!,
    );
  }
  return { report, previous };
}

describe(ID, () => {
  it('passes when the carry-over matches, also across 2020 → 2021', () => {
    const same = pair('2021', '2021');
    expect(check(same.report, { ...only, previous: same.previous })).toEqual([]);
    const across = pair('2021', '2019');
    expect(check(across.report, { ...only, previous: across.previous })).toEqual([]);
  });

  it('reports a column that differs, with last year as expected', () => {
    const { report, previous } = pair('2021', '2019');
    const changed = setCell(report, 'applications.carriedOver.naturalPerson', 42);
    const findings = check(changed, { ...only, previous });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      cells: ['applications.carriedOver.naturalPerson'],
      actual: 42,
      expected: previous.applications!.carriedForward!.naturalPerson,
    });
  });

  it('does not compare with a report that is not of the year before', () => {
    const { report, previous } = pair('2021', '2021');
    const old = { ...previous, meta: { reportYear: 2019 } };
    const changed = setCell(report, 'applications.carriedOver.naturalPerson', 42);
    expect(check(changed, { ...only, previous: old })).toEqual([]);
  });

  it('does nothing without a previous report', () => {
    expect(check(consistentReport('2021'), only)).toEqual([]);
  });
});
