import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'MONEY-NONNEG-DEC';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes non-negative amounts with decimals, and blanks', () => {
    expect(
      check(setCell(consistentReport('2019'), 'activeDisclosure.procurement.amount', 0.1511), only),
    ).toEqual([]);
    expect(
      check(setCell(consistentReport('2021'), 'activeDisclosure.fees.amount', null), only),
    ).toEqual([]);
  });

  it('reports a negative amount in either format', () => {
    const [a] = check(
      setCell(consistentReport('2019'), 'activeDisclosure.procurement.amount', -3.5),
      only,
    );
    expect(a).toMatchObject({
      severity: 'error',
      actual: -3.5,
      cells: ['activeDisclosure.procurement.amount'],
    });
    const [b] = check(setCell(consistentReport('2021'), 'activeDisclosure.fees.amount', -1), only);
    expect(b!.message).toContain('本年收费金额（单位：万元）');
  });
});
