import { describe, expect, it } from 'vitest';
import { check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T2-A-NEW-LE-MADE';
const only = { rules: [ID] };
const ROW = 'activeDisclosure.regulations';

describe(ID, () => {
  it('passes when no more were published than made', () => {
    let report = setCell(consistentReport('2019'), `${ROW}.newlyMade`, 3);
    report = setCell(report, `${ROW}.newlyPublished`, 3);
    expect(check(report, only)).toEqual([]);
  });

  it('notes more published than made, as info', () => {
    let report = setCell(consistentReport('2019'), `${ROW}.newlyMade`, 2);
    report = setCell(report, `${ROW}.newlyPublished`, 6);
    const [finding, ...rest] = check(report, { ...only, locale: 'en' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'info', expected: 2, actual: 6 });
    expect(finding!.message).toContain('exceeds');
  });
});
