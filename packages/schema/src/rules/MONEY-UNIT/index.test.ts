import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'MONEY-UNIT';
const only = { rules: [ID] };
const FEES = 'activeDisclosure.fees.amount';
const AMOUNT = 'activeDisclosure.procurement.amount';

describe(ID, () => {
  it('passes plausible 2021 fee amounts in 万元', () => {
    expect(check(setCell(consistentReport('2021'), FEES, 12.35), only)).toEqual([]);
  });

  it('warns about a 2021 fee amount that looks like yuan', () => {
    const [finding] = check(setCell(consistentReport('2021'), FEES, 2_500_000), only);
    expect(finding).toMatchObject({ ruleId: ID, severity: 'warning', actual: 2_500_000 });
    expect(finding!.message).toContain('250');
  });

  it('gives governments a higher bar', () => {
    const report = setCell(consistentReport('2021'), FEES, 500_000);
    expect(check(report, only)).toHaveLength(1);
    expect(check(report, { ...only, agencyKind: 'gov' })).toEqual([]);
  });

  it('leaves the seed to MONEY-HDR-DECIMALS: one cell, one piece of advice', () => {
    const report = setCell(consistentReport('2019'), AMOUNT, 1511);
    const provenance = {
      cells: { [AMOUNT]: { raw: '1511', header: '采购总金额(单位:万元,保留4位小数)' } },
    };
    // A whole number under a 4-decimal 万元 header: MONEY-HDR-DECIMALS names both readings.
    expect(check(report, { ...only, provenance })).toEqual([]);
    const [both, ...rest] = check(report, {
      rules: ['MONEY-UNIT', 'MONEY-HDR-DECIMALS'],
      provenance,
    });
    expect(rest).toEqual([]);
    expect(both!.message).toContain('1511.0000');
    expect(both!.message).toContain('0.1511');
    expect(
      check(report, {
        ...only,
        provenance: { cells: { [AMOUNT]: { ...provenance.cells[AMOUNT], raw: '1511.0000' } } },
      }),
    ).toEqual([]);
  });

  it('takes the 2019 unit from the cell, and warns when nothing states it', () => {
    const report = setCell(consistentReport('2019'), AMOUNT, 75394432.52);
    const inCell = { cells: { [AMOUNT]: { raw: '75394432.52元', header: '采购总金额' } } };
    expect(check(report, { ...only, provenance: inCell })).toEqual([]);
    const none = { cells: { [AMOUNT]: { raw: '75394432.52', header: '采购总金额' } } };
    const [finding] = check(report, { ...only, provenance: none });
    expect(finding!.message).toContain('均未注明单位');
    // Without provenance (the form), or without the header text, the unit cannot be known: silent.
    expect(check(report, only)).toEqual([]);
    const noHeader = { cells: { [AMOUNT]: { raw: '75394432.52' } } };
    expect(check(report, { ...only, provenance: noHeader })).toEqual([]);
  });

  it('warns when the header and the cell disagree on the unit', () => {
    const report = setCell(consistentReport('2019'), AMOUNT, 251000);
    const provenance = { cells: { [AMOUNT]: { raw: '251000元', header: '采购总金额（万元）' } } };
    const [finding] = check(report, { ...only, provenance, locale: 'en' });
    expect(finding!.message).toContain('10,000');
  });
});
