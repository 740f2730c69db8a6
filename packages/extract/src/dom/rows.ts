/**
 * Reads the rows of the report's `<table>`s into the assembler. Tables split
 * over several `<table>` elements share one state, so a caption in one table
 * and its rows in the next still meet.
 */
import { normalizeLabel, type SubTableTemplate } from '@nianbao/schema';
import {
  isKoujiStatement,
  isT3HeaderWord,
  isT4HeaderWord,
  looseOf,
  matchCaption,
  matchRowLabel,
} from '../labels.ts';
import type { SourceCell, TableAssembler } from '../tables/assemble.ts';
import { subtotalIndex } from '../tables/subtotal.ts';
import { parseValue } from '../values.ts';
import { type GridCell, locationOf } from './grid.ts';

export interface DomTableState {
  context: 'none' | 'T2' | 'T3' | 'T4';
  subTable?: SubTableTemplate;
  /** A `信息内容` header seen before its sub-table was known. */
  pendingHeader?: { rowHeader: SourceCell; columns: SourceCell[] };
  /** Table 三 has the unofficial 法人或其他组织小计 column (spec §9.3). */
  t3Subtotal?: { label: string };
  subtotalMismatch: string[];
  /** Table 四's values, gathered over its rows (some pages print 行政复议 and each 行政诉讼 group apart). */
  t4Values: SourceCell[];
  /** A table 四 header came after the last table 四 values. */
  t4Header: boolean;
}

export function newDomTableState(): DomTableState {
  return { context: 'none', subtotalMismatch: [], t4Values: [], t4Header: false };
}

const T4_ONLY = new Set(
  [
    '行政复议',
    '行政诉讼',
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '未经复议直接起诉',
    '复议后起诉',
  ].map(looseOf),
);
const T3_ONLY = new Set(
  [
    '申请人情况',
    '自然人',
    '法人或其他组织',
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
  ].map(looseOf),
);

function isLabelish(text: string): boolean {
  return text !== '' && parseValue(text).kind === 'invalid' && /\p{Script=Han}/u.test(text);
}

