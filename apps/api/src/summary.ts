import type { Finding, Report } from '@nianbao/schema';

export interface Summary {
  ok: boolean;
  errors: number;
  warnings: number;
  infos: number;
  total: number;
  /** /check only: false when the document held no readable report. */
  found?: boolean;
  format?: Report['format'];
  reportYear?: number;
}

/**
 * Counts findings by severity; `ok` when none is an error (and, with `found`, when a
 * report was found at all: a page we could not read is not a report that passed).
 */
export function summarize(findings: readonly Finding[], report?: Report, found?: boolean): Summary {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  return {
    ok: errors === 0 && found !== false,
    errors,
    warnings: count('warning'),
    infos: count('info'),
    total: findings.length,
    ...(found !== undefined ? { found } : {}),
    ...(report ? { format: report.format } : {}),
    ...(report?.meta.reportYear !== undefined ? { reportYear: report.meta.reportYear } : {}),
  };
}
