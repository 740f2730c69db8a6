import { FORMATS, type Format } from '@nianbao/schema';
import { parseCellText } from './numbers.ts';

export type TableId = 'activeDisclosure' | 'applications' | 'appeals';
export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The value cells of each table as the official layout shows them: rows of
 * cell paths. Table 四 is one row of 15 cells, as printed.
 */
export interface Grids {
  tables: Record<TableId, string[][]>;
  position: Map<string, { table: TableId; row: number; column: number }>;
}

const cache = new Map<Format, Grids>();

export function gridsOf(format: Format): Grids {
  const cached = cache.get(format);
  if (cached) return cached;
  const t = FORMATS[format];
  const tables: Record<TableId, string[][]> = {
    activeDisclosure: t.activeDisclosure.subTables.flatMap((st) => st.rows.map((r) => r.cells)),
    applications: t.applications.rows.map((r) => r.cells),
    appeals: [t.appeals.rows.flatMap((r) => r.cells)],
  };
  const position: Grids['position'] = new Map();
  for (const table of Object.keys(tables) as TableId[]) {
    tables[table].forEach((cells, row) => {
      cells.forEach((path, column) => {
        position.set(path, { table, row, column });
      });
    });
  }
  const grids = { tables, position };
  cache.set(format, grids);
  return grids;
}

/** The cell an arrow (or Enter) leads to from `path`, or undefined at the table's edge. */
export function moveFrom(format: Format, path: string, direction: Direction): string | undefined {
  const { tables, position } = gridsOf(format);
  const at = position.get(path);
  if (!at) return undefined;
  const rows = tables[at.table];
  if (direction === 'left') return rows[at.row]![at.column - 1];
  if (direction === 'right') return rows[at.row]![at.column + 1];
  const next = rows[at.row + (direction === 'down' ? 1 : -1)];
  if (!next) return undefined;
  // Sub-tables of table 二 have 1–3 columns: keep the column, or the nearest one.
  return next[Math.min(at.column, next.length - 1)];
}

export interface CellUpdate {
  path: string;
  value: number | null;
  raw: string;
  /** `raw` is text typed into the cell that is not a number (`value` is then null). */
  notANumber?: true;
}

export interface PastePlan {
  updates: CellUpdate[];
  /** Cells that were not numbers (after leading row labels were dropped). */
  unreadable: number;
  /** Values that fell outside the table. */
  outside: number;
}

/**
 * Where a pasted block goes: its top-left value lands on `path`, the rest
 * follows the official layout. Leading label cells of a row (a clerk often
 * copies the row labels too) and rows that hold only labels (header rows) are
 * dropped, so a block copied with its labels still lines up.
 */
export function planPaste(format: Format, path: string, block: string[][]): PastePlan {
  const { tables, position } = gridsOf(format);
  const at = position.get(path);
  const plan: PastePlan = { updates: [], unreadable: 0, outside: 0 };
  if (!at) return plan;
  const rows = tables[at.table];
  const isLabel = (text: string) => text.trim() !== '' && !parseCellText(text).ok;
  let target = at.row;
  for (const pasted of block) {
    if (pasted.every((c) => c.trim() === '') && pasted.length <= 1) continue;
    let start = 0;
    while (start < pasted.length && isLabel(pasted[start]!)) start++;
    const values = pasted.slice(start);
    if (values.length === 0) continue; // a header or group-label row
    const cells = rows[target];
    target++;
    if (!cells) {
      plan.outside += values.length;
      continue;
    }
    values.forEach((text, i) => {
      const cell = cells[at.column + i];
      if (!cell) {
        plan.outside++;
        return;
      }
      const parsed = parseCellText(text);
      if (parsed.ok) plan.updates.push({ path: cell, value: parsed.value, raw: text.trim() });
      else plan.unreadable++;
    });
  }
  return plan;
}
