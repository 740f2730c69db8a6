/**
 * Pinpointing (docs/architecture.md, "Pinpointing"): failing equations are explained by
 * single cells where the arithmetic allows it. A cell explains a set of
 * equations when every equation it appears in fails and one new value of that
 * cell satisfies all of them. When exactly one way exists to explain all the
 * failing equations of a connected group by such cells, each chosen cell gets a
 * `fix`; otherwise (table 四: one equation per group, five candidate cells) no
 * cell is singled out. Blank cells count as 0, as CELL-BLANK says (a
 * Word-exported report leaves whole columns of zeros blank); a blank cell itself
 * is proposed as the fix only when two equations agree on its value. Groups are
 * solved apart: a defect elsewhere never hides a typo's fix.
 */

export interface SolvedEquation {
  /** Cells added on the left (Σ sum) and right (Σ equals). */
  sum: readonly string[];
  equals: readonly string[];
  /** Σ sum and Σ equals with blanks as 0. */
  lhs: number;
  rhs: number;
  /** Cell values with blanks as 0. */
  values: ReadonlyMap<string, number>;
  /** Cells that were blank (null). */
  blanks?: ReadonlySet<string>;
}

export interface Explanation {
  cell: string;
  /** The value that satisfies every equation the cell appears in. */
  value: number;
  /** The value it holds now (blank = 0). */
  actual: number;
  /** Indices (into the failing list) of the equations it explains. */
  equations: number[];
}

export interface Diagnosis {
  /** Failing equations grouped by shared cells. */
  groups: number[][];
  /** Per group: the unique explanation by single cells, or undefined. */
  explanations: (Explanation[] | undefined)[];
}

/** Largest search effort per group; beyond it the group counts as ambiguous. */
const SEARCH_BUDGET = 20_000;

export function holds(e: Pick<SolvedEquation, 'lhs' | 'rhs'>): boolean {
  return Math.abs(e.lhs - e.rhs) <= 1e-9 * Math.max(1, Math.abs(e.lhs), Math.abs(e.rhs));
}

const cellsOf = (e: SolvedEquation) => [...e.sum, ...e.equals];

/** True when every cell of one side of the equation is blank. */
function sideBlank(e: SolvedEquation): boolean {
  const blanks = e.blanks;
  if (!blanks) return false;
  const allBlank = (side: readonly string[]) => side.length > 0 && side.every((c) => blanks.has(c));
  return allBlank(e.sum) || allBlank(e.equals);
}

function coefficient(e: SolvedEquation, cell: string): number {
  let c = 0;
  for (const x of e.sum) if (x === cell) c++;
  for (const x of e.equals) if (x === cell) c--;
  return c;
}

/**
 * @param failing equations that do not hold
 * @param passing equations that hold (a cell in one of them cannot be the culprit)
 * @param allowsValue whether a cell may take a value (e.g. counts are ≥ 0)
 */
export function diagnose(
  failing: readonly SolvedEquation[],
  passing: readonly SolvedEquation[],
  allowsValue: (cell: string, value: number) => boolean = (_c, v) => v >= 0,
): Diagnosis {
  const inPassing = new Set(passing.flatMap(cellsOf));
  const byCell = new Map<string, number[]>();
  failing.forEach((e, i) => {
    for (const c of new Set(cellsOf(e))) {
      const list = byCell.get(c);
      if (list) list.push(i);
      else byCell.set(c, [i]);
    }
  });

  const candidates: Explanation[] = [];
  for (const [cell, eqs] of byCell) {
    if (inPassing.has(cell)) continue;
    let value: number | undefined;
    let actual = 0;
    let ok = true;
    for (const i of eqs) {
      const e = failing[i]!;
      // Blanks count as 0 (spec §6, CELL-BLANK): a report that leaves its zeros
      // blank still gets the fix of a single typo. But while a whole side of an
      // equation is blank (a half-filled form: the totals not typed yet), that side
      // is unknown, not zero, and a filled cell is not blamed for it.
      if (e.blanks && !e.blanks.has(cell) && sideBlank(e)) {
        ok = false;
        break;
      }
      const k = coefficient(e, cell);
      if (k === 0) {
        ok = false;
        break;
      }
      actual = e.values.get(cell) ?? 0;
      const solved = actual - (e.lhs - e.rhs) / k;
      if (value === undefined) value = solved;
      else if (Math.abs(value - solved) > 1e-9 * Math.max(1, Math.abs(value))) ok = false;
    }
    if (!ok || value === undefined) continue;
    // Filling a blank is proposed only when two equations agree on its value: one
    // equation alone (a group of table 四) cannot tell a missing value from a wrong total.
    if (eqs.length < 2 && failing[eqs[0]!]!.blanks?.has(cell)) continue;
    const rounded = Math.round(value * 1e6) / 1e6;
    if (!allowsValue(cell, rounded)) continue;
    candidates.push({ cell, value: rounded, actual, equations: eqs });
  }

  const groups = connectedGroups(failing, byCell);
  const explanations = groups.map((group) => uniqueCover(group, candidates));
  return { groups, explanations };
}

function connectedGroups(
  failing: readonly SolvedEquation[],
  byCell: Map<string, number[]>,
): number[][] {
  const parent = failing.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const eqs of byCell.values()) {
    for (const j of eqs.slice(1)) parent[find(j)] = find(eqs[0]!);
  }
  const groups = new Map<number, number[]>();
  failing.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * The only way to partition the group's equations among candidate cells, or
 * undefined when there is none or more than one (then nothing is singled out).
 */