export function readDomTable(
  grid: GridCell[][],
  tableIndex: number,
  assembler: TableAssembler,
  state: DomTableState,
  keepElements: boolean,
): void {
  const format = assembler.format;
  const source = (cell: GridCell): SourceCell => ({
    raw: cell.text,
    location: locationOf(cell, tableIndex, keepElements),
  });

  for (const cells of grid) {
    const nonEmpty = cells.filter((c) => c.text !== '');
    if (nonEmpty.length === 0) continue;

    if (nonEmpty.length === 1) {
      const subTable = matchCaption(nonEmpty[0]!.text, format);
      if (subTable) {
        state.context = 'T2';
        state.subTable = subTable;
        state.pendingHeader = undefined;
        assembler.caption(subTable, source(nonEmpty[0]!));
        continue;
      }
    }

    if (normalizeLabel(cells[0]?.text ?? '') === '信息内容') {
      const rowHeader = source(cells[0]!);
      const columns = cells.slice(1).map(source);
      if (state.subTable) assembler.t2Header(state.subTable, rowHeader, columns);
      else state.pendingHeader = { rowHeader, columns };
      state.context = 'T2';
      continue;
    }

    const kouji = cells.find((c) => isKoujiStatement(c.text));
    if (kouji) {
      state.context = 'T3';
      assembler.kouji(source(kouji));
      recordT3Columns(cells, assembler, state, source);
      continue;
    }

    const looseTexts = nonEmpty.map((c) => looseOf(c.text));
    if (nonEmpty.every((c) => isT4HeaderWord(c.text)) && looseTexts.some((t) => T4_ONLY.has(t))) {
      state.context = 'T4';
      state.t4Header = true;
      assembler.markFound('appeals');
      recordT4Columns(nonEmpty, assembler, source);
      continue;
    }
    if (nonEmpty.every((c) => isT3HeaderWord(c.text)) && looseTexts.some((t) => T3_ONLY.has(t))) {
      state.context = 'T3';
      recordT3Columns(cells, assembler, state, source);
      continue;
    }

    // A data row: leading label cells, then values in order. Empty cells before or between label
    // cells are the continuations of merged labels that converters write out (spec §9.1).
    let split = 0;
    let lastLabel = -1;
    while (split < cells.length && (cells[split]!.text === '' || isLabelish(cells[split]!.text))) {
      if (cells[split]!.text !== '') lastLabel = split;
      split++;
    }
    const labels = cells.slice(0, lastLabel + 1).filter((c) => c.text !== '');
    let values = cells.slice(lastLabel + 1);

    if (labels.length === 0) {
      const numeric = values.filter((c) => parseValue(c.text).kind === 'number').length;
      if (state.context === 'T4' || (numeric >= 15 && !assembler.hasFound('appeals'))) {
        takeT4(state, values.map(source));
      }
      continue;
    }

    const labelCell = labels[labels.length - 1]!;
    const match =
      matchRowLabel(labelCell.text, format) ??
      (labels.length > 1 ? matchRowLabel(labels.map((l) => l.text).join(''), format) : undefined);
    if (!match) {
      const numbers = values.filter((c) => parseValue(c.text).kind === 'number').length;
      if (state.context === 'T4' && values.length >= 5) {
        takeT4(state, values.map(source));
      } else if (state.context !== 'none' && numbers > 0) {
        assembler.diagnose('EXTRACT-ROW-UNRECOGNISED', {
          params: {
            table: state.context === 'T2' ? '二' : state.context === 'T3' ? '三' : '四',
            label: labelCell.text.slice(0, 60),
            count: values.length,
          },
          key: `${tableIndex}:${labelCell.row}`,
        });
      }
      continue;
    }

    if (match.table === 'activeDisclosure') {
      state.context = 'T2';
      if (match.subTable && state.subTable !== match.subTable) {
        // The caption was missing or belonged to another table piece.
        state.subTable = match.subTable;
        assembler.markFound('activeDisclosure');
      }
      if (state.pendingHeader && match.subTable) {
        assembler.t2Header(
          match.subTable,
          state.pendingHeader.rowHeader,
          state.pendingHeader.columns,
        );
        state.pendingHeader = undefined;
      }
      assembler.row(
        'activeDisclosure',
        match.row,
        source(labelCell),
        values.map(source),
        match.subTable,
      );
      continue;
    }

    state.context = 'T3';
    if (state.t3Subtotal && values.length === 8)
      values = dropSubtotal(values, labelCell.text, state);
    assembler.row('applications', match.row, source(labelCell), values.map(source));
  }
}

/** Gathers table 四's values; rows after a complete table 四 count only under a new table 四 header. */
function takeT4(state: DomTableState, values: SourceCell[]): void {
  if (state.t4Values.length >= 15 && !state.t4Header) return;
  state.t4Values.push(...values);
  state.t4Header = false;
}

/** After the last table: hands table 四's values to the assembler. */
export function finishDomTables(assembler: TableAssembler, state: DomTableState): void {
  if (state.t4Values.length > 0) assembler.appeals(state.t4Values);
}

function recordT3Columns(
  cells: GridCell[],
  assembler: TableAssembler,
  state: DomTableState,
  source: (c: GridCell) => SourceCell,
): void {
  for (const cell of cells) {
    const loose = looseOf(cell.text);
    if (loose === '小计' || loose === '法人或其他组织小计') state.t3Subtotal = { label: cell.text };
    const column = assembler.template.applications.columns.find(
      (c) => looseOf(c.label.zh) === loose,
    );
    if (column) assembler.columnLabel('applications', column.key, column.label.zh, source(cell));
    else if (loose === '其他组织')
      assembler.columnLabel('applications', 'otherOrg', '其他', source(cell));
  }
}

function recordT4Columns(
  cells: GridCell[],
  assembler: TableAssembler,
  source: (c: GridCell) => SourceCell,
): void {
  for (const cell of cells) {
    const loose = looseOf(cell.text);
    const column = assembler.template.appeals.columns.find((c) => looseOf(c.label.zh) === loose);
    if (column) assembler.columnLabel('appeals', column.key, column.label.zh, source(cell));
  }
}

/** Drops the unofficial 法人或其他组织小计 column (after 其他 when it is not the sum: reported). */
function dropSubtotal(values: GridCell[], label: string, state: DomTableState): GridCell[] {
  const at = subtotalIndex(values.map((c) => c.text));
  if (at === undefined) state.subtotalMismatch.push(label);
  const drop = at ?? 6;
  return values.filter((_, i) => i !== drop);
}
