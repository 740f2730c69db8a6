import type { Format, Report } from '../model/report.ts';
import { cellPaths } from '../templates/index.ts';
import { setCellInPlace } from './cells.ts';

/**
 * A report of the given format with every table row present and every cell set
 * to `fill` (null = blank, the starting point of the form).
 */
export function blankReport(format: Format, fill: number | null = null): Report {
  const report = { format, meta: {}, sections: [] } as unknown as Report;
  for (const path of cellPaths(format)) setCellInPlace(report, path, fill);
  return report;
}
