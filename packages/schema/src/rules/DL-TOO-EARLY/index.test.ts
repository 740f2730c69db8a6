import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'DL-TOO-EARLY';
const at = (publishedAt: string) => {
  const report = consistentReport('2019');
  report.meta = { reportYear: 2020, publishedAt };
  return report;
};

describe(ID, () => {
  it('passes a report published after its year', () => {
    expect(check(at('2021-01-01'), { rules: [ID] })).toEqual([]);
  });

  it('reports a report published before its year ended', () => {
    expect(check(at('2020-12-15'), { rules: [ID] })).toMatchObject([{ severity: 'warning' }]);
  });
});
