import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'DL-OTHER';
const township = (publishedAt: string) => {
  const report = consistentReport('2021');
  report.meta = { reportYear: 2023, agencyKind: 'township', publishedAt };
  return report;
};

describe(ID, () => {
  it('uses 31 March by default', () => {
    expect(check(township('2024-03-31'), { rules: [ID] })).toEqual([]);
    expect(check(township('2024-04-01'), { rules: [ID] })).toMatchObject([{ severity: 'warning' }]);
  });

  it('uses options.localDeadline', () => {
    const options = { rules: [ID], localDeadline: '02-20' };
    expect(check(township('2024-02-20'), options)).toEqual([]);
    expect(check(township('2024-02-25'), options)).toMatchObject([
      { params: { deadline: '2024-02-20', days: 5 } },
    ]);
  });

  it('falls back to the default on a malformed localDeadline instead of failing', () => {
    expect(check(township('2024-03-01'), { rules: [ID], localDeadline: 'Feb 20' })).toEqual([]);
  });
});
