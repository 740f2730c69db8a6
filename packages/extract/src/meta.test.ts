import { describe, expect, it } from 'vitest';
import {
  buildMeta,
  dateFromLines,
  dateFromUrl,
  inferAgencyKind,
  labelledCells,
  parseTitle,
} from './meta.ts';

describe('meta', () => {
  it('reads year and agency from both title orders', () => {
    expect(parseTitle('嵩县公安局2020年政府信息公开工作年度报告')).toEqual({
      reportYear: 2020,
      agencyName: '嵩县公安局',
    });
    expect(parseTitle('2019年上海市人民政府办公厅政府信息公开工作年度报告')).toEqual({
      reportYear: 2019,
      agencyName: '上海市人民政府办公厅',
    });
    expect(parseTitle('# 沐阳县人民政府 2025 年 政府信息公开工作年度报告')).toEqual({
      reportYear: 2025,
      agencyName: '沐阳县人民政府',
    });
    expect(parseTitle('通知公告')).toEqual({});
  });

  it('infers the agency kind from the name (spec §8)', () => {
    expect(inferAgencyKind('嵩县公安局')).toBe('dept');
    expect(inferAgencyKind('上海市人民政府办公厅')).toBe('dept');
    expect(inferAgencyKind('沐阳县人民政府')).toBe('gov');
    expect(inferAgencyKind('平潭综合实验区')).toBe('gov');
    expect(inferAgencyKind('城关镇人民政府')).toBe('township');
    expect(inferAgencyKind('东风街道办事处')).toBe('township');
    expect(inferAgencyKind(undefined)).toBeUndefined();
  });

  it('reads publication dates from meta, page lines and URLs, in that order', () => {
    expect(dateFromLines(['来源：  发布日期：2020-01-31'])).toBe('2020-01-31');
    expect(dateFromLines(['发布时间: 2023-02-20 15:07'])).toBe('2023-02-20');
    expect(dateFromLines(['发布日期：2021年1月8日'])).toBe('2021-01-08');
    expect(dateFromLines(['发布日期：2021-02-30'])).toBeUndefined();
    expect(
      dateFromUrl('http://www.tianmen.gov.cn/zfxxgk/xxgknb/202205/t20220523_4139640.shtml'),
    ).toBe('2022-05-23');
    expect(dateFromUrl('https://example.gov.cn/2021-01/28/content.html')).toBe('2021-01-28');
    expect(
      buildMeta({
        metaDate: '2021-01-28 11:10',
        pageLines: ['发布日期：2021-02-01'],
        url: '/t20210301_1.htm',
      }),
    ).toMatchObject({
      publishedAt: '2021-01-28',
      publishedAtSource: 'meta',
    });
    expect(buildMeta({ pageLines: [], url: '/202103/t20210301_1.htm' })).toMatchObject({
      publishedAt: '2021-03-01',
      publishedAtSource: 'url',
    });
  });
});

describe('publication dates: labels only', () => {
  const today = '2025-12-30';
  it.each([
    ['发布日期：2024-01-17', '2024-01-17'],
    ['信息发布时间: 2024年1月17日 10:00', '2024-01-17'],
    ['公开日期：2024/1/17', '2024-01-17'],
    ['采集时间：2024-01-17', undefined],
    ['2025年12月29日 星期一', undefined],
    ['成文日期：2024-01-10', undefined],
    ['时间：2024-01-17', undefined],
    ['日期：2024-01-17', undefined],
    ['发布日期：2025-12-30', undefined], // today: a clock
    ['发布日期：2026-02-01', undefined], // the future
  ])('%s → %s', (line, date) => {
    expect(dateFromLines([line], today)).toBe(date);
  });

  it('reads label cells beside value cells', () => {
    const cells = labelledCells([
      ['索引号', 'X/2024-00017', '发布机构', '某县人民政府办公室'],
      ['公开日期：', '2024-01-17', '成文日期', '2024-01-10'],
    ]);
    expect(cells.get('公开日期')).toBe('2024-01-17');
    expect(cells.get('发布机构')).toBe('某县人民政府办公室');
    const meta = buildMeta({ infoTable: cells, pageLines: ['2025年12月30日 星期二'], today });
    expect(meta).toMatchObject({ publishedAt: '2024-01-17', publishedAtSource: 'info-table' });
    const signedOnly = buildMeta({
      infoTable: labelledCells([['成文日期', '2024-01-10']]),
      pageLines: [],
      today,
    });
    expect(signedOnly.publishedAt).toBeUndefined();
  });
});
