import { blankReport, check, getCell, setCell } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { convertReport } from './convert.ts';

describe('convertReport', () => {
  it('carries tables 三 and 四, meta and sections over, and maps （六）其他处理', () => {
    let r = blankReport('2019');
    r = setCell(r, 'applications.newReceived.total', 9);
    r = setCell(r, 'applications.results.other.naturalPerson', 2);
    r = setCell(r, 'appeals.review.total', 1);
    r = setCell(r, 'activeDisclosure.procurement.amount', 1511);
    r.meta = { agencyName: '嵩县公安局', reportYear: 2021 };
    r.sections = [{ ordinal: '一', heading: '一、总体情况', text: '……' }];
    const b = convertReport(r, '2021');
    expect(b.format).toBe('2021');
    expect(getCell(b, 'applications.newReceived.total')).toBe(9);
    expect(getCell(b, 'applications.results.other.other.naturalPerson')).toBe(2);
    expect(getCell(b, 'applications.results.other.unpaidFee.naturalPerson')).toBeNull();
    expect(getCell(b, 'appeals.review.total')).toBe(1);
    expect(getCell(b, 'activeDisclosure.licensing.decisions')).toBeNull();
    expect(b.meta).toEqual(r.meta);
    expect(b.sections).toEqual(r.sections);
    expect(() => check(b)).not.toThrow();

    // Back again, with the 2019 version stashed: table 二 comes back as it was.
    const a = convertReport(b, '2019', r);
    expect(getCell(a, 'activeDisclosure.procurement.amount')).toBe(1511);
    expect(getCell(a, 'applications.results.other.naturalPerson')).toBe(2);
  });

  it('sums the three rows of （六） going back to the 2019 format', () => {
    let b = blankReport('2021');
    b = setCell(b, 'applications.results.other.overdueCorrection.total', 1);
    b = setCell(b, 'applications.results.other.other.total', 2);
    const a = convertReport(b, '2019');
    expect(getCell(a, 'applications.results.other.total')).toBe(3);
    expect(getCell(a, 'applications.results.other.research')).toBeNull();
  });

  it('keeps an absent table absent ("not found" is not "blank")', () => {
    const r = blankReport('2019');
    delete r.applications;
    const b = convertReport(r, '2021');
    expect(b.applications).toBeUndefined();
    expect(b.appeals).toBeDefined();
  });
});
