// The shared test table of the *-SHAPE rules: a complete table passes (blanks
// included), and a missing table, row or cell is reported with its path.
import { describe, expect, it } from 'vitest';
import type { Format } from '../index.ts';
import { blankReport, check, getPath } from '../index.ts';
import { consistentReport } from '../testing.ts';

export interface ShapeRuleCase {
  id: string;
  format: Format;
  /** Table path, e.g. `applications`. */
  table: string;
  /** Numeric cells of the official table (spec: 22/10, 161/175, 15), named in the message. */
  cellCount: number;
  /** A row to remove. */
  row: string;
  /** A cell to remove. */
  cell: string;
}

export function describeShapeRule({
  id,
  format,
  table,
  cellCount,
  row,
  cell,
}: ShapeRuleCase): void {
  const only = { rules: [id] };
  const without = (path: string) => {
    const report = consistentReport(format);
    const keys = path.split('.');
    const parent = (
      keys.length === 1 ? report : getPath(report, keys.slice(0, -1).join('.'))
    ) as Record<string, unknown>;
    delete parent[keys.at(-1)!];
    return report;
  };

  describe(id, () => {
    it('passes a complete table, blanks included', () => {
      expect(check(consistentReport(format), only)).toEqual([]);
      expect(check(blankReport(format), only)).toEqual([]);
    });

    it('reports a missing table when another table is there', () => {
      const findings = check(without(table), only);
      expect(findings).toMatchObject([{ ruleId: id, severity: 'error', cells: [table] }]);
      expect(findings[0]!.message).toContain(String(cellCount));
    });

    it('reports a missing row with its cells', () => {
      const findings = check(without(row), only);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.cells[0]).toBe(row);
    });

    it('reports a missing cell, but not a blank one', () => {
      expect(check(without(cell), only)).toMatchObject([{ cells: [cell] }]);
    });
  });
}
