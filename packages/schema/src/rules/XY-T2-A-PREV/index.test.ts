import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'XY-T2-A-PREV';
const only = { rules: [ID] };

function pair(now: number) {
  let previous = consistentReport('2019', 1, 2019);
  previous = setCell(previous, 'activeDisclosure.licensing.previousCount', 10);
  previous = setCell(previous, 'activeDisclosure.licensing.change', 2);
  const report = setCell(
    consistentReport('2019', 1, 2020),
    'activeDisclosure.licensing.previousCount',
    now,
  );
  return { report, previous };
}

describe(ID, () => {
  it('passes last year + change', () => {
    const { report, previous } = pair(12);
    expect(check(report, { ...only, previous })).toEqual([]);
  });

  it('reports a count that does not follow', () => {
    const { report, previous } = pair(10);
    expect(check(report, { ...only, previous })).toMatchObject([
      {
        severity: 'warning',
        cells: ['activeDisclosure.licensing.previousCount'],
        expected: 12,
        actual: 10,
      },
    ]);
  });

  it('skips rows where a cell is blank', () => {
    const { report, previous } = pair(10);
    const blank = setCell(previous, 'activeDisclosure.licensing.change', null);
    expect(check(report, { ...only, previous: blank })).toEqual([]);
  });
});
