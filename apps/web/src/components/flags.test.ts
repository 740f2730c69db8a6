import { blankReport, check, FORMATS, setCell } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { flagsByPath, stableSubset, uniqueKeys } from './flags.ts';

describe('flagsByPath', () => {
  it('marks the primary cell of a finding with its most severe severity and every message', () => {
    const report = setCell(blankReport('2021', 0), 'applications.newReceived.naturalPerson', 5);
    const findings = check(report);
    const flags = flagsByPath(findings, '2021');
    const primary = findings.find((f) => f.fix)!;
    expect(flags.get(primary.cells[0]!)?.message).toContain(primary.message);
    expect(flags.get(primary.cells[0]!)?.severity).toBe('error');
  });

  it('puts a finding about a whole row on the row’s first cell', () => {
    const row = FORMATS['2021'].applications.rows[3]!;
    const flags = flagsByPath(
      [
        {
          ruleId: 'X',
          severity: 'warning',
          origin: 'report',
          message: 'row',
          cells: [row.path],
          fingerprint: 'a',
        },
        {
          ruleId: 'Y',
          severity: 'error',
          origin: 'report',
          message: 'cell',
          cells: [row.cells[0]!],
          fingerprint: 'b',
        },
      ],
      '2021',
    );
    expect(flags.get(row.cells[0]!)).toEqual({ severity: 'error', message: 'row\ncell' });
    expect(flags.has(row.path)).toBe(false);
  });
});

describe('stableSubset', () => {
  it('returns the same map while the kept flags do not change', () => {
    const a = new Map([
      ['meta.title', { severity: 'warning' as const, message: 'm' }],
      ['appeals.review.total', { severity: 'error' as const, message: 'x' }],
    ]);
    const first = stableSubset(undefined, a, (p) => p.startsWith('meta.'));
    const b = new Map(a);
    b.set('appeals.review.total', { severity: 'error', message: 'changed' });
    expect(stableSubset(first, b, (p) => p.startsWith('meta.'))).toBe(first);
    b.set('meta.title', { severity: 'error', message: 'm' });
    expect(stableSubset(first, b, (p) => p.startsWith('meta.'))).not.toBe(first);
  });
});

it('uniqueKeys keeps repeated keys apart', () => {
  expect(uniqueKeys(['a', 'b', 'a', 'a'], (x) => x)).toEqual(['a', 'b', 'a#1', 'a#2']);
});
