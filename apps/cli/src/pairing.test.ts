import { blankReport, type Report } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { agencyKey, pairConsecutiveYears } from './pairing.ts';

function report(agencyName: string | undefined, reportYear: number | undefined): Report {
  const r = blankReport(reportYear && reportYear <= 2020 ? '2019' : '2021', 0);
  r.meta = { ...(agencyName ? { agencyName } : {}), ...(reportYear ? { reportYear } : {}) };
  return r;
}

describe('pairConsecutiveYears', () => {
  it('pairs the same agency in consecutive years, across the format change too', () => {
    const entries = [
      { report: report('平潭综合实验区 社会事业局', 2023) },
      { report: report('平潭综合实验区社会事业局', 2022) },
      { report: report('平潭综合实验区社会事业局', 2021) },
      { report: report('平潭综合实验区社会事业局', 2020) },
      { report: report('另一个局', 2022) },
      { report: null },
      { report: report(undefined, 2022) },
    ];
    expect(pairConsecutiveYears(entries)).toEqual([1, 2, 3, -1, -1, -1, -1]);
  });

  it('compares agency names without spaces and brackets', () => {
    expect(agencyKey(' 嵩县 公安局（县） ')).toBe('嵩县公安局县');
    expect(agencyKey('  ')).toBeUndefined();
  });
});
