/**
 * Collects what the readers (DOM rows, text anchors) found into the report's
 * tables, with provenance for every cell and diagnostics for what could not
 * be read. Readers decide *which* template row a piece of the document is;
 * this module decides what the values are, and never guesses.
 */
import {
  type ExtractionDiagnosticId,
  type ExtractionIssue,
  extractionFinding,
  type Finding,
  FORMATS,
  type Format,
  type FormatTemplate,
  type LabelProvenance,
  type Locale,
  type Provenance,
  type RowTemplate,
  type SourceLocation,
  type SubTableTemplate,
} from '@nianbao/schema';
import { parseValue } from '../values.ts';

export interface SourceCell {
  raw: string;
  location?: SourceLocation;
}

export type TableId = 'activeDisclosure' | 'applications' | 'appeals';

const TABLE_NUMBER: Record<TableId, string> = {
  activeDisclosure: '二',
  applications: '三',
  appeals: '四',
};

export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

const APPEAL_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;

/** The three 总计 equations of table 四 (spec §2.5, T4-*-TOTAL) over 15 values in order. */
export function appealsBalance(values: readonly number[]): boolean {
  for (let g = 0; g < 3; g++) {
    const v = values.slice(g * 5, g * 5 + 5);
    if (v[0]! + v[1]! + v[2]! + v[3]! !== v[4]) return false;
  }
  return true;
}

export class TableAssembler {
  readonly template: FormatTemplate;
  readonly provenance: Provenance = { cells: {}, labels: [], tableHeaders: {}, unread: [] };
  readonly diagnostics: Finding[] = [];
  private readonly data: Record<string, unknown> = {};
  private readonly found = new Set<TableId>();
  private readonly seenRows = new Set<string>();
  /** Column header cells of each sub-table of table 二, as found. */
  private readonly t2Headers = new Map<string, SourceCell[]>();

  constructor(
    readonly format: Format,
    readonly locale: Locale,
  ) {
    this.template = FORMATS[format];
  }

  diagnose(id: ExtractionDiagnosticId, issue: ExtractionIssue = {}): void {
    this.diagnostics.push(extractionFinding(id, issue, this.locale));
  }

  markFound(table: TableId): void {
    this.found.add(table);
  }

  hasFound(table: TableId): boolean {
    return this.found.has(table);
  }

  get foundAny(): boolean {
    return this.found.size > 0;
  }

  label(entry: LabelProvenance): void {
    this.provenance.labels!.push(entry);
  }

  caption(subTable: SubTableTemplate, cell: SourceCell): void {
    this.markFound('activeDisclosure');
    this.label({
      kind: 'caption',
      path: `activeDisclosure.${subTable.id}`,
      raw: cell.raw,
      canonical: subTable.caption.zh,
      location: cell.location,
    });
  }

  /** The `信息内容 | …` header row of a sub-table of table 二: values map to these by order. */
  t2Header(
    subTable: SubTableTemplate,
    rowHeader: SourceCell | undefined,
    columns: SourceCell[],
  ): void {
    this.markFound('activeDisclosure');
    this.t2Headers.set(subTable.id, columns);
    if (rowHeader) {
      this.label({
        kind: 'header',
        path: `activeDisclosure.${subTable.id}`,
        raw: rowHeader.raw,
        canonical: subTable.rowHeader.zh,
        location: rowHeader.location,
      });
    }
    columns.forEach((cell, i) => {
      const column = subTable.columns[i];
      if (!column) return;
      this.label({
        kind: 'column',
        path: `activeDisclosure.${subTable.id}.${column.key}`,
        raw: cell.raw,
        canonical: column.label.zh,
        location: cell.location,
      });
    });
  }

  kouji(cell: SourceCell): void {
    this.markFound('applications');
    this.provenance.tableHeaders!.applications = cell.raw;
  }

  columnLabel(
    table: 'applications' | 'appeals',
    key: string,
    canonical: string,
    cell: SourceCell,
  ): void {
    this.markFound(table);
    this.label({
      kind: 'column',
      path: `${table}.${key}`,
      raw: cell.raw,
      canonical,
      location: cell.location,
    });
  }

  expectedCount(row: RowTemplate): number {
    return row.cells.length;
  }

