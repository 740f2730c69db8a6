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

/**
 * One row per finding (report findings, extraction diagnostics, and suppressed
 * findings with `suppressed=true`). An input that could not be read gets one row
 * with origin `input` and the error as its message, so that no input disappears.
 * UTF-8; a byte-order mark is left to the caller (spreadsheet apps want one).
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
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}
