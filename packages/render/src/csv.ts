import type { Locale } from '@nianbao/schema';
import Papa from 'papaparse';
import { findingCell } from './describe.ts';
import { bySeverity } from './severity.ts';
import type { Batch } from './types.ts';

/** Column names of the CSV output, in order. */
export const CSV_COLUMNS = [
  'source',
  'agencyName',
  'reportYear',
  'format',
  'severity',
  'origin',
  'ruleId',
  'cell',
  'cellLabel',
  'message',
  'expected',
  'actual',
  'fixCell',
  'fixValue',
  'fingerprint',
  'suppressed',
  'suppressedReason',
] as const;

/** What a spreadsheet would take for the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (`=cmd|' /C calc'!A0`,
 * `+1+1`, `@SUM(…)`, a leading tab or CR) gets a leading `'`, as OWASP recommends:
 * agency names and messages come from the pages read, so a page could otherwise
 * plant a formula in a supervisor's spreadsheet. Only text is touched: a value the
 * CSV writes as a number (`expected`, `actual`, `fixValue`, `reportYear`, which
 * can be negative, e.g. a `change` of -3) stays a number, since `-3` is data, not a formula.
 */
export function neutraliseCell(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One row per finding (report findings, extraction diagnostics, and suppressed
 * findings with `suppressed=true`). An input that could not be read gets one row
 * with origin `input` and the error as its message, so that no input disappears.
 * UTF-8; a byte-order mark is left to the caller (spreadsheet apps want one).
 * Text cells that start like a formula are neutralised (`neutraliseCell`).
 */
export function renderCsv(batch: Batch, options: { locale?: Locale } = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const rows: (string | number)[][] = [];
  for (const r of batch.results) {
    const base = [r.source, r.agencyName ?? '', r.reportYear ?? '', r.format ?? ''];
    if (r.error) {
      rows.push([
        ...base,
        'error',
        'input',
        r.error.code,
        '',
        '',
        r.error.message,
        '',
        '',
        '',
        '',
        '',
        'false',
        '',
      ]);
      continue;
    }
    const all = [
      ...bySeverity([...r.findings, ...r.diagnostics]).map((f) => ({
        f,
        reason: undefined as string | undefined,
      })),
      ...bySeverity(r.suppressed).map((f) => ({ f, reason: f.suppressedReason })),
    ];
    for (const { f, reason } of all) {
      rows.push([
        ...base,
        f.severity,
        f.origin,
        f.ruleId,
        f.cells[0] ?? '',
        findingCell(r.format, f, locale),
        f.message,
        f.expected ?? '',
        f.actual ?? '',
        f.fix?.cell ?? '',
        f.fix?.value ?? '',
        f.fingerprint,
        reason === undefined ? 'false' : 'true',
        reason ?? '',
      ]);
    }
  }
  // Papa's own escapeFormulae misses a formula followed by a line break (its pattern ends in `.*$`).
  const safe = rows.map((row) => row.map(neutraliseCell));
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: safe }, { newline: '\n' })}\n`;
}