  private shapeId(table: TableId): ExtractionDiagnosticId {
    const a = this.format === '2019';
    if (table === 'activeDisclosure') return a ? 'T2-A-SHAPE' : 'T2-B-SHAPE';
    return a ? 'T3-A-SHAPE' : 'T3-B-SHAPE';
  }

  /** Records the label of a row; false when the row was already read (duplicates keep the first). */
  private claimRow(table: TableId, row: RowTemplate, label: SourceCell): boolean {
    this.markFound(table);
    if (this.seenRows.has(row.path)) {
      this.diagnose('EXTRACT-ROW-DUPLICATE', {
        cells: [row.cells[0]!],
        params: { label: label.raw.trim() || row.label.zh },
        key: `${row.path}:${label.location?.line ?? ''}:${label.location?.row ?? ''}`,
      });
      return false;
    }
    this.seenRows.add(row.path);
    this.label({
      kind: 'row',
      path: row.path,
      raw: label.raw,
      canonical: row.label.zh,
      location: label.location,
    });
    return true;
  }

  /**
   * A data row whose values are the given cells, in order (spec §9.1). Surplus
   * blank cells at either end are layout (colspans copied as empty cells);
   * any other count mismatch is reported and the row is not read.
   */
  row(
    table: TableId,
    row: RowTemplate,
    label: SourceCell,
    values: SourceCell[],
    subTable?: SubTableTemplate,
  ): void {
    const n = row.cells.length;
    let cells = values;
    while (
      cells.length > n &&
      parseValue(cells[cells.length - 1]!.raw).kind === 'blank' &&
      !cells[cells.length - 1]!.raw.trim()
    )
      cells = cells.slice(0, -1);
    while (cells.length > n && !cells[0]!.raw.trim()) cells = cells.slice(1);
    if (!this.claimRow(table, row, label)) return;
    if (cells.length !== n) {
      this.diagnose(this.shapeId(table), {
        cells: row.cells,
        params: {
          label: label.raw.trim() || row.label.zh,
          expected: n,
          actual: cells.length,
          raw: cells.map((c) => c.raw.trim() || '□').join(' '),
        },
      });
      this.provenance.unread!.push(...row.cells);
      return;
    }
    const headers = subTable ? this.t2Headers.get(subTable.id) : undefined;
    cells.forEach((cell, i) => {
      this.setCell(row.cells[i]!, cell, label.raw, headers?.[i]?.raw);
    });
  }

  /** A row read from digits whose separators were lost: one reading per candidate. */
  rowFromReading(
    table: TableId,
    row: RowTemplate,
    label: SourceCell,
    values: number[],
    raw: SourceCell,
  ): void {
    if (!this.claimRow(table, row, label)) return;
    values.forEach((value, i) => {
      const path = row.cells[i]!;
      setPath(this.data, path, value);
      this.provenance.cells[path] = {
        raw: String(value),
        rowLabel: label.raw,
        location: raw.location,
        ...(table === 'activeDisclosure' ? this.headerOf(row, i) : {}),
      };
    });
  }

  /** A row that was found but could not be read (the reason was already diagnosed). */
  rowUnread(table: TableId, row: RowTemplate, label: SourceCell): void {
    if (this.claimRow(table, row, label)) this.provenance.unread!.push(...row.cells);
  }

  private headerOf(row: RowTemplate, i: number): { header?: string } {
    const st = this.template.activeDisclosure.subTables.find((s) => s.rows.includes(row));
    const header = st ? this.t2Headers.get(st.id)?.[i]?.raw : undefined;
    return header ? { header } : {};
  }

  private setCell(path: string, cell: SourceCell, rowLabel: string, header?: string): void {
    const parsed = parseValue(cell.raw);
    const value = parsed.kind === 'number' ? parsed.value : null;
    if (parsed.kind === 'invalid') {
      this.diagnose('EXTRACT-VALUE-UNPARSEABLE', {
        cells: [path],
        params: { cell: path, raw: cell.raw.trim().slice(0, 40) },
      });
    }
    setPath(this.data, path, value);
    this.provenance.cells[path] = {
      raw: cell.raw,
      rowLabel,
      ...(header ? { header } : {}),
      ...(cell.location ? { location: cell.location } : {}),
    };
  }

