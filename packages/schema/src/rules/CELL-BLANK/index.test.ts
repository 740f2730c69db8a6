import { describe, expect, it } from 'vitest';
import { blankReport, check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'CELL-BLANK';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes reports without blank cells', () => {
    expect(check(consistentReport('2019'), only)).toEqual([]);
    expect(check(consistentReport('2021'), only)).toEqual([]);
  });

  it('reports blank cells once per table', () => {
    let report = setCell(consistentReport('2019'), 'applications.carriedOver.research', null);
    report = setCell(report, 'applications.results.granted.legalService', null);
    report = setCell(report, 'appeals.review.other', null);
    const findings = check(report, only);
    expect(findings).toHaveLength(2);
    expect(findings[0]!.cells).toEqual([
      'applications.carriedOver.research',
      'applications.results.granted.legalService',
    ]);
    expect(findings[0]!.message).toContain('表三有2个单元格空白');
    expect(findings[1]!.cells).toEqual(['appeals.review.other']);
    expect(findings[0]!.fingerprint).not.toBe(findings[1]!.fingerprint);
  });

  it('reads "-", "无" and &nbsp; in the raw text as blank', () => {
    const report = consistentReport('2021');
    const provenance = {
      cells: {
        'appeals.review.upheld': { raw: '-' },
        'appeals.review.corrected': { raw: '无' },
        'appeals.review.other': { raw: '&nbsp;' },
        'appeals.review.pending': { raw: '0' },
      },
    };
    const [finding, ...rest] = check(report, { ...only, provenance });
    expect(rest).toEqual([]);
    expect(finding!.cells).toEqual([
      'appeals.review.upheld',
      'appeals.review.corrected',
      'appeals.review.other',
    ]);
  });

  it('says so when a whole table is blank', () => {
    const findings = check(blankReport('2021'), { ...only, locale: 'en' });
    expect(findings).toHaveLength(3);
    expect(findings[1]!.message).toBe(
      'All 175 cells of table 3 are blank and counted as 0; write a number (0 if none)',
    );
  });

  it('ignores absent tables (the SHAPE rules report those)', () => {
    const report = consistentReport('2019');
    delete report.appeals;
    expect(check(report, only)).toEqual([]);
  });
});
