import { describe, expect, it } from 'vitest';
import { blankReport, check, setCell } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T3-TOTAL-BLANK';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes filled reports and rows that are blank throughout', () => {
    expect(check(consistentReport('2019'), only)).toEqual([]);
    expect(check(blankReport('2021'), only)).toEqual([]);
  });

  it('reports every row with numbers but a blank total, once for the table', () => {
    let report = consistentReport('2019', 2);
    report = setCell(report, 'applications.results.granted.total', null);
    report = setCell(report, 'applications.results.denied.stateSecret.total', null);
    const findings = check(report, only);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.cells).toEqual([
      'applications.results.granted.total',
      'applications.results.denied.stateSecret.total',
    ]);
    expect(findings[0]!.message).toContain('2行');
    expect(findings[0]!.message).toContain('1.属于国家秘密');
  });

  it('treats "-" in the raw text as blank even when the extractor read 0', () => {
    const report = setCell(consistentReport('2021', 3), 'applications.newReceived.total', 0);
    const provenance = { cells: { 'applications.newReceived.total': { raw: ' - ' } } };
    expect(check(report, { ...only, provenance })).toHaveLength(1);
  });
});