  /** The data row of table 四: 15 values in order, or a reading of more (spec §10 seed item 4). */
  appeals(values: SourceCell[]): void {
    this.markFound('appeals');
    if (this.seenRows.has('appeals')) return;
    this.seenRows.add('appeals');
    const rows = this.template.appeals.rows;
    const paths = rows.flatMap((r) => r.cells);
    const rawList = values.map((c) => c.raw.trim() || '□').join(' ');
    const put = (cells: SourceCell[]) => {
      for (const [i, cell] of cells.entries()) {
        this.setCell(paths[i]!, cell, rows[Math.floor(i / 5)]!.label.zh);
      }
    };
    if (values.length === 15) {
      put(values);
      return;
    }
    const parsed = values.map((c) => parseValue(c.raw));
    if (values.length > 15 && values.length <= 30 && parsed.every((p) => p.kind !== 'invalid')) {
      const nums = parsed.map((p) => (p.kind === 'number' ? p.value : 0));
      // Every way to drop the surplus values (one for the seed's 16), keeping order.
      const readings: { drop: number[]; values: number[] }[] = [];
      const surplus = values.length - 15;
      if (surplus <= 2) {
        const combos = surplus === 1 ? nums.map((_, i) => [i]) : pairs(nums.length);
        for (const drop of combos) {
          const kept = nums.filter((_, i) => !drop.includes(i));
          if (appealsBalance(kept)) readings.push({ drop, values: kept });
        }
      }
      const distinct = new Set(readings.map((r) => r.values.join(',')));
      if (readings.length > 0 && distinct.size === 1) {
        const first = readings[0]!;
        put(values.filter((_, i) => !first.drop.includes(i)));
        this.diagnose('T4-SHAPE', {
          cells: paths,
          messageId: readings.length === 1 ? 'unique' : 'certain',
          params: {
            actual: values.length,
            raw: rawList,
            position: first.drop.map((i) => i + 1).join('、'),
            count: readings.length,
          },
        });
        return;
      }
    }
    this.diagnose('T4-SHAPE', { cells: paths, params: { actual: values.length, raw: rawList } });
    this.provenance.unread!.push(...paths);
  }

  /** A T4 reading from lost separators: the values are certain. */
  appealsFromReading(values: number[], raw: SourceCell): void {
    this.markFound('appeals');
    if (this.seenRows.has('appeals')) return;
    this.seenRows.add('appeals');
    const rows = this.template.appeals.rows;
    rows
      .flatMap((r) => r.cells)
      .forEach((path, i) => {
        setPath(this.data, path, values[i]!);
        this.provenance.cells[path] = {
          raw: String(values[i]),
          rowLabel: rows[Math.floor(i / 5)]!.label.zh,
          location: raw.location,
        };
      });
  }

  /** The tables read, with a diagnostic for each table or row not found. */
  finish(): Pick<Record<TableId, unknown>, TableId> {
    const out = {
      activeDisclosure: undefined,
      applications: undefined,
      appeals: undefined,
    } as Record<TableId, unknown>;
    const tables: [TableId, RowTemplate[]][] = [
      ['activeDisclosure', this.template.activeDisclosure.subTables.flatMap((s) => s.rows)],
      ['applications', this.template.applications.rows],
      ['appeals', this.template.appeals.rows],
    ];
    for (const [id, rows] of tables) {
      if (!this.found.has(id)) {
        if (this.foundAny) {
          this.diagnose('EXTRACT-TABLE-NOT-FOUND', {
            params: {
              table: TABLE_NUMBER[id],
              title: (id === 'activeDisclosure'
                ? this.template.activeDisclosure.title
                : this.template[id].title
              ).zh,
            },
            key: id,
          });
        }
        continue;
      }
      out[id] = (this.data[id] as Record<string, unknown> | undefined) ?? {};
      if (id === 'appeals') continue;
      for (const row of rows) {
        if (this.seenRows.has(row.path)) continue;
        this.diagnose('EXTRACT-ROW-MISSING', {
          cells: row.cells,
          params: { table: TABLE_NUMBER[id], label: row.label.zh },
        });
      }
    }
    return out;
  }
}

function pairs(n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
}

export { APPEAL_GROUPS };
