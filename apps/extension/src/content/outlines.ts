/**
 * One mark is one outline on the page: the flagged cells of one finding that
 * touch each other in their table (same grid, sharing an edge, rowspan and
 * colspan included) become one group, and only the group's border is drawn —
 * a blank column of 25 cells is one box, not 25. Positions come from the page's
 * own table grid, so a transposed or merged layout is outlined as it is shown.
 */

/** The sides of a cell on its group's border: `t`, `r`, `b`, `l`. */
export type Edge = 't' | 'r' | 'b' | 'l';

export interface OutlineGroup {
  /** In page order within a table (elements outside a table are groups of one). */
  elements: Element[];
  /** For each element, the sides that lie on the group's border. */
  edges: Map<Element, Edge[]>;
}

interface Slot {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const ALL: Edge[] = ['t', 'r', 'b', 'l'];

/** Grid positions of the cells of a table (its own rows, not those of nested tables). */
export function tableGrid(table: Element): Map<Element, Slot> {
  const grid = new Map<Element, Slot>();
  const taken = new Set<string>();
  const rows = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
  rows.forEach((tr, row) => {
    let col = 0;
    for (const cell of tr.children) {
      const tag = cell.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      while (taken.has(`${row},${col}`)) col++;
      const span = (name: string) => {
        const n = Number.parseInt(cell.getAttribute(name) ?? '', 10);
        return n > 0 ? Math.min(n, 1000) : 1;
      };
      const slot = { row, col, rows: span('rowspan'), cols: span('colspan') };
      grid.set(cell, slot);
      for (let r = row; r < row + slot.rows; r++)
        for (let c = col; c < col + slot.cols; c++) taken.add(`${r},${c}`);
      col += slot.cols;
    }
  });
  return grid;
}

/**
 * Splits a set of cell elements into groups of touching cells, each with the
 * sides of every cell that lie on the group's border. `grids` caches the grid
 * of each table across calls.
 */
export function groupCells(
  elements: readonly Element[],
  grids: Map<Element, Map<Element, Slot>> = new Map(),
): OutlineGroup[] {
  const groups: OutlineGroup[] = [];
  const byTable = new Map<Element, Element[]>();
  for (const element of new Set(elements)) {
    const table = element.parentElement?.closest('table');
    const tag = element.tagName.toLowerCase();
    if (!table || (tag !== 'td' && tag !== 'th')) {
      groups.push({ elements: [element], edges: new Map([[element, ALL]]) });
      continue;
    }
    const list = byTable.get(table);
    if (list) list.push(element);
    else byTable.set(table, [element]);
  }
  for (const [table, cells] of byTable) {
    let grid = grids.get(table);
    if (!grid) {
      grid = tableGrid(table);
      grids.set(table, grid);
    }
    groups.push(...groupInGrid(cells, grid));
  }
  return groups;
}

function groupInGrid(cells: Element[], grid: Map<Element, Slot>): OutlineGroup[] {
  const at = new Map<string, Element>();
  for (const cell of cells) {
    const slot = grid.get(cell);
    if (!slot) continue;
    for (let r = slot.row; r < slot.row + slot.rows; r++)
      for (let c = slot.col; c < slot.col + slot.cols; c++) at.set(`${r},${c}`, cell);
  }
  // Union-find over touching cells.
  const parent = new Map<Element, Element>(cells.map((c) => [c, c]));
  const find = (e: Element): Element => {
    let root = e;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(e, root);
    return root;
  };
  const neighbours = (cell: Element, slot: Slot, side: Edge): (Element | undefined)[] => {
    const out: (Element | undefined)[] = [];
    if (side === 't' || side === 'b') {
      const r = side === 't' ? slot.row - 1 : slot.row + slot.rows;
      for (let c = slot.col; c < slot.col + slot.cols; c++) out.push(at.get(`${r},${c}`));
    } else {
      const c = side === 'l' ? slot.col - 1 : slot.col + slot.cols;
      for (let r = slot.row; r < slot.row + slot.rows; r++) out.push(at.get(`${r},${c}`));
    }
    return out.filter((n) => n !== cell);
  };
  for (const cell of cells) {
    const slot = grid.get(cell);
    if (!slot) continue;
    for (const side of ['b', 'r'] as const) {
      for (const n of neighbours(cell, slot, side)) if (n) parent.set(find(n), find(cell));
    }
  }
  const byRoot = new Map<Element, Element[]>();
  for (const cell of cells) {
    const root = find(cell);
    const list = byRoot.get(root);
    if (list) list.push(cell);
    else byRoot.set(root, [cell]);
  }
  const order = (e: Element) => {
    const s = grid.get(e);
    return s ? s.row * 100_000 + s.col : Number.MAX_SAFE_INTEGER;
  };
  return [...byRoot.values()].map((members) => {
    members.sort((a, b) => order(a) - order(b));
    const root = find(members[0]!);
    const edges = new Map<Element, Edge[]>();
    for (const cell of members) {
      const slot = grid.get(cell);
      edges.set(
        cell,
        slot
          ? ALL.filter((side) => neighbours(cell, slot, side).some((n) => !n || find(n) !== root))
          : ALL,
      );
    }
    return { elements: members, edges };
  });
}
