import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'DL-GOV-MAR31';
const only = { rules: [ID] };
const gov = (publishedAt: string) => {
  const report = consistentReport('2021');
  report.meta = { reportYear: 2023, agencyKind: 'gov', publishedAt };
  return report;
};

describe(ID, () => {
  it('passes by 31 March', () => {
    expect(check(gov('2024-03-08'), only)).toEqual([]);
    expect(check(gov('2024-03-31'), only)).toEqual([]);
  });

  it('reports a late government report as an error', () => {
    expect(check(gov('2024-04-09'), only)).toMatchObject([
      { severity: 'error', params: { days: 9, deadline: '2024-03-31' } },
    ]);
  });
});
