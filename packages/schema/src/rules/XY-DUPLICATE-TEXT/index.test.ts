import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, SAMPLE_TEXT, textReport } from '../../text/fixtures.ts';
import { comparableText, similarity } from '../../text/similarity.ts';

const ID = 'XY-DUPLICATE-TEXT';
const only = { rules: [ID] };

const overview2022 =
  '2022年，我局认真贯彻《条例》，全年主动公开政府信息120条，办理依申请公开申请8件，开展业务培训3次，政府网站和政务新媒体运行平稳，监督保障有力。';
const overview2023 = overview2022
  .replace('2022年', '2023年')
  .replace('120', '135')
  .replace('8件', '11件');

describe(ID, () => {
  it('compares text without years and numbers', () => {
    expect(similarity(comparableText(overview2022), comparableText(overview2023))).toBe(1);
    expect(
      similarity(comparableText('完全不同的一段文字'), comparableText(overview2022)),
    ).toBeLessThan(0.3);
  });

  it('reports a section copied from last year with new figures', () => {
    const previous = textReport('2021', {
      sections: officialSections({ 1: overview2022 }),
      meta: { reportYear: 2022 },
    });
    const report = textReport('2021', { sections: officialSections({ 1: overview2023 }) });
    const findings = check(report, { ...only, previous });
    expect(findings.map((f) => f.cells[0])).toContain('sections.1');
    expect(findings.find((f) => f.cells[0] === 'sections.1')!.message).toContain('100%');
  });

  it('passes rewritten sections and ignores short ones such as 六 "无"', () => {
    const previous = textReport('2021', {
      sections: officialSections({
        1: overview2022,
        5: '今年的问题是人员不足，明年将招聘专职人员，完善工作制度，并加强考核。',
        6: '无',
      }),
    });
    const report = textReport('2021', {
      sections: officialSections({ 1: SAMPLE_TEXT[1], 6: '无' }),
    });
    expect(check(report, { ...only, previous })).toEqual([]);
  });
});
