import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'CELL-THOUSANDS';
const only = { rules: [ID] };
const CELL = 'activeDisclosure.licensing.decisions';

describe(ID, () => {
  const report = setCell(consistentReport('2019'), CELL, 14674);

  it('passes plain digits and is silent without provenance', () => {
    expect(check(report, only)).toEqual([]);
    expect(check(report, { ...only, provenance: { cells: { [CELL]: { raw: '14674' } } } })).toEqual(
      [],
    );
  });

  it('reports thousands separators', () => {
    for (const raw of ['14,674', '14，674']) {
      const [finding] = check(report, { ...only, provenance: { cells: { [CELL]: { raw } } } });
      expect(finding).toMatchObject({ ruleId: ID, severity: 'warning', actual: 14674 });
      expect(finding!.message).toContain('千位分隔符');
    }
  });

  it('reports fullwidth digits', () => {
    const [finding] = check(report, {
      ...only,
      locale: 'en',
      provenance: { cells: { [CELL]: { raw: '１４６７４' } } },
    });
    expect(finding!.message).toContain('fullwidth');
  });

  it('does not mistake decimals for separators', () => {
    const amount = 'activeDisclosure.procurement.amount';
    const r = setCell(report, amount, 1511.125);
    expect(check(r, { ...only, provenance: { cells: { [amount]: { raw: '1511.125' } } } })).toEqual(
      [],
    );
  });
});
