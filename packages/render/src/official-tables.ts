import {
  cellInfo,
  type Finding,
  FORMATS,
  type FormatTemplate,
  type GridTableTemplate,
  getCell,
  type HeaderCell,
  type Label,
  type Locale,
  type Report,
  type RowTemplate,
  type Severity,
} from '@nianbao/schema';
import { escapeHtml } from './escape.ts';
import { strings } from './i18n.ts';
import { SEVERITY_RANK } from './severity.ts';

export interface OfficialTablesOptions {
  /** Emit the `<style>` block before the tables (default true). Pages with several reports emit it once. */
  includeStyle?: boolean;
  /** Prefix for element ids, so that several reports can share one page (default `nb`). */
  idPrefix?: string;
}

/** A cell's marking: the worst finding that names it, and every message about it. */
interface CellFlag {
  severity: Severity;
  primary: boolean;
  extractionOnly: boolean;
  messages: string[];
  fix?: number;
}

/**
 * Styles of the official-layout tables; class names start with `nb-`. The cell a finding is
 * about (its primary cell) is filled and boxed; the other cells it involves are only outlined,
 * so that a table-wide note (every blank cell) does not drown the arithmetic errors.
 * Print-friendly: outlines and weights survive black-and-white printing.
 */
export const OFFICIAL_TABLES_CSS = `
.nb-tables{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;font-size:13px;color:#111}
.nb-table{border-collapse:collapse;margin:0 0 16px;width:100%;page-break-inside:auto}
.nb-table caption{font-weight:bold;text-align:left;padding:4px 0}
.nb-table th,.nb-table td{border:1px solid #555;padding:3px 5px;vertical-align:middle}
.nb-table th{background:#f3f3f3;font-weight:normal;text-align:center}
.nb-table th.nb-row{text-align:left}
.nb-table tr.nb-subcaption th{background:#e6e6e6;font-weight:bold;text-align:left}
.nb-table td{text-align:right;font-variant-numeric:tabular-nums;min-width:2.5em}
.nb-table td.nb-blank{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#f2f2f2 4px,#f2f2f2 8px)}
.nb-table td.nb-flag{outline:1px solid #999;outline-offset:-2px}
.nb-table td.nb-error{outline-color:#c0392b}
.nb-table td.nb-warning{outline-color:#b7791f}
.nb-table td.nb-info{outline-color:#2b6cb0}
.nb-table td.nb-primary{outline-width:3px;outline-offset:-3px;font-weight:bold}
.nb-table td.nb-primary.nb-error{background:#fde2e1}
.nb-table td.nb-primary.nb-warning{background:#fff4ce}
.nb-table td.nb-primary.nb-info{background:#e8f1fb}
.nb-table td.nb-extraction{outline-style:dashed}
.nb-table .nb-fix{display:block;font-size:11px;color:#1a7f37;font-weight:normal}
.nb-notfound{border:1px dashed #999;padding:8px;color:#555;margin:0 0 16px}
@media print{.nb-table td.nb-flag{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`.trim();

const pick = (label: Label, locale: Locale) => (locale === 'en' ? label.en : label.zh);

/** Every table-cell path a finding path stands for: the cell itself, or every cell of a row. */
function cellsOf(template: FormatTemplate, path: string): string[] {
  if (cellInfo(template.format, path)) return [path];
  for (const row of allRows(template)) if (row.path === path) return row.cells;
  return [];
}

function allRows(template: FormatTemplate): RowTemplate[] {
  return [
    ...template.activeDisclosure.subTables.flatMap((st) => st.rows),
    ...template.applications.rows,
    ...template.appeals.rows,
  ];
}

