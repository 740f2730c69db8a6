import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import type { Report } from '../../model/report.ts';
import { consistentReport } from '../../testing.ts';
import { hasRuleMakingPower } from './index.ts';

const ID = 'T2-REG-AUTHORITY';
const only = { rules: [ID] };

function withRules(
  agencyName: string | undefined,
  valid: number,
  format: '2019' | '2021' = '2021',
) {
  const path =
    format === '2021'
      ? 'activeDisclosure.regulations.valid'
      : 'activeDisclosure.regulations.totalPublic';
  const report: Report = setCell(consistentReport(format), path, valid);
  report.meta = { ...report.meta, ...(agencyName && { agencyName }) };
  return report;
}

describe(ID, () => {
  it('infers rule-making power from the agency name', () => {
    expect(hasRuleMakingPower('嵩县公安局', undefined)).toBe(false);
    expect(hasRuleMakingPower('某某镇人民政府', undefined)).toBe(false);
    expect(hasRuleMakingPower('深圳市龙岗区教育局', undefined)).toBe(false);
    expect(hasRuleMakingPower('上海市人民政府办公厅', undefined)).toBe(true);
    expect(hasRuleMakingPower('广西壮族自治区人民政府', undefined)).toBe(true);
    expect(hasRuleMakingPower('武汉市生态环境局', undefined)).toBeUndefined();
    expect(hasRuleMakingPower(undefined, 'township')).toBe(false);
  });

  it('passes county bodies reporting 0 and rule-making bodies reporting rules', () => {
    expect(check(withRules('嵩县公安局', 0, '2019'), only)).toEqual([]);
    expect(check(withRules('上海市人民政府办公厅', 13, '2019'), only)).toEqual([]);
  });

  it('stays silent when the level cannot be told', () => {
    expect(check(withRules('武汉市生态环境局', 4), only)).toEqual([]);
    expect(check(withRules(undefined, 4), only)).toEqual([]);
  });

  it('warns when a township reports rules in force (S14)', () => {
    const [finding, ...rest] = check(withRules('某某镇人民政府', 6), only);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: ID, severity: 'warning' });
    expect(finding!.cells).toEqual(['activeDisclosure.regulations.valid']);
    expect(finding!.message).toContain('某某镇人民政府');
    expect(finding!.message).toContain('现行有效件数 6');
  });

  it('uses agencyKind from the options', () => {
    const report = withRules(undefined, 2);
    expect(check(report, { ...only, agencyKind: 'township' })).toHaveLength(1);
  });
});
