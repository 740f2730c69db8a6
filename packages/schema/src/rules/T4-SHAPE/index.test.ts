import { describe, expect, it } from 'vitest';
import { blankReport, check, getPath } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T4-SHAPE';
const only = { rules: [ID] };

function without(path: string) {
  const report = consistentReport('2021');
  const keys = path.split('.');
  const parent = (
    keys.length === 1 ? report : getPath(report, keys.slice(0, -1).join('.'))
  ) as Record<string, unknown>;
  delete parent[keys.at(-1)!];
  return report;
}

describe(ID, () => {
  it('passes a complete table, blanks included', () => {
    expect(check(consistentReport('2021'), only)).toEqual([]);
    expect(check(blankReport('2021'), only)).toEqual([]);
  });

  it('reports a missing table when another table is there', () => {
    const findings = check(without('appeals'), only);
    expect(findings).toMatchObject([{ ruleId: ID, severity: 'error', cells: ['appeals'] }]);
    expect(findings[0]!.message).toContain('15');
  });

  it('reports a missing row with its cells', () => {
    const findings = check(without('appeals.litigationDirect'), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.cells[0]).toBe('appeals.litigationDirect');
  });

  it('reports a missing cell, but not a blank one', () => {
    expect(check(without('appeals.review.pending'), only)).toMatchObject([
      { cells: ['appeals.review.pending'] },
    ]);
  });
});