/** The cells that findings name, with the worst severity and all messages for each. */
export function flaggedCells(report: Report, findings: readonly Finding[]): Map<string, CellFlag> {
  const template = FORMATS[report.format];
  const flags = new Map<string, CellFlag>();
  for (const f of findings) {
    f.cells.forEach((path, index) => {
      for (const cell of cellsOf(template, path)) {
        const flag = flags.get(cell) ?? {
          severity: f.severity,
          primary: false,
          extractionOnly: true,
          messages: [],
        };
        if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[flag.severity]) flag.severity = f.severity;
        if (index === 0) flag.primary = true;
        if (f.origin !== 'extraction') flag.extractionOnly = false;
        const line = `[${f.ruleId}] ${f.message}`;
        if (!flag.messages.includes(line)) flag.messages.push(line);
        if (f.fix && f.fix.cell === cell) flag.fix = f.fix.value;
        flags.set(cell, flag);
      }
    });
  }
  return flags;
}

function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

function valueCell(
  report: Report,
  path: string,
  flags: Map<string, CellFlag>,
  colspan = 1,
): string {
  const value = getCell(report, path);
  const flag = flags.get(path);
  const classes = ['nb-cell'];
  if (value === null || value === undefined) classes.push('nb-blank');
  const attrs = [`data-cell="${escapeHtml(path)}"`];
  let fix = '';
  if (flag) {
    classes.push('nb-flag', `nb-${flag.severity}`);
    if (flag.primary) classes.push('nb-primary');
    if (flag.extractionOnly) classes.push('nb-extraction');
    attrs.push(`data-flag="${flag.severity}"`, `title="${escapeHtml(flag.messages.join('\n'))}"`);
    if (flag.fix !== undefined) fix = `<span class="nb-fix">→ ${escapeHtml(flag.fix)}</span>`;
  }
  if (colspan > 1) attrs.push(`colspan="${colspan}"`);
  return `<td class="${classes.join(' ')}" ${attrs.join(' ')}>${escapeHtml(formatValue(value))}${fix}</td>`;
}

function headerCell(cell: HeaderCell, locale: Locale): string {
  const span = [
    cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '',
    cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '',
  ].join('');
  return `<th${span}>${escapeHtml(pick(cell.label, locale))}</th>`;
}

function tableTitle(number: string, title: Label, locale: Locale): string {
  const n = '一二三四五六'.indexOf(number) + 1;
  return locale === 'en' ? `Table ${n}: ${title.en}` : `${number}、${title.zh}`;
}

function notFound(number: string, locale: Locale): string {
  return `<div class="nb-notfound" data-table-missing="${escapeHtml(number)}">${escapeHtml(strings(locale).tableNotFound(number))}</div>`;
}

function renderDisclosure(
  report: Report,
  flags: Map<string, CellFlag>,
  locale: Locale,
  id: string,
): string {
  const t = FORMATS[report.format].activeDisclosure;
  if (!report.activeDisclosure) return notFound(t.number, locale);
  const width = 1 + Math.max(...t.subTables.map((st) => st.columns.length));
  const body: string[] = [];
  for (const st of t.subTables) {
    body.push(
      `<tr class="nb-subcaption"><th colspan="${width}">${escapeHtml(pick(st.caption, locale))}</th></tr>`,
    );
    // Sub-tables with fewer columns stretch their last column, as portals do.
    const stretch = width - st.columns.length;
    const heads = st.columns.map((c, i) => {
      const span = i === st.columns.length - 1 && stretch > 1 ? ` colspan="${stretch}"` : '';
      return `<th${span}>${escapeHtml(pick(c.label, locale))}</th>`;
    });
    body.push(`<tr><th>${escapeHtml(pick(st.rowHeader, locale))}</th>${heads.join('')}</tr>`);
    for (const row of st.rows) {
      const cells = row.cells.map((path, i) =>
        valueCell(report, path, flags, i === row.cells.length - 1 ? stretch : 1),
      );
      body.push(
        `<tr><th class="nb-row" scope="row">${escapeHtml(pick(row.label, locale))}</th>${cells.join('')}</tr>`,
      );
    }
  }
  return `<table class="nb-table nb-t2" id="${id}-t2"><caption>${escapeHtml(tableTitle(t.number, t.title, locale))}</caption><tbody>${body.join('')}</tbody></table>`;
}

