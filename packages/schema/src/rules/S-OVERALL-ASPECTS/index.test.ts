import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'S-OVERALL-ASPECTS';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes an overview that covers the five aspects', () => {
    expect(check(textReport('2021'), only)).toEqual([]);
  });

  it('accepts the usual wordings (the seed writes 政府信息资源的规范化、标准化管理)', () => {
    const text =
      '主动公开情况、依申请公开办理情况、政府信息资源的规范化、标准化管理、政府信息公开平台建设情况、政府信息公开监督保障及教育培训情况';
    expect(check(textReport('2019', { sections: officialSections({ 1: text }) }), only)).toEqual(
      [],
    );
  });

  it('lists the missing aspects in one warning', () => {
    const text = '全年主动公开政府信息100条，依申请公开办理规范。';
    const findings = check(textReport('2021', { sections: officialSections({ 1: text }) }), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', cells: ['sections.1'] });
    expect(findings[0]!.message).toContain('政府信息管理');
    expect(findings[0]!.message).toContain('监督保障');
    expect(findings[0]!.message).not.toContain('未提及主动公开');
  });

  it('does not run when section 一 is missing (S-SECTIONS-PRESENT reports it)', () => {
    const report = textReport('2021', { sections: officialSections().slice(1) });
    expect(check(report, only)).toEqual([]);
  });

  it('reads an overview in Traditional script (gate/big5 portals, spec §9.3)', () => {
    const text =
      '（一）主動公開（二）依申請公開（三）政府信息管理：嚴格發布審核（四）平臺建設：政府網站（五）監督保障：開展考核';
    expect(check(textReport('2021', { sections: officialSections({ 1: text }) }), only)).toEqual(
      [],
    );
  });
});
