import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'MONEY-HDR-DECIMALS';
const only = { rules: [ID] };
const AMOUNT = 'activeDisclosure.procurement.amount';
const SEED_HEADER = '采购总金额(单位:万元,保留4位小数)';

describe(ID, () => {
  const report = setCell(consistentReport('2019'), AMOUNT, 1511);
  const withRaw = (raw: string, header?: string) => ({
    ...only,
    provenance: { cells: { [AMOUNT]: { raw, ...(header && { header }) } } },
  });

  it('passes the decimals the header demands', () => {
    expect(check(report, withRaw('1511.0000', SEED_HEADER))).toEqual([]);
    expect(check(report, withRaw('1511.00', '采购总金额（万元，保留两位小数）'))).toEqual([]);
  });

  it('reports the seed: 1511 under a header demanding 4 decimals', () => {
    const [finding, ...rest] = check(report, withRaw('1511', SEED_HEADER));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: ID, severity: 'error', cells: [AMOUNT] });
    expect(finding!.message).toContain('保留4位小数');
    // Both readings in one finding: 1511 万元 written with 4 decimals, or 1511 元 = 0.1511 万元.
    expect(finding!.message).toContain('“1511”却是整数');
    expect(finding!.message).toContain('1511.0000');
    expect(finding!.message).toContain('0.1511');
  });

  it('without a header rule accepts up to 4 decimals and warns above', () => {
    const r = setCell(report, AMOUNT, 0.123456);
    expect(check(r, withRaw('0.1235', '采购总金额'))).toEqual([]);
    const [finding] = check(r, withRaw('0.123456', '采购总金额'));
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding!.message).toContain('6位小数');
  });

  it('without provenance judges only what the number shows', () => {
    expect(check(report, only)).toEqual([]);
    const [finding] = check(setCell(report, AMOUNT, 1.234567), only);
    expect(finding!.severity).toBe('warning');
  });

  it('checks the 2021 fee amount too', () => {
    const r = setCell(consistentReport('2021'), 'activeDisclosure.fees.amount', 12.3);
    const provenance = {
      cells: {
        'activeDisclosure.fees.amount': {
          raw: '12.3',
          header: '本年收费金额（单位：万元，保留2位小数）',
        },
      },
    };
    expect(check(r, { ...only, provenance })).toHaveLength(1);
  });

  it('is merged with every other money finding on the same cell: one cell, one finding', () => {
    // 251000元 under a 4-decimal 万元 header: a unit mismatch (MONEY-UNIT) and the
    // decimals (this rule) are one cause; the engine keeps one finding with both words.
    const r = setCell(report, AMOUNT, 251000);
    const money = ['MONEY-UNIT', 'MONEY-HDR-DECIMALS', 'MONEY-NONNEG-DEC', 'CELL-UNIT-IN-CELL'];
    const findings = check(r, {
      rules: money,
      provenance: { cells: { [AMOUNT]: { raw: '251000元', header: SEED_HEADER } } },
    }).filter((f) => f.ruleId.startsWith('MONEY-'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).toContain('另：');
  });
});
