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
  const findings = result.found
    ? check(result.report, {
        ...options,
        ...(result.provenance ? { provenance: result.provenance } : {}),
      })
    : [];
  return {
    ...result,
    findings,
    summary: summarize([...findings, ...result.diagnostics], result.report, result.found),
  };
}
