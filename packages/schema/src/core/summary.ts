/** Counting findings by severity: the summary every surface shows. */
import type { Report } from '../model/report.ts';
import type { Finding } from './types.ts';

export interface Summary {
  /** No error, and (when `found` is given) a report was found at all. */
  ok: boolean;
  /** The report's own defects by severity: errors block upload, the rest is advice. */
  errors: number;
  warnings: number;
  infos: number;
  /** Reading notes (`origin: "extraction"`): what we could not read; never the report's errors. */
  notes: number;
  total: number;
  /** False when the document held no readable report. */
  found?: boolean;
  format?: Report['format'];
  reportYear?: number;
}

/** A reading note: our uncertainty reading the document, not a defect of the report. */
export const isReadingNote = (f: Pick<Finding, 'origin'>): boolean => f.origin === 'extraction';

/**
 * Counts the report's findings by severity and the reading notes apart; `ok` when
 * no finding of the report is an error (and, with `found`, when a report was found
 * at all: a page we could not read is not a report that passed). Every surface
 * shows these counts, so the same report reads the same everywhere.
 */
export function summarize(findings: readonly Finding[], report?: Report, found?: boolean): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let notes = 0;
  for (const f of findings) {
    if (isReadingNote(f)) notes++;
    else if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return {
    ok: errors === 0 && found !== false,
    errors,
    warnings,
    infos,
    notes,
    total: findings.length,
    ...(found !== undefined ? { found } : {}),
    ...(report ? { format: report.format } : {}),
    ...(report?.meta.reportYear !== undefined ? { reportYear: report.meta.reportYear } : {}),
  };
}
