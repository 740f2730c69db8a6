import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'S-SEC5-CONTENT';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes problems with improvement measures', () => {
    expect(check(textReport('2021'), only)).toEqual([]);
  });

  it('reports "无"', () => {
    const findings = check(textReport('2021', { sections: officialSections({ 5: '无。' }) }), only);
    expect(findings).toMatchObject([{ severity: 'warning', cells: ['sections.5'] }]);
  });

  it('reports problems without any measure', () => {
    const text = '一是公开内容不够全面。二是人员力量薄弱。';
    const findings = check(textReport('2021', { sections: officialSections({ 5: text }) }), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('改进措施');
  });

  it("counts a stray heading nested in 五 (the seed's 二、下步打算) as part of 五", () => {
    const sections = officialSections({ 5: '一是认识有待提升。二是规范性有待提升。' });
    sections.splice(5, 0, {
      ordinal: '二',
      heading: '二、下步打算',
      text: '我们将进一步采取有效措施。',
    });
    expect(check(textReport('2019', { sections }), only)).toEqual([]);
  });
});
