import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'XT-FEE-T3';
const only = { rules: [ID] };
const UNPAID = 'applications.results.other.unpaidFee.total';

function report(sec6: string, unpaid: number, handled?: number) {
  let r = textReport('2021', { sections: officialSections({ 6: sec6 }) });
  r = setCell(r, UNPAID, unpaid);
  if (handled !== undefined) r = setCell(r, 'applications.results.total.total', handled);
  return r;
}

describe(ID, () => {
  it('passes fees mentioned when applications were dropped for non-payment', () => {
    expect(check(report('收取信息处理费共计380元。', 7), only)).toEqual([]);
    expect(check(report('向申请人发出收费通知2份，申请人逾期未缴纳。', 2), only)).toEqual([]);
  });

  it('reports dropped applications that section 六 does not explain', () => {
    expect(check(report('无。', 2), only)).toMatchObject([
      { severity: 'warning', cells: [UNPAID, 'sections.6'], params: { count: 2 } },
    ]);
  });

  it('reports fees collected in a year without handled applications', () => {
    const findings = check(report('本年度收取信息处理费500元。', 0, 0), only);
    expect(findings).toMatchObject([{ cells: ['applications.results.total.total', 'sections.6'] }]);
  });

  it('does not read "未收取信息处理费" as collected', () => {
    expect(check(report('本年度未收取信息处理费。', 0, 0), only)).toEqual([]);
  });
});
