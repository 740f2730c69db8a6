import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'FMT-VERSION';
const only = { rules: [ID] };
const report = (format: '2019' | '2021', reportYear: number) => {
  const r = consistentReport(format);
  r.meta = { reportYear };
  return r;
};

describe(ID, () => {
  it('passes the format of the year', () => {
    expect(check(report('2019', 2020), only)).toEqual([]);
    expect(check(report('2021', 2021), only)).toEqual([]);
  });

  it('reports the old format used from 2021 on, as an error', () => {
    const findings = check(report('2019', 2022), only);
    expect(findings).toMatchObject([{ severity: 'error', cells: ['meta.reportYear'] }]);
    expect(findings[0]!.message).toContain('〔2021〕30号');
  });

  it('reports the new format used for 2020', () => {
    expect(check(report('2021', 2020), only)).toHaveLength(1);
  });

  it('is a warning for report year 2019 (FMT-2019-LENIENT)', () => {
    const findings = check(report('2021', 2019), { rules: [ID, 'FMT-2019-LENIENT'] });
    expect(findings).toMatchObject([{ ruleId: ID, severity: 'warning' }]);
  });

  it('reports an old signature label the extractor read in a 2021 report', () => {
    const provenance = {
      cells: { 'activeDisclosure.licensing.decisions': { raw: '5', header: '处理决定数量' } },
      labels: [
        {
          kind: 'column' as const,
          path: 'activeDisclosure.x',
          raw: '上一年项目数量',
          canonical: '',
        },
      ],
    };
    const findings = check(report('2021', 2023), { ...only, provenance });
    expect(findings.map((f) => f.params?.label)).toEqual(['上一年项目数量']);
  });

  it('gives only an info for reports before 2019', () => {
    expect(check(report('2019', 2017), only)).toMatchObject([{ severity: 'info' }]);
  });
});
