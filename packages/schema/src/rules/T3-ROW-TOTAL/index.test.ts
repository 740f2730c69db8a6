import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T3-ROW-TOTAL';
const only = { rules: [ID] };
const GRANTED = 'applications.results.granted';

describe(ID, () => {
  it('passes consistent reports of both formats', () => {
    expect(check(consistentReport('2019'), only)).toEqual([]);
    expect(check(consistentReport('2021', 4), only)).toEqual([]);
  });

  it('reports a row whose total is not the sum of its applicant columns', () => {
    const base = consistentReport('2021', 2);
    const total = base.applications!.results!.granted!.total!;
    const [finding, ...rest] = check(setCell(base, `${GRANTED}.total`, total + 3), only);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: ID,
      severity: 'warning',
      expected: total,
      actual: total + 3,
    });
    expect(finding!.cells[0]).toBe(`${GRANTED}.total`);
    expect(finding!.cells).toContain(`${GRANTED}.naturalPerson`);
    // Alone, the row equation cannot tell which of its seven cells is wrong.
    expect(finding!.fix).toBeUndefined();
    expect(finding!.message).toContain('（一）予以公开');
    expect(finding!.message).toContain('总计');
  });

  it('with the results sum, the engine singles out the cell both equations share', () => {
    const base = consistentReport('2019', 3);
    const value = base.applications!.results!.granted!.naturalPerson!;
    const report = setCell(base, `${GRANTED}.naturalPerson`, value + 40);
    const findings = check(report, { rules: [ID, 'T3-RESULTS-SUM'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix).toEqual({ cell: `${GRANTED}.naturalPerson`, value });
    expect(findings[0]!.cells[0]).toBe(`${GRANTED}.naturalPerson`);
  });

  it('is a warning, because the spec marks its basis inferred', async () => {
    const { rules } = await import('../../index.ts');
    const meta = rules.find((r) => r.meta.id === ID)!.meta;
    expect(meta).toMatchObject({ severity: 'warning', inferred: true });
  });

  it('speaks English', () => {
    const report = setCell(consistentReport('2019'), `${GRANTED}.naturalPerson`, 50);
    const [finding] = check(report, { ...only, locale: 'en' });
    expect(finding!.message).toMatch(/^table 3, row "[^"]*\(1\) Disclosed".*add up to/);
  });
});
