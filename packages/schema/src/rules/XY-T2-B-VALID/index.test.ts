import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'XY-T2-B-VALID';
const only = { rules: [ID] };

function pair(validNow: number) {
  const previous = setCell(
    consistentReport('2021', 1, 2022),
    'activeDisclosure.normativeDocuments.valid',
    466,
  );
  let report = consistentReport('2021', 1, 2023);
  report = setCell(report, 'activeDisclosure.normativeDocuments.issued', 77);
  report = setCell(report, 'activeDisclosure.normativeDocuments.repealed', 73);
  report = setCell(report, 'activeDisclosure.normativeDocuments.valid', validNow);
  return { report, previous };
}

describe(ID, () => {
  it('passes in force last year + issued − repealed', () => {
    const { report, previous } = pair(470);
    expect(check(report, { ...only, previous })).toEqual([]);
  });

  it('reports a count that does not follow, as a warning', () => {
    const { report, previous } = pair(500);
    expect(check(report, { ...only, previous })).toMatchObject([
      { severity: 'warning', expected: 470, actual: 500 },
    ]);
  });
});
