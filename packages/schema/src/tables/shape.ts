/**
 * Shape checks shared by T2-A-SHAPE, T2-B-SHAPE, T3-A-SHAPE, T3-B-SHAPE and
 * T4-SHAPE: is each table there, and does it hold every row and cell of its
 * format? A blank cell (null) is present; a missing key is not.
 */
import { getPath } from '../core/cells.ts';
import type { RuleContext } from '../core/types.ts';
import type { RowTemplate } from '../templates/types.ts';

/** The messages `checkShape` uses besides each rule's own `default` (a missing row, missing cells). */
export const SHAPE_MESSAGES = {
  row: {
    zh: '缺少{row}（{count}个单元格）',
    en: 'Missing {row} ({count} cells)',
  },
  cells: {
    zh: '{row}缺少{count}个单元格',
    en: '{row} lacks {count} cells',
  },
};

export type TableId = 'activeDisclosure' | 'applications' | 'appeals';
const TABLES: TableId[] = ['activeDisclosure', 'applications', 'appeals'];

/** The rows of a table in the report's format (table 二 flattened over its sub-tables). */
export function templateRows(ctx: RuleContext, table: TableId): RowTemplate[] {
  if (table === 'activeDisclosure')
    return ctx.template.activeDisclosure.subTables.flatMap((s) => s.rows);
  return ctx.template[table].rows;
}

export function cellCount(ctx: RuleContext, table: TableId): number {
  return table === 'activeDisclosure'
    ? ctx.template.activeDisclosure.cellCount
    : ctx.template[table].cellCount;
}

/**
 * Reports a missing table, missing rows and missing cells. When no table at
 * all was found, FMT-NON-UNIFIED speaks for the report and this stays silent.
 */
export function checkShape(ctx: RuleContext, table: TableId): void {
  const present = (t: TableId) => ctx.report[t] !== undefined && ctx.report[t] !== null;
  if (!present(table)) {
    if (TABLES.some(present)) {
      ctx.flag({ cells: [table], params: { count: cellCount(ctx, table) } });
    }
    return;
  }
  // Rows the extractor saw but could not read are its diagnostics, not the report's defect.
  const unread = new Set(ctx.provenance?.unread ?? []);
  for (const row of templateRows(ctx, table)) {
    if (row.cells.every((c) => unread.has(c))) continue;
    const value = getPath(ctx.report, row.path);
    if (value === undefined || value === null || typeof value !== 'object') {
      ctx.flag({
        cells: [row.path, ...row.cells],
        messageId: 'row',
        params: { row: ctx.label(row.path), count: row.cells.length },
      });
      continue;
    }
    const absent = row.cells.filter(
      (c) => ctx.cell(c) === undefined && getPath(ctx.report, c) !== null,
    );
    if (absent.length > 0) {
      ctx.flag({
        cells: absent,
        messageId: 'cells',
        params: { row: ctx.label(row.path), count: absent.length },
      });
    }
  }
}
