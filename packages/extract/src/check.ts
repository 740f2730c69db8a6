/**
 * @nianbao/extract/check — the glue every surface runs after reading:
 * extract → (found ? check : the reading notes alone) → summary. A document
 * where no report was found is not checked: that would blame the report for
 * our reading.
 *
 * @example
 * const [result] = await extractAll(bytes, { name: 'report.html' });
 * const { findings, diagnostics, summary } = checkExtracted(result, { locale: 'zh-CN' });
 */
import {
  type CheckOptions,
  check,
  extractionFinding,
  type Finding,
  type Provenance,
  type Summary,
  summarize,
} from '@nianbao/schema';
import type { ExtractResult } from './types.ts';

export interface CheckedResult extends ExtractResult {
  /** The report's findings (empty when no report was found). */
  findings: Finding[];
  /** Counts over findings and reading notes together. */
  summary: Summary;
}

/** What is checked: an extraction result, or a report read before (its provenance then optional). */
export type Checkable = Omit<ExtractResult, 'provenance'> & { provenance?: Provenance };

/** Checks one extraction result; `provenance` comes from the result. */
export function checkExtracted<T extends Checkable>(
  result: T,
  options: Omit<CheckOptions, 'provenance'> = {},
): T & Pick<CheckedResult, 'findings' | 'summary'> {
  const checked = result.found
    ? check(result.report, {
        ...options,
        ...(result.provenance ? { provenance: result.provenance } : {}),
      })
    : [];
  const { findings, diagnostics } = reconcile(checked, result.diagnostics, options.locale);
  return {
    ...result,
    findings,
    diagnostics,
    summary: summarize([...findings, ...diagnostics], result.report, result.found),
  };
}

const TABLE_OF: Record<string, string> = {
  二: 'activeDisclosure',
  三: 'applications',
  四: 'appeals',
};
const isMissingRow = (f: Finding) =>
  f.origin === 'report' && /^T[234]-(?:[AB]-)?SHAPE$/.test(f.ruleId) && f.cells.length > 1;

/**
 * One cause, one finding between the report's findings and our reading notes:
 * - a row we could not recognise may be a row the shape rules call missing (a
 *   label with a typo, a row printed in the other format's shape): then the
 *   "missing row" is not the report's defect, and the notes of that table
 *   become one note naming both;
 * - a missing row the shape rules report is not reported again as a note.
 */
function reconcile(
  findings: Finding[],
  diagnostics: Finding[],
  locale: CheckOptions['locale'],
): { findings: Finding[]; diagnostics: Finding[] } {
  const unrecognised = new Map<string, Finding[]>();
  for (const d of diagnostics) {
    if (d.ruleId !== 'EXTRACT-ROW-UNRECOGNISED') continue;
    const table = TABLE_OF[String(d.params?.table)];
    if (table) unrecognised.set(table, [...(unrecognised.get(table) ?? []), d]);
  }
  const tableOf = (f: Finding) => f.cells[0]?.split('.')[0] ?? '';
  const doubtful = findings.filter((f) => isMissingRow(f) && unrecognised.has(tableOf(f)));
  const keptFindings = findings.filter((f) => !doubtful.includes(f));
  const shapeCells = new Set(keptFindings.filter(isMissingRow).flatMap((f) => f.cells));
  const missingNotes = diagnostics.filter((d) => d.ruleId === 'EXTRACT-ROW-MISSING');
  const out: Finding[] = [];
  const merged = new Set<string>();
  for (const d of diagnostics) {
    const table = tableOf(d);
    if (d.ruleId === 'EXTRACT-ROW-MISSING' && d.cells.some((c) => shapeCells.has(c))) continue;
    const inDoubt =
      (d.ruleId === 'EXTRACT-ROW-UNRECOGNISED' &&
        unrecognised.has(TABLE_OF[String(d.params?.table)]!)) ||
      (d.ruleId === 'EXTRACT-ROW-MISSING' && unrecognised.has(table));
    if (!inDoubt) {
      out.push(d);
      continue;
    }
    const key = d.ruleId === 'EXTRACT-ROW-MISSING' ? table : TABLE_OF[String(d.params?.table)]!;
    if (merged.has(key)) continue;
    merged.add(key);
    const rows = unrecognised.get(key)!;
    const missing = missingNotes.filter((m) => tableOf(m) === key);
    const missingRows = doubtful.filter((f) => tableOf(f) === key);
    const sep = locale === 'en' ? '; ' : '；';
    out.push(
      extractionFinding(
        'EXTRACT-ROW-UNRECOGNISED',
        {
          messageId: 'unmatched',
          cells: [...new Set([...missing, ...missingRows].flatMap((m) => m.cells))],
          params: {
            table: String(rows[0]!.params?.table),
            count: rows.length,
            labels: rows.map((r) => `“${r.params?.label}”`).join(sep),
            missing: Math.max(missing.length, missingRows.length),
            rows: missing.map((m) => `“${m.params?.label ?? m.cells[0]}”`).join(sep),
          },
          key: `unmatched:${key}`,
        },
        locale,
      ),
    );
  }
  return { findings: keptFindings, diagnostics: out };
}
