import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'DL-DATE-MISSING';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes a report with a date', () => {
    const report = consistentReport('2021');
    report.meta = { reportYear: 2023, publishedAt: '2024-01-20' };
    expect(check(report, only)).toEqual([]);
  });

  it('gives an info, origin extraction, when there is no date', () => {
    expect(check(consistentReport('2021'), only)).toMatchObject([
      { severity: 'info', origin: 'extraction', cells: ['meta.publishedAt'] },
    ]);
  });

  it('says so when options.publishedAt is not a date, without failing', () => {
    const [finding] = check(consistentReport('2021'), { ...only, publishedAt: '2024-02-30' });
    expect(finding!.message).toContain('2024-02-30');
  });
});
