import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'CELL-UNIT-IN-CELL';
const only = { rules: [ID] };
const AMOUNT = 'activeDisclosure.procurement.amount';

describe(ID, () => {
  const report = setCell(consistentReport('2019'), AMOUNT, 251000);

  it('is silent without provenance and for plain numbers', () => {
    expect(check(report, only)).toEqual([]);
    expect(
      check(report, { ...only, provenance: { cells: { [AMOUNT]: { raw: '251000' } } } }),
    ).toEqual([]);
  });

  it('reports a unit written inside the cell (S11: 251000元)', () => {
    const provenance = {
      cells: {
        [AMOUNT]: { raw: '251000元', header: '采购总金额' },
        'applications.newReceived.total': { raw: '859件' },
      },
    };
    const findings = check(report, { ...only, provenance });
    expect(findings.map((f) => f.cells[0])).toEqual([AMOUNT, 'applications.newReceived.total']);
    expect(findings[0]!.message).toContain('“251000元”');
    expect(findings[0]!.message).toContain('“元”');
    expect(findings[0]!.severity).toBe('warning');
  });

  it('ignores provenance entries that are not cells of the format', () => {
    const provenance = { cells: { 'activeDisclosure.fees.amount': { raw: '3万元' } } };
    expect(check(report, { ...only, provenance })).toEqual([]);
  });
});