function uniqueCover(group: number[], candidates: Explanation[]): Explanation[] | undefined {
  const members = new Set(group);
  const usable = candidates.filter((c) => c.equations.every((i) => members.has(i)));
  const coveringEq = new Map<number, Explanation[]>();
  for (const c of usable) {
    for (const i of c.equations) coveringEq.set(i, [...(coveringEq.get(i) ?? []), c]);
  }
  const covered = new Set<number>();
  const chosen: Explanation[] = [];
  let found: Explanation[] | undefined;
  let solutions = 0;
  let steps = 0;

  const search = (): void => {
    if (solutions > 1 || ++steps > SEARCH_BUDGET) return;
    // The uncovered equation with the fewest ways to explain it goes first.
    let next: number | undefined;
    let options: Explanation[] = [];
    for (const i of group) {
      if (covered.has(i)) continue;
      const opts = (coveringEq.get(i) ?? []).filter((c) =>
        c.equations.every((j) => !covered.has(j)),
      );
      if (next === undefined || opts.length < options.length) {
        next = i;
        options = opts;
        if (opts.length === 0) break;
      }
    }
    if (next === undefined) {
      solutions++;
      found = [...chosen];
      return;
    }
    for (const c of options) {
      for (const j of c.equations) covered.add(j);
      chosen.push(c);
      search();
      chosen.pop();
      for (const j of c.equations) covered.delete(j);
      if (solutions > 1) return;
    }
  };
  search();
  return solutions === 1 && steps <= SEARCH_BUDGET ? found : undefined;
}

/** Two cells that together explain failing equations no single cell explains. */
export interface PairExplanation {
  cells: [Explanation, Explanation];
}

const EPS = 1e-9;
const near = (a: number, b: number) =>
  Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The only pair of cells whose new values make every equation of `failing` hold
 * and keep every equation of `passing` holding (a stray "1" in a row that the
 * 总计 column did not count: the row's total and the table's grand total), or
 * undefined when there is none or more than one. Every cell of the pair must
 * change, and only to a value the cell allows.
 */
export function explainByPair(
  failing: readonly SolvedEquation[],
  passing: readonly SolvedEquation[],
  cellValue: (cell: string) => number,
  allowsValue: (cell: string, value: number) => boolean = (_c, v) => v >= 0,
  frozen: ReadonlySet<string> = new Set(),
): PairExplanation | undefined {
  if (failing.length === 0) return undefined;
  const all = [...failing, ...passing];
  const residual = all.map((e) => e.lhs - e.rhs);
  const byCell = new Map<string, number[]>();
  all.forEach((e, i) => {
    for (const c of new Set(cellsOf(e))) {
      const list = byCell.get(c);
      if (list) list.push(i);
      else byCell.set(c, [i]);
    }
  });
  const candidates = [...new Set(failing.flatMap(cellsOf))].filter((c) => !frozen.has(c));
  let found: PairExplanation | undefined;
  let solutions = 0;
  let steps = 0;
  for (let x = 0; x < candidates.length && solutions < 2; x++) {
    for (let y = x + 1; y < candidates.length && solutions < 2; y++) {
      if (++steps > SEARCH_BUDGET) return undefined;
      const a = candidates[x]!;
      const b = candidates[y]!;
      const touched = new Set([...byCell.get(a)!, ...byCell.get(b)!]);
      // Every failing equation must contain a or b.
      if (failing.some((_, i) => !touched.has(i))) continue;
      const solved = solvePair(a, b, [...touched], all, residual);
      if (!solved) continue;
      const [da, db] = solved;
      const va = cellValue(a) + da;
      const vb = cellValue(b) + db;
      if (
        !Number.isInteger(Math.round(va * 1e6) / 1e6) ||
        !Number.isInteger(Math.round(vb * 1e6) / 1e6)
      )
        continue;
      if (!allowsValue(a, va) || !allowsValue(b, vb)) continue;
      solutions++;
      found = {
        cells: [
          { cell: a, value: va, actual: cellValue(a), equations: [] },
          { cell: b, value: vb, actual: cellValue(b), equations: [] },
        ],
      };
    }
  }
  return solutions === 1 ? found : undefined;
}

/** d_a, d_b (both non-zero) that zero the residual of every equation given, if they are determined. */
function solvePair(
  a: string,
  b: string,
  equations: number[],
  all: readonly SolvedEquation[],
  residual: readonly number[],
): [number, number] | undefined {
  let da: number | undefined;
  let db: number | undefined;
  const both: { ka: number; kb: number; r: number }[] = [];
  const fix = (current: number | undefined, value: number) =>
    current === undefined ? value : near(current, value) ? current : Number.NaN;
  for (const i of equations) {
    const e = all[i]!;
    const ka = coefficient(e, a);
    const kb = coefficient(e, b);
    const r = residual[i]!;
    if (ka !== 0 && kb !== 0) both.push({ ka, kb, r });
    else if (ka !== 0) da = fix(da, -r / ka);
    else if (kb !== 0) db = fix(db, -r / kb);
  }
  if (Number.isNaN(da) || Number.isNaN(db)) return undefined;
  for (const { ka, kb, r } of both) {
    if (da === undefined && db !== undefined) da = (-r - kb * db) / ka;
    else if (db === undefined && da !== undefined) db = (-r - ka * da) / kb;
  }
  if (da === undefined || db === undefined) return undefined;
  if (near(da, 0) || near(db, 0)) return undefined;
  for (const { ka, kb, r } of both) if (!near(ka * da + kb * db + r, 0)) return undefined;
  return [da, db];
}
