import { describe, expect, it } from 'vitest';
import { blankReport, check, getPath } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T3-A-SHAPE';
const only = { rules: [ID] };

function without(path: string) {
  const report = consistentReport('2019');
  const keys = path.split('.');
  const parent = (
    keys.length === 1 ? report : getPath(report, keys.slice(0, -1).join('.'))
  ) as Record<string, unknown>;
  delete parent[keys.at(-1)!];
  return report;
}

describe(ID, () => {
  it('passes a complete table, blanks included', () => {
    expect(check(consistentReport('2019'), only)).toEqual([]);
    expect(check(blankReport('2019'), only)).toEqual([]);
  });

  it('reports a missing table when another table is there', () => {
    const findings = check(without('applications'), only);
    expect(findings).toMatchObject([{ ruleId: ID, severity: 'error', cells: ['applications'] }]);
    expect(findings[0]!.message).toContain('161');
  });

  it('reports a missing row with its cells', () => {
    const findings = check(without('applications.results.other'), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.cells[0]).toBe('applications.results.other');
  });

  it('reports a missing cell, but not a blank one', () => {
    expect(check(without('applications.results.granted.research'), only)).toMatchObject([
      { cells: ['applications.results.granted.research'] },
    ]);
  });
});
