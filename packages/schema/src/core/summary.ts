/** Counting findings by severity: the summary every surface shows. */
import type { Report } from '../model/report.ts';
import type { Finding } from './types.ts';

export interface Summary {
  /** No error, and (when `found` is given) a report was found at all. */
  ok: boolean;
  errors: number;
  warnings: number;
  infos: number;
  total: number;
  /** False when the document held no readable report. */
  found?: boolean;
  format?: Report['format'];
  reportYear?: number;
}

/**
 * Counts findings by severity; `ok` when none is an error (and, with `found`, when a
 * report was found at all: a page we could not read is not a report that passed).
 */
export function summarize(findings: readonly Finding[], report?: Report, found?: boolean): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return {
    ok: errors === 0 && found !== false,
    errors,
    warnings,
    infos,
    total: findings.length,
    ...(found !== undefined ? { found } : {}),
    ...(report ? { format: report.format } : {}),
    ...(report?.meta.reportYear !== undefined ? { reportYear: report.meta.reportYear } : {}),
  };
}
