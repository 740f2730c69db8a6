import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'S-SEC6-FEE';
const only = { rules: [ID] };
const with6 = (text: string) => textReport('2021', { sections: officialSections({ 6: text }) });

describe(ID, () => {
  it('passes "未收取" and an amount', () => {
    expect(check(with6('本年度未收取信息处理费。'), only)).toEqual([]);
    expect(check(with6('收取信息处理费共计380元，其中民政局1件。'), only)).toEqual([]);
    expect(check(with6('本机关没有收取信息处理费。'), only)).toEqual([]);
  });

  it('reports a section 六 that says nothing about fees, as an error', () => {
    expect(check(with6('无。'), only)).toMatchObject([
      { severity: 'error', cells: ['sections.6'] },
    ]);
  });

  it('reports a mention that does not say whether fees were collected', () => {
    const [finding] = check(with6('严格执行信息处理费管理办法。'), only);
    expect(finding!.message).toContain('未写明是否收取');
  });

  it('does not apply to the 2019 format, where "无" is acceptable', () => {
    expect(check(textReport('2019', { sections: officialSections({ 6: '无' }) }), only)).toEqual(
      [],
    );
  });
});
