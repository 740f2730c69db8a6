import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import type { Meta } from '../../model/report.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'DL-DEPT-JAN31';
const only = { rules: [ID] };
const dept = (meta: Meta) => {
  const report = consistentReport('2019');
  report.meta = { reportYear: 2020, agencyKind: 'dept', ...meta };
  return report;
};

describe(ID, () => {
  it('passes on or before 31 January', () => {
    expect(check(dept({ publishedAt: '2021-01-28' }), only)).toEqual([]);
    expect(check(dept({ publishedAt: '2021-01-31' }), only)).toEqual([]);
  });

  it('reports a late department as an error, with the days late', () => {
    const findings = check(dept({ publishedAt: '2021-02-05' }), only);
    expect(findings).toMatchObject([
      {
        severity: 'error',
        cells: ['meta.publishedAt'],
        params: { days: 5, deadline: '2021-01-31' },
      },
    ]);
  });

  it('makes it a warning when the date was read from the URL (re-posting)', () => {
    const findings = check(dept({ publishedAt: '2022-05-23', publishedAtSource: 'url' }), only);
    expect(findings).toMatchObject([{ severity: 'warning' }]);
    expect(findings[0]!.message).toContain('网址');
  });

  it('does not apply to governments, or without a date or a kind', () => {
    expect(check(dept({ publishedAt: '2021-03-01', agencyKind: 'gov' }), only)).toEqual([]);
    expect(check(dept({}), only)).toEqual([]);
    const report = consistentReport('2019');
    report.meta = { reportYear: 2020, publishedAt: '2021-03-01' };
    expect(check(report, only)).toEqual([]);
  });

  it('follows options.publishedAt and options.agencyKind', () => {
    const report = consistentReport('2019');
    report.meta = { reportYear: 2020 };
    expect(check(report, { ...only, agencyKind: 'dept', publishedAt: '2021-02-01' })).toHaveLength(
      1,
    );
  });
});