const sameGroups = (a: RowTemplate, b: RowTemplate | undefined, depth: number) =>
  !!b &&
  a.groups.length > depth &&
  b.groups.length > depth &&
  a.groups.slice(0, depth + 1).every((g, i) => g.zh === b.groups[i]!.zh);

function renderApplications(
  report: Report,
  flags: Map<string, CellFlag>,
  locale: Locale,
  id: string,
): string {
  const t: GridTableTemplate = FORMATS[report.format].applications;
  if (!report.applications) return notFound(t.number, locale);
  // Official layout: three label columns; group labels span their rows.
  const labelColumns = 3;
  const head = t.header.map((row) => `<tr>${row.map((c) => headerCell(c, locale)).join('')}</tr>`);
  const body: string[] = [];
  t.rows.forEach((row, i) => {
    const parts: string[] = [];
    row.groups.forEach((group, depth) => {
      if (sameGroups(row, t.rows[i - 1], depth)) return;
      let span = 1;
      while (sameGroups(row, t.rows[i + span], depth)) span++;
      parts.push(`<th class="nb-row" rowspan="${span}">${escapeHtml(pick(group, locale))}</th>`);
    });
    const colspan = labelColumns - row.groups.length;
    parts.push(
      `<th class="nb-row" scope="row"${colspan > 1 ? ` colspan="${colspan}"` : ''}>${escapeHtml(pick(row.label, locale))}</th>`,
    );
    for (const path of row.cells) parts.push(valueCell(report, path, flags));
    body.push(`<tr>${parts.join('')}</tr>`);
  });
  return `<table class="nb-table nb-t3" id="${id}-t3"><caption>${escapeHtml(tableTitle(t.number, t.title, locale))}</caption><thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table>`;
}

function renderAppeals(
  report: Report,
  flags: Map<string, CellFlag>,
  locale: Locale,
  id: string,
): string {
  const t = FORMATS[report.format].appeals;
  if (!report.appeals) return notFound(t.number, locale);
  const head = t.header.map((row) => `<tr>${row.map((c) => headerCell(c, locale)).join('')}</tr>`);
  // One unlabelled data row of 15 cells, as printed.
  const cells = t.rows.flatMap((row) => row.cells.map((path) => valueCell(report, path, flags)));
  return `<table class="nb-table nb-t4" id="${id}-t4"><caption>${escapeHtml(tableTitle(t.number, t.title, locale))}</caption><thead>${head.join('')}</thead><tbody><tr>${cells.join('')}</tr></tbody></table>`;
}

/**
 * Draws tables 二, 三 and 四 of a report in the official layout (merged header
 * cells and group labels of the schema templates) as an HTML fragment, with the
 * cells that findings name marked: class `nb-flag nb-<severity>`, `data-flag`,
 * the messages in `title`, and the suggested value when a finding carries a fix.
 * A table that was not found is drawn as a "未找到表X" note, never as zeros.
 *
 * @example
 * const html = renderOfficialTables(report, check(report), 'zh-CN');
 */
export function renderOfficialTables(
  report: Report,
  findings: readonly Finding[],
  locale: Locale = 'zh-CN',
  options: OfficialTablesOptions = {},
): string {
  const flags = flaggedCells(report, findings);
  const id = options.idPrefix ?? 'nb';
  const style = options.includeStyle === false ? '' : `<style>${OFFICIAL_TABLES_CSS}</style>`;
  return `${style}<div class="nb-tables" lang="${locale === 'en' ? 'en' : 'zh-CN'}">${[
    renderDisclosure(report, flags, locale, id),
    renderApplications(report, flags, locale, id),
    renderAppeals(report, flags, locale, id),
  ].join('')}</div>`;
}
