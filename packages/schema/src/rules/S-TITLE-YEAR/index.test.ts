import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { textReport } from '../../text/fixtures.ts';

const ID = 'S-TITLE-YEAR';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes a title with the year and the agency', () => {
    expect(check(textReport('2021'), only)).toEqual([]);
    const meta = { title: '某某区政务服务局二〇二三年度政府信息公开工作年度报告' };
    expect(check(textReport('2021', { meta }), only)).toEqual([]);
  });

  it('accepts the agency by its short form, without the city before it', () => {
    const meta = {
      title: '洪泽区人民政府2023年政府信息公开工作年度报告',
      agencyName: '淮安市洪泽区人民政府',
    };
    expect(check(textReport('2021', { meta: { ...meta } }), only)).toEqual([]);
    const other = { ...meta, title: '金湖县人民政府2023年政府信息公开工作年度报告' };
    expect(check(textReport('2021', { meta: other }), only)).toHaveLength(1);
  });

  it('reports a title without a year', () => {
    const meta = { title: '某某区政务服务局政府信息公开工作年度报告' };
    expect(check(textReport('2021', { meta }), only)).toMatchObject([
      { severity: 'error', cells: ['meta.title'] },
    ]);
  });

  it('reports a title of another year', () => {
    const meta = { title: '某某区政务服务局2022年政府信息公开工作年度报告' };
    const [finding] = check(textReport('2021', { meta }), only);
    expect(finding!.message).toContain('2022');
  });

  it('reports a title without the agency name', () => {
    const meta = { title: '2023年政府信息公开工作年度报告' };
    const [finding] = check(textReport('2021', { meta }), only);
    expect(finding!.cells).toEqual(['meta.title', 'meta.agencyName']);
  });

  it('reports a statistical period of another year', () => {
    const preamble = '本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。';
    const [finding] = check(textReport('2021', { preamble }), only);
    expect(finding).toMatchObject({ cells: ['meta.reportYear', 'preamble'] });
  });
});
