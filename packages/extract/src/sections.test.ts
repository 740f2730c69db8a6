import { describe, expect, it } from 'vitest';
import { findHeadings, splitAtHeadings, splitSections } from './sections.ts';

const read = (text: string) => {
  const lines = splitAtHeadings(text.split('\n').map((t) => ({ text: t })));
  return splitSections(lines, findHeadings(lines));
};

describe('sections', () => {
  it('reads headings as found, in order, strays included', () => {
    const { sections, preamble } = read(
      '前言\n一、总体情况\n甲\n二、主动公开政府信息情况\n五、存在的主要问题及改进情况\n乙\n二、下步打算\n丙\n六、其他需要报告的事项\n无',
    );
    expect(preamble).toBe('前言');
    expect(sections.map((s) => [s.ordinal, s.text])).toEqual([
      ['一', '甲'],
      ['二', ''],
      ['五', '乙'],
      ['二', '丙'],
      ['六', '无'],
    ]);
  });

  it('does not take table row labels, enumerations or long sentences for headings', () => {
    const { sections } = read(
      '一、总体情况\n一是加强领导。\n一、本年新收政府信息公开申请数量 3\n三、本年度办理结果\n二、我局认真落实条例要求，全年主动公开信息100条，较上年增长10%。',
    );
    expect(sections.map((s) => s.heading)).toEqual(['一、总体情况']);
  });

  it('splits headings out of a long line and accepts 一. and wording variants', () => {
    const { sections } = read(
      '说明。 一. 本年度政府信息公开工作的总体情况 文字一 二、主动公开政府信息情况第二十条 四、政府信息公开行政法复议、行政诉讼情况行政复议',
    );
    expect(sections.map((s) => s.heading)).toEqual([
      '一. 本年度政府信息公开工作的总体情况',
      '二、主动公开政府信息情况',
      '四、政府信息公开行政法复议、行政诉讼情况',
    ]);
    expect(sections[0]!.text).toBe('文字一');
  });

  it('matches a heading without ordinal by its words (ordinal null)', () => {
    const { sections } = read('总体情况\n甲\n二、主动公开政府信息情况');
    expect(sections[0]).toEqual({ ordinal: null, heading: '总体情况', text: '甲' });
  });
});
