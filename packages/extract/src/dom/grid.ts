/**
 * A `<table>` as rows of its own cells, each with its position in the
 * resolved grid (rowspan and colspan applied). Values are mapped by their
 * order within a row (spec §9.1), but the grid position is what provenance
 * reports and what the CLI prints.
 */
import type { SourceLocation } from '@nianbao/schema';
import { collapse, tagOf } from './walk.ts';

export interface GridCell {
  text: string;
  element: Element;
  row: number;
  column: number;
  rowspan: number;
  colspan: number;
}

const MAX_SPAN = 1000;

function span(el: Element, name: string): number {
  const n = Number.parseInt(el.getAttribute(name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Rows of a table (not of tables nested in it), in order. */
function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = tagOf(child);
    if (tag === 'TR') out.push(child);
    else if (tag === 'TBODY' || tag === 'THEAD' || tag === 'TFOOT') {
      for (const tr of Array.from(child.children)) if (tagOf(tr) === 'TR') out.push(tr);
    }
  }
  return out;
}

/** Grid positions marked per table at most: hostile spans cannot blow up time or memory. */
const GRID_BUDGET = 200_000;

export function tableGrid(table: Element): GridCell[][] {
  const occupied: boolean[][] = [];
  const rows: GridCell[][] = [];
  const trs = rowsOf(table);
  let budget = GRID_BUDGET;
  trs.forEach((tr, r) => {
    const cells: GridCell[] = [];
    let column = 0;
    occupied[r] ??= [];
    for (const el of Array.from(tr.children)) {
      const tag = tagOf(el);
      if (tag !== 'TD' && tag !== 'TH') continue;
      while (occupied[r]![column]) column++;
      const rowspan = Math.min(span(el, 'rowspan'), trs.length - r);
      const colspan = span(el, 'colspan');
      if (budget > 0) {
        for (let dr = 0; dr < rowspan; dr++) {
          occupied[r + dr] ??= [];
          const line = occupied[r + dr]!;
          for (let dc = 0; dc < colspan; dc++) line[column + dc] = true;
        }
        budget -= rowspan * colspan;
      }
      cells.push({
        text: collapse(el.textContent ?? ''),
        element: el,
        row: r,
        column,
        rowspan,
        colspan,
      });
      column += colspan;
    }
    rows.push(cells);
  });
  return rows;
}

export function locationOf(cell: GridCell, table: number, keepElements: boolean): SourceLocation {
  const line = Number.parseInt(cell.element.getAttribute('data-nb-line') ?? '', 10);
  return {
    table,
    row: cell.row,
    column: cell.column,
    ...(Number.isFinite(line) ? { line } : {}),
    ...(keepElements ? { element: cell.element } : {}),
  };
}
